package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.check.Severity;
import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The integrity checks of {@code nvs_tool.py -i} (section 11.4 of {@code docs/nvs-format.md}), in the tool's order
 * and on the tool's view of the image ({@link ToolParse}): the same problems at the same places, in nvs4j's codes
 * and wording. Where the tool would crash (a namespace definition that is not an integer, a blob chunk outside its
 * index's range) these checks report the problem instead of stopping.
 */
public final class ToolChecks {

    private static final int N = Page.ENTRY_COUNT;

    private final ToolParse t;
    private final byte[] image;
    private final Findings out;
    private final boolean readOnly;

    /**
     * Written heads by tool key, in walk order, as page * 126 + entry: the groups of the duplicate check (part 5),
     * and of the blob check (part 6), since a blob index and its chunks share their key field.
     */
    private final KeyGroups writtenByKey;
    /** The groups that hold a blob index or chunk, once each: the only ones the blob check needs to look at. */
    private final boolean[] blobGroup;
    private final int[] blobGroups;
    private int blobGroupCount;
    /** Namespace indices used by items, in order of first use, and the first item using each (a slot, or -1). */
    private final int[] usedOrder = new int[256];
    private int usedCount;
    private final int[] firstUser = new int[256];
    /** Namespace definition values → the slot of the (last) entry defining each. */
    private final Map<Long, Integer> foundNamespaces = new LinkedHashMap<>();

    private ToolChecks(ToolParse parse, boolean readOnly, Findings out) {
        this.t = parse;
        this.image = parse.image();
        this.readOnly = readOnly;
        this.out = out;
        this.writtenByKey = new KeyGroups(parse.writtenHeadCount());
        this.blobGroup = new boolean[parse.writtenHeadCount()];
        this.blobGroups = new int[parse.writtenHeadCount()];
        Arrays.fill(firstUser, -1);
    }

    /**
     * Runs the checks.
     *
     * @param parse the tool's view of the image
     * @param readOnly whether the partition is flagged read-only (which needs no spare page and may be small); the
     *     tool itself never knows, so it reports the same problems, but they are milder
     * @param out where the findings go
     */
    public static void run(ToolParse parse, boolean readOnly, Findings out) {
        new ToolChecks(parse, readOnly, out).run();
    }

    private void run() {
        checkPartitionSize();
        checkFreePage();
        for (int p = 0; p < t.pageCount(); p++) {
            if (t.isBlankPage(p)) {
                continue; // an erased page: nothing to report, nothing to gather
            }
            if (t.isStatusEmpty(p)) {
                checkEmptyPage(p);
            } else if (!Page.headerCrcValid(image, Page.offset(p))) {
                int off = Page.offset(p);
                out.page(FindingCode.PAGE_HEADER_CRC, p, "page header CRC is "
                        + Findings.hex32(Page.storedHeaderCrc(image, off)) + " but bytes 4..27 hash to "
                        + Findings.hex32(NvsCrc.pageHeader(image, off))
                        + "; the runtime treats the page as corrupt and ignores its entries");
            }
            for (int k = 0; k < t.headCount(p); k++) {
                checkEntry(p, t.head(p, k));
            }
        }
        ToolDuplicates duplicates = new ToolDuplicates(t, out);
        BlobParts blobParts = new BlobParts();
        for (int g = 0; g < writtenByKey.count(); g++) {
            if (writtenByKey.size(g) > 1) {
                duplicates.check(writtenByKey, g);
            }
        }
        for (int k = 0; k < blobGroupCount; k++) {
            blobParts.check(blobGroups[k]);
        }
        checkNamespaces();
    }

    // ---- 1, 2: partition ----

    private void checkPartitionSize() {
        int pages = t.pageCount();
        if (pages < 3) {
            out.image(FindingCode.PARTITION_TOO_SMALL, "the image has " + pages + (pages == 1 ? " page" : " pages")
                    + "; a writable NVS partition needs at least 3 (0x3000 bytes), only a partition flagged"
                    + " read-only may be smaller" + (readOnly ? " (as this one is)" : ""));
        }
    }

    private void checkFreePage() {
        for (int p = 0; p < t.pageCount(); p++) {
            if (t.isStatusEmpty(p)) {
                return;
            }
        }
        if (readOnly) {
            out.image(FindingCode.NO_FREE_PAGE, Severity.WARNING, "no page is erased (state 0xFFFFFFFF), which"
                    + " nvs_tool.py reports as an error, but a read-only partition needs no spare page");
        } else {
            out.image(FindingCode.NO_FREE_PAGE, "no page is erased (state 0xFFFFFFFF), but a writable partition"
                    + " needs a spare page; the image may be truncated");
        }
    }

    // ---- 3: pages ----

    private void checkEmptyPage(int p) {
        if (!t.isBitmapBlank(p)) {
            out.page(FindingCode.EMPTY_PAGE_BITMAP, p, "the page is erased (state 0xFFFFFFFF) but its entry state"
                    + " bitmap is not all 0xFF; the runtime treats the page as corrupt");
        }
        int withData = 0;
        for (int k = 0; k < t.headCount(p); k++) {
            if (!t.isBlank(p, t.head(p, k))) {
                withData++;
            }
        }
        if (withData > 0) {
            out.page(FindingCode.EMPTY_PAGE_DATA, p, "the page is erased (state 0xFFFFFFFF) but " + withData
                    + (withData == 1 ? " entry holds" : " entries hold") + " data; the runtime treats the page as"
                    + " corrupt and ignores its contents");
        }
    }

    // ---- 4: entries ----

    private void checkEntry(int p, int i) {
        EntryState state = t.state(p, i);
        if (state == EntryState.WRITTEN) {
            int e = t.entryOffset(p, i) + 8;
            int g = writtenByKey.add(Bytes.u64(image, e), Bytes.u64(image, e + 8), p * N + i);
            int code = t.typeCode(p, i);
            if ((code == ItemType.BLOB_IDX.code() || code == ItemType.BLOB_DATA.code()) && !blobGroup[g]) {
                blobGroup[g] = true;
                blobGroups[blobGroupCount++] = g;
            }
        }
        if (t.isBlank(p, i)) {
            if (state == EntryState.WRITTEN) {
                out.entry(FindingCode.WRITTEN_BUT_EMPTY, p, i, "the entry is marked written but all its bytes"
                        + " are 0xFF");
                return;
            }
            if (state == EntryState.ERASED) {
                out.entry(FindingCode.ERASED_BUT_EMPTY, p, i, "the entry is marked erased but all its bytes are"
                        + " 0xFF; only empty entries should be blank");
            }
        }
        if (state != EntryState.WRITTEN) {
            return;
        }
        int code = t.typeCode(p, i);
        if (!t.crcMatches(p, i)) {
            out.entry(FindingCode.ENTRY_CRC, p, i, "entry header CRC is " + Findings.hex32(t.crcOriginal(p, i))
                    + " but the entry hashes to " + Findings.hex32(t.crcComputed(p, i))
                    + "; the runtime erases it at boot");
        }
        int rawSpan = t.rawSpan(p, i);
        if (rawSpan > 1) {
            checkDataCrc(p, i, Findings.typeLabel(code));
        }
        ItemType type = ToolParse.toolType(code);
        if (type == null) {
            if (code == ItemType.FLOAT.code() || code == ItemType.DOUBLE.code()) {
                out.entry(FindingCode.FLOAT_DOUBLE, p, i, Findings.typeLabel(code) + " entry (type "
                        + Findings.hex8(code) + ", ESP-IDF v6.1 and later): runtimes"
                        + " v5.0.8/v5.1.6/v5.2.5/v5.3.2/v5.4 up to v6.0 erase it at boot, and nvs_tool.py does not know"
                        + " the type");
            } else {
                out.entry(FindingCode.UNKNOWN_TYPE, p, i, "type byte " + Findings.hex8(code)
                        + " names no item type; the runtime erases the entry at boot");
            }
        }
        if (i + rawSpan - 1 >= Page.ENTRY_COUNT) {
            out.entry(FindingCode.SPAN_OUT_OF_PAGE, p, i, Findings.typeLabel(code) + " spans " + rawSpan
                    + " entries from entry " + i + ", past the last entry (125) of the page");
        } else if (rawSpan > 1) {
            checkChildStates(p, i, Findings.typeLabel(code));
        }
        // blob indexes and chunks are checked per key group, after the walk (part 6)
        int ns = t.nsIndex(p, i);
        if (ns == 0) {
            // The tool stores the definition's value; an unknown type gives None and a variable-length one a
            // list, on which the tool crashes. Those are left to the device checks (NAMESPACE_ENTRY_TYPE).
            if (type != null && type.isFixedSize()) {
                foundNamespaces.put(t.fixedValue(p, i), p * N + i);
            }
        } else {
            if (firstUser[ns] < 0) {
                firstUser[ns] = p * N + i;
                usedOrder[usedCount++] = ns;
            }
        }
    }

    private void checkDataCrc(int p, int i, String label) {
        if (t.dataMatches(p, i)) {
            return; // (a fixed-size type with a span: the tool crashes; the device checks report SPAN_MISMATCH)
        }
        long computed = t.dataComputed(p, i);
        long original = t.dataOriginal(p, i);
        if (t.effectiveSpan(p, i) == 1) {
            out.entry(FindingCode.DATA_CRC, p, i, label + " has span byte 0xff, so no payload matches its data CRC "
                    + Findings.hex32(original));
            return;
        }
        ItemType type = ToolParse.toolType(t.typeCode(p, i));
        if (type != null && type.isVariableLength()) {
            out.entry(FindingCode.DATA_CRC, p, i, label + " data CRC is " + Findings.hex32(original) + " but its "
                    + t.crcLength(p, i) + " payload bytes hash to " + Findings.hex32(computed)
                    + "; reading it fails and erases it");
        } else {
            out.entry(FindingCode.DATA_CRC, p, i, label + " bytes 28..31 (" + Findings.hex32(original)
                    + ") do not match the CRC " + Findings.hex32(computed) + " of the entries its span covers");
        }
    }

    private void checkChildStates(int p, int i, String label) {
        int children = t.childCount(p, i);
        if (t.allWritten(p, i + 1, children)) {
            return; // the usual case, without building anything
        }
        List<String> runs = new ArrayList<>();
        int bad = 0;
        int c = 1;
        while (c <= children) {
            EntryState s = t.state(p, i + c);
            if (s == EntryState.WRITTEN) {
                c++;
                continue;
            }
            int from = c;
            while (c + 1 <= children && t.state(p, i + c + 1) == s) {
                c++;
            }
            bad += c - from + 1;
            String state = ToolParse.stateName(s).toLowerCase(Locale.ROOT);
            runs.add(from == c ? "entry " + (i + from) + " is " + state
                    : "entries " + (i + from) + ".." + (i + c) + " are " + state);
            c++;
        }
        if (bad == 0) {
            return;
        }
        String what = bad == 1 ? "its data " + runs.get(0)
                : bad + " of its " + children + " data entries are not written (" + String.join(", ", runs) + ")";
        out.entry(FindingCode.INCONSISTENT_DATA_STATE, p, i, label + " header is written but " + what
                + "; the runtime erases the item at boot");
    }

    // ---- 5: duplicates: ToolDuplicates ----

    // ---- 6: blobs ----

    /**
     * The tool's blob check within one key group: per namespace the last blob index of the key wins (the tool keeps
     * them in a dictionary), and every chunk of the key is placed in its slot or reported. Works on the group alone,
     * so the whole check is linear in the image; the per-namespace tables are reused from group to group (a stamp
     * tells which entries belong to the current group).
     */
    private final class BlobParts {
        /** Per namespace: the slot of the last blob index in the current group, valid where stamp == group + 1. */
        private final int[] lastIndex = new int[256];
        private final int[] stamp = new int[256];
        /** Per namespace: the chunk slot for each chunk of that index (-1: missing), allocated when a chunk comes. */
        private final int[][] chunkSlots = new int[256][];
        /** The namespaces of the current group with a blob index, in order of first appearance. */
        private final int[] withIndex = new int[256];

        void check(int g) {
            int size = writtenByKey.size(g);
            int indexes = 0;
            for (int k = 0; k < size; k++) {
                int slot = writtenByKey.entry(g, k);
                int e = Page.entryOffset(slot / N, slot % N);
                if ((image[e + 1] & 0xFF) != ItemType.BLOB_IDX.code()) {
                    continue;
                }
                int ns = image[e] & 0xFF;
                if (stamp[ns] != g + 1) {
                    stamp[ns] = g + 1;
                    chunkSlots[ns] = null;
                    withIndex[indexes++] = ns;
                }
                lastIndex[ns] = slot; // the last index of a namespace and key wins, as in the tool
            }
            for (int k = 0; k < size; k++) {
                int slot = writtenByKey.entry(g, k);
                if ((image[Page.entryOffset(slot / N, slot % N) + 1] & 0xFF) == ItemType.BLOB_DATA.code()) {
                    placeChunk(g, slot / N, slot % N);
                }
            }
            for (int k = 0; k < indexes; k++) {
                checkIndex(lastIndex[withIndex[k]], chunkSlots[withIndex[k]]);
            }
        }

        private void placeChunk(int g, int p, int i) {
            int ns = t.nsIndex(p, i);
            int chunkIndex = t.chunkIndex(p, i);
            if (stamp[ns] != g + 1) {
                out.entry(FindingCode.BLOB_CHUNK_WITHOUT_INDEX, p, i, "blob chunk " + chunkIndex
                        + " has no blob index with its namespace (" + ns + ") and key; the runtime erases it at boot");
                return;
            }
            int index = lastIndex[ns];
            int ie = Page.entryOffset(index / N, index % N);
            int start = image[ie + 29] & 0xFF;
            int count = image[ie + 28] & 0xFF;
            int relative = chunkIndex - start;
            if (relative < 0 || relative >= count) {
                out.entryOnce(FindingCode.BLOB_CHUNK_OUT_OF_RANGE, p, i, "blob chunk index " + chunkIndex
                        + " lies outside chunks " + start + ".." + (start + count - 1) + " of the blob index at page "
                        + index / N + " entry " + index % N + "; the runtime erases it at boot");
                return;
            }
            if (chunkSlots[ns] == null) {
                chunkSlots[ns] = new int[count];
                Arrays.fill(chunkSlots[ns], -1);
            }
            chunkSlots[ns][relative] = p * N + i; // a later chunk with the same index replaces an earlier one
        }

        private void checkIndex(int index, int[] chunks) {
            int ip = index / N;
            int ii = index % N;
            int e = Page.entryOffset(ip, ii);
            long size = Bytes.u32(image, e + 24) & 0xFFFF_FFFFL;
            int start = image[e + 29] & 0xFF;
            int count = image[e + 28] & 0xFF;
            long approximate = size;
            long exact = 0;
            for (int k = 0; k < count; k++) {
                int chunk = chunks == null ? -1 : chunks[k];
                if (chunk < 0) {
                    out.entry(FindingCode.BLOB_MISSING_CHUNK, ip, ii, "the blob index counts " + count
                            + (count == 1 ? " chunk" : " chunks") + " but chunk " + k + " (chunk index "
                            + (start + k) + ") is missing");
                } else {
                    approximate -= (long) t.childCount(chunk / N, chunk % N) * Page.ENTRY_SIZE;
                    exact += Bytes.u16(image, Page.entryOffset(chunk / N, chunk % N) + 24);
                }
            }
            if (approximate > 0) {
                out.entry(FindingCode.BLOB_MISSING_DATA, ip, ii, "the blob index records " + size
                        + " bytes but the chunks found hold only " + exact);
            }
        }
    }

    // ---- 7: namespaces ----

    private void checkNamespaces() {
        Map<Long, Integer> unused = new LinkedHashMap<>(foundNamespaces);
        for (int k = 0; k < usedCount; k++) {
            int ns = usedOrder[k];
            if (unused.remove((long) ns) == null) {
                int slot = firstUser[ns];
                out.entry(FindingCode.UNDEFINED_NAMESPACE, slot / N, slot % N, "namespace index " + ns
                        + " is used by items (the first is here) but no namespace definition gives it");
            }
        }
        for (Map.Entry<Long, Integer> def : unused.entrySet()) {
            int slot = def.getValue();
            out.entry(FindingCode.UNUSED_NAMESPACE, slot / N, slot % N, "the namespace (index " + def.getKey()
                    + ") is defined but no item uses it");
        }
    }
}
