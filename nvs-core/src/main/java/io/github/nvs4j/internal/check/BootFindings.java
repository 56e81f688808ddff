package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.Finding;
import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.check.Severity;
import io.github.nvs4j.internal.runtime.BootOutcome;
import io.github.nvs4j.read.BootRepair;
import io.github.nvs4j.read.InitResult;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the reader decided about an image (the boot of {@link io.github.nvs4j.read.NvsReader#boot}: the
 * repairs the runtime makes at boot and while reading, and the result of {@code nvs_flash_init}) into findings. Nothing is re-derived
 * here: each repair becomes one finding at the repair's location with the reader's sentence as its message, unless
 * a format finding at the same place already reports the cause (an entry erased for its CRC is already an
 * {@code ENTRY_CRC} finding, for example). Corrupt pages the runtime erases to reuse them and trailing bytes it
 * ignores are always reported by the format checks already.
 */
public final class BootFindings {

    /** For each repair kind: the finding code it becomes, and the codes that, at the same offset, already report it. */
    private record Mapping(FindingCode code, Set<FindingCode> coveredBy) {
    }

    private static final Map<BootRepair.Kind, Mapping> MAPPINGS = mappings();

    private BootFindings() {
    }

    /**
     * Adds the findings.
     *
     * @param boot what the reader's boot of the image found (its values are not needed)
     * @param out the findings so far (format checks), to which the boot findings are added
     */
    public static void add(BootOutcome boot, Findings out) {
        boolean encrypted = !out.withCode(FindingCode.LOOKS_ENCRYPTED).isEmpty();
        for (BootRepair repair : boot.repairs()) {
            Mapping m = MAPPINGS.get(repair.kind());
            if (m == null || covered(out, m, repair.offset())) {
                continue;
            }
            if (encrypted && m.code == FindingCode.ENTRY_CRC) {
                continue; // LOOKS_ENCRYPTED already counts the entries that fail their CRC
            }
            if (repair.entry() >= 0) {
                out.entry(m.code, repair.page(), repair.entry(), repair.detail());
            } else {
                out.page(m.code, repair.page(), repair.detail());
            }
        }
        // an entry boot erases as half-written needs no second finding saying it is marked empty but holds data
        if (!out.withCode(FindingCode.HALF_WRITTEN_ENTRY).isEmpty()) {
            out.removeIf(f -> f.code() == FindingCode.EMPTY_BUT_NOT_BLANK
                    && out.has(FindingCode.HALF_WRITTEN_ENTRY, f.offset()));
        }
        InitResult init = initResult(boot.init());
        if (!init.isOk()) {
            out.image(FindingCode.INIT_FAILED, "nvs_flash_init fails with " + init + " (0x"
                    + Integer.toHexString(init.code()) + "): " + reason(init));
            return;
        }
        softenNoFreePage(boot, out);
        if (boot.stats() == null) {
            out.image(FindingCode.STATS_UNAVAILABLE, "nvs_get_stats fails with ESP_FAIL after boot, because a"
                    + " FREEING page is still in use");
        }
    }

    /** A writable partition without an erased page that boots anyway: boot freed or reused a page. */
    private static void softenNoFreePage(BootOutcome boot, Findings out) {
        List<Finding> noFree = out.withCode(FindingCode.NO_FREE_PAGE);
        if (noFree.isEmpty() || noFree.get(0).severity() != Severity.ERROR) {
            return;
        }
        boolean partialCopy = boot.repairs().stream()
                .anyMatch(r -> r.kind() == BootRepair.Kind.PARTIAL_COPY_DISCARDED);
        out.removeIf(f -> f.code() == FindingCode.NO_FREE_PAGE);
        out.image(FindingCode.NO_FREE_PAGE, Severity.WARNING, "no page is erased (state 0xFFFFFFFF), which"
                + " nvs_tool.py reports as an error, but the runtime still boots: "
                + (partialCopy ? "boot erases the partial copy of the FREEING page and uses it"
                        : "it erases a corrupt page to serve as its spare page"));
    }

    private static boolean covered(Findings out, Mapping m, long offset) {
        if (out.has(m.code, offset)) {
            return true;
        }
        for (FindingCode c : m.coveredBy) {
            if (out.has(c, offset)) {
                return true;
            }
        }
        return false;
    }

    private static InitResult initResult(int code) {
        for (InitResult r : InitResult.values()) {
            if (r.code() == code) {
                return r;
            }
        }
        return InitResult.ESP_FAIL;
    }

    private static String reason(InitResult init) {
        return switch (init) {
            case ESP_ERR_NVS_NO_FREE_PAGES -> "no free page is left after loading, so the device cannot use the"
                    + " partition until it is erased";
            case ESP_ERR_NVS_NEW_VERSION_FOUND -> "a page carries a newer format version, so the device refuses"
                    + " the partition";
            case ESP_ERR_NVS_NOT_ENOUGH_SPACE -> "a page had to be activated (to recover a FREEING page, or on an"
                    + " image without pages) but none is free";
            case ESP_ERR_NOT_ALLOWED -> "the partition is read-only and boot needs to erase something";
            default -> "the runtime failed an internal check";
        };
    }

    private static Map<BootRepair.Kind, Mapping> mappings() {
        Map<BootRepair.Kind, Mapping> m = new HashMap<>();
        Set<FindingCode> none = EnumSet.noneOf(FindingCode.class);
        m.put(BootRepair.Kind.PAGE_NOT_BLANK, new Mapping(FindingCode.EMPTY_PAGE_DATA,
                EnumSet.of(FindingCode.EMPTY_PAGE_HEADER, FindingCode.EMPTY_PAGE_BITMAP)));
        m.put(BootRepair.Kind.PAGE_HEADER_CRC, new Mapping(FindingCode.PAGE_HEADER_CRC, none));
        m.put(BootRepair.Kind.PAGE_STATE_UNKNOWN, new Mapping(FindingCode.UNKNOWN_PAGE_STATE, none));
        m.put(BootRepair.Kind.PAGE_NEW_VERSION, new Mapping(FindingCode.NEW_VERSION, none));
        m.put(BootRepair.Kind.HALF_WRITTEN_ENTRY, new Mapping(FindingCode.HALF_WRITTEN_ENTRY, none));
        m.put(BootRepair.Kind.ILLEGAL_ENTRY_STATE, new Mapping(FindingCode.ILLEGAL_ENTRY_STATE, none));
        m.put(BootRepair.Kind.ENTRY_CRC,
                new Mapping(FindingCode.ENTRY_CRC, EnumSet.of(FindingCode.WRITTEN_BUT_EMPTY)));
        m.put(BootRepair.Kind.UNKNOWN_TYPE,
                new Mapping(FindingCode.UNKNOWN_TYPE, EnumSet.of(FindingCode.FLOAT_DOUBLE)));
        m.put(BootRepair.Kind.INCONSISTENT_HEADER, new Mapping(FindingCode.INCONSISTENT_HEADER,
                EnumSet.of(FindingCode.SPAN_MISMATCH, FindingCode.SPAN_OUT_OF_PAGE, FindingCode.CHUNK_INDEX_NOT_FF,
                        FindingCode.BLOB_TOO_LARGE, FindingCode.BLOB_CHUNK_OUT_OF_RANGE)));
        m.put(BootRepair.Kind.INCOMPLETE_ITEM, new Mapping(FindingCode.INCONSISTENT_DATA_STATE, none));
        Mapping olderCopy = new Mapping(FindingCode.OLDER_COPY_ERASED, none);
        m.put(BootRepair.Kind.DUPLICATE_IN_PAGE, olderCopy);
        m.put(BootRepair.Kind.LAST_ENTRY_DUPLICATE, olderCopy);
        m.put(BootRepair.Kind.OLDER_COPY_ERASED, olderCopy);
        m.put(BootRepair.Kind.LEGACY_BLOB_REPLACED, olderCopy);
        m.put(BootRepair.Kind.PARTIAL_COPY_DISCARDED, new Mapping(FindingCode.PARTIAL_COPY_DISCARDED, none));
        m.put(BootRepair.Kind.FREEING_PAGE_RECOVERED, new Mapping(FindingCode.FREEING_PAGE_RECOVERED, none));
        m.put(BootRepair.Kind.BLOB_INDEX_MISMATCH, new Mapping(FindingCode.BLOB_INDEX_MISMATCH,
                EnumSet.of(FindingCode.BLOB_MISSING_CHUNK, FindingCode.BLOB_MISSING_DATA,
                        FindingCode.BLOB_INDEX_RANGE)));
        m.put(BootRepair.Kind.ORPHAN_BLOB_CHUNK, new Mapping(FindingCode.ORPHAN_BLOB_CHUNK,
                EnumSet.of(FindingCode.BLOB_CHUNK_WITHOUT_INDEX, FindingCode.BLOB_CHUNK_OUT_OF_RANGE)));
        m.put(BootRepair.Kind.PAGE_INVALIDATED, new Mapping(FindingCode.PAGE_INVALIDATED, none));
        m.put(BootRepair.Kind.DATA_CRC_ON_READ, new Mapping(FindingCode.DATA_CRC, none));
        m.put(BootRepair.Kind.BLOB_INCOMPLETE_ON_READ, new Mapping(FindingCode.BLOB_UNREADABLE,
                EnumSet.of(FindingCode.BLOB_MISSING_CHUNK, FindingCode.BLOB_MISSING_DATA,
                        FindingCode.BLOB_INDEX_MISMATCH)));
        // TRAILING_BYTES_IGNORED is PARTIAL_PAGE, CORRUPT_PAGE_ERASED follows a corrupt-page finding: both are
        // always reported by the format checks already.
        for (BootRepair.Kind kind : BootRepair.Kind.values()) {
            if (!m.containsKey(kind) && kind != BootRepair.Kind.TRAILING_BYTES_IGNORED
                    && kind != BootRepair.Kind.CORRUPT_PAGE_ERASED) {
                throw new IllegalStateException("no finding for boot repair " + kind);
            }
        }
        return Map.copyOf(m);
    }
}
