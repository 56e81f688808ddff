package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.check.Severity;
import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The integrity checks of {@code nvs_tool.py -i} (section 11.4 of {@code docs/nvs-format.md}), in the tool's order
 * and on the tool's view of the image ({@link ToolParse}): the same problems at the same places, in nvs4j's codes
 * and wording. Where the tool would crash (a namespace definition that is not an integer, a blob chunk outside its
 * index's range) these checks report the problem instead of stopping.
 */
public final class ToolChecks {

    private record Head(int page, int entry) {
    }

    private final ToolParse t;
    private final byte[] image;
    private final Findings out;
    private final boolean readOnly;

    /** Written heads by tool key, in walk order (duplicate check, part 1), as page * 126 + entry. */
    private final KeyGroups writtenByKey = new KeyGroups();
    /** Blob index per namespace + key (the last one wins), with its chunk slots. */
    private final Map<String, Head[]> blobs = new LinkedHashMap<>();
    private final List<Head> blobChunks = new ArrayList<>();
    /** Namespace indices used by items, in order of first use, and the first item using each. */
    private final int[] usedOrder = new int[256];
    private int usedCount;
    private final Head[] firstUser = new Head[256];
    /** Namespace definition values → the (last) entry defining each. */
    private final Map<Long, Head> foundNamespaces = new LinkedHashMap<>();

    private ToolChecks(ToolParse parse, boolean readOnly, Findings out) {
        this.t = parse;
        this.image = parse.image();
        this.readOnly = readOnly;
        this.out = out;
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
        checkDuplicates();
        checkBlobs();
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
            writtenByKey.add(Bytes.u64(image, e), Bytes.u64(image, e + 8), p * Page.ENTRY_COUNT + i);
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
        if (t.crcOriginal(p, i) != t.crcComputed(p, i)) {
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
        if (type == ItemType.BLOB_IDX) {
            Head[] slots = new Head[1 + (image[t.entryOffset(p, i) + 28] & 0xFF)];
            slots[0] = new Head(p, i);
            blobs.put(blobKey(p, i), slots); // the last index of a namespace and key wins, as in the tool
        } else if (type == ItemType.BLOB_DATA) {
            blobChunks.add(new Head(p, i));
        }
        int ns = t.nsIndex(p, i);
        if (ns == 0) {
            // The tool stores the definition's value; an unknown type gives None and a variable-length one a
            // list, on which the tool crashes. Those are left to the device checks (NAMESPACE_ENTRY_TYPE).
            if (type != null && type.isFixedSize()) {
                foundNamespaces.put(t.fixedValue(p, i), new Head(p, i));
            }
        } else {
            if (firstUser[ns] == null) {
                firstUser[ns] = new Head(p, i);
                usedOrder[usedCount++] = ns;
            }
        }
    }

    private void checkDataCrc(int p, int i, String label) {
        long computed = t.dataComputed(p, i);
        long original = t.dataOriginal(p, i);
        if (computed == ToolParse.CRASH || computed == original) {
            return; // a fixed-size type with a span: the tool crashes; the device checks report SPAN_MISMATCH
        }
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
        List<String> runs = new ArrayList<>();
        int bad = 0;
        int children = t.childCount(p, i);
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

    // ---- 5: duplicates ----

    private void checkDuplicates() {
        for (int g = 0; g < writtenByKey.count(); g++) {
            int size = writtenByKey.size(g);
            if (size < 2) {
                continue;
            }
            List<Head> entries = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                int slot = writtenByKey.entry(g, k);
                entries.add(new Head(slot / Page.ENTRY_COUNT, slot % Page.ENTRY_COUNT));
            }
            List<Head> sameNamespace = filterNamespaces(entries);
            if (sameNamespace.isEmpty()) {
                continue;
            }
            for (Head d : filterBlobs(sameNamespace)) {
                out.entry(FindingCode.DUPLICATE_KEY, d.page, d.entry, duplicateMessage(d, entries));
            }
        }
    }

    /** Names the other written entries of the same namespace and key that the device confuses with {@code d}. */
    private String duplicateMessage(Head d, List<Head> sameKey) {
        int ns = t.nsIndex(d.page, d.entry);
        int code = t.typeCode(d.page, d.entry);
        List<String> others = new ArrayList<>();
        for (Head o : sameKey) {
            int otherCode = t.typeCode(o.page, o.entry);
            if (o.equals(d) || t.nsIndex(o.page, o.entry) != ns || ToolParse.toolType(otherCode) == null) {
                continue;
            }
            boolean chunk = code == ItemType.BLOB_DATA.code();
            boolean otherChunk = otherCode == ItemType.BLOB_DATA.code();
            if (chunk && otherChunk && t.chunkIndex(o.page, o.entry) != t.chunkIndex(d.page, d.entry)
                    || chunk && otherCode == ItemType.BLOB_IDX.code()
                    || otherChunk && code == ItemType.BLOB_IDX.code()) {
                continue; // the parts of one format-2 blob
            }
            String other = ns == 0 && otherCode == ItemType.U8.code() ? "the namespace definition"
                    : Findings.typeLabel(otherCode);
            others.add(other + " at page " + o.page + " entry " + o.entry);
        }
        String label = ns == 0 ? "namespace definition" : Findings.typeLabel(code);
        String scope = ns == 0 ? "its name with " : "namespace " + ns + " and key with ";
        return label + " shares " + scope + String.join(", ", others)
                + "; which copy a device reads depends on page order";
    }

    /** The tool's first filter: keep entries of known types that share a namespace with another one. */
    private List<Head> filterNamespaces(List<Head> entries) {
        List<Head> seen = new ArrayList<>();
        Set<Head> collisions = new HashSet<>();
        for (Head e : entries) {
            if (ToolParse.toolType(t.typeCode(e.page, e.entry)) == null) {
                continue;
            }
            for (Head o : seen) {
                if (t.nsIndex(e.page, e.entry) == t.nsIndex(o.page, o.entry)) {
                    collisions.add(e);
                    collisions.add(o);
                }
            }
            seen.add(e);
        }
        List<Head> kept = new ArrayList<>();
        if (seen.size() > 1) {
            for (Head e : seen) {
                if (collisions.contains(e)) {
                    kept.add(e);
                }
            }
        }
        return kept;
    }

    /**
     * The tool's second filter: blob indexes count only against blob indexes of the same namespace, blob chunks
     * only against chunks of the same namespace and chunk index; every other entry stays.
     */
    private List<Head> filterBlobs(List<Head> entries) {
        List<Head> indexes = new ArrayList<>();
        List<Head> chunks = new ArrayList<>();
        List<Head> others = new ArrayList<>();
        Set<Head> indexCollisions = new HashSet<>();
        Set<Head> chunkCollisions = new HashSet<>();
        for (Head e : entries) {
            int code = t.typeCode(e.page, e.entry);
            int ns = t.nsIndex(e.page, e.entry);
            if (code == ItemType.BLOB_IDX.code()) {
                for (Head o : indexes) {
                    if (ns == t.nsIndex(o.page, o.entry)) {
                        indexCollisions.add(e);
                        indexCollisions.add(o);
                    }
                }
                indexes.add(e);
            } else if (code == ItemType.BLOB_DATA.code()) {
                for (Head o : chunks) {
                    if (ns == t.nsIndex(o.page, o.entry)
                            && t.chunkIndex(e.page, e.entry) == t.chunkIndex(o.page, o.entry)) {
                        chunkCollisions.add(e);
                        chunkCollisions.add(o);
                    }
                }
                chunks.add(e);
            } else {
                others.add(e);
            }
        }
        List<Head> result = new ArrayList<>();
        if (indexes.size() > 1) {
            for (Head e : indexes) {
                if (indexCollisions.contains(e)) {
                    result.add(e);
                }
            }
        }
        if (chunks.size() > 1) {
            for (Head e : chunks) {
                if (chunkCollisions.contains(e)) {
                    result.add(e);
                }
            }
        }
        result.addAll(others);
        return result;
    }

    // ---- 6: blobs ----

    private String blobKey(int p, int i) {
        return t.nsIndex(p, i) + "/" + t.key(p, i);
    }

    private void checkBlobs() {
        for (Head chunk : blobChunks) {
            Head[] slots = blobs.get(blobKey(chunk.page, chunk.entry));
            int ns = t.nsIndex(chunk.page, chunk.entry);
            int chunkIndex = t.chunkIndex(chunk.page, chunk.entry);
            if (slots == null) {
                out.entry(FindingCode.BLOB_CHUNK_WITHOUT_INDEX, chunk.page, chunk.entry, "blob chunk " + chunkIndex
                        + " has no blob index with its namespace (" + ns + ") and key; the runtime erases it at boot");
                continue;
            }
            Head index = slots[0];
            int start = image[t.entryOffset(index.page, index.entry) + 29] & 0xFF;
            int relative = chunkIndex - start;
            if (relative < 0 || relative >= slots.length - 1) {
                out.entryOnce(FindingCode.BLOB_CHUNK_OUT_OF_RANGE, chunk.page, chunk.entry, "blob chunk index "
                        + chunkIndex + " lies outside chunks " + start + ".." + (start + slots.length - 2)
                        + " of the blob index at page " + index.page + " entry " + index.entry
                        + "; the runtime erases it at boot");
                continue;
            }
            slots[1 + relative] = chunk;
        }
        for (Head[] slots : blobs.values()) {
            Head index = slots[0];
            int e = t.entryOffset(index.page, index.entry);
            long size = Bytes.u32(image, e + 24) & 0xFFFF_FFFFL;
            int start = image[e + 29] & 0xFF;
            long approximate = size;
            long exact = 0;
            for (int k = 1; k < slots.length; k++) {
                Head chunk = slots[k];
                if (chunk == null) {
                    out.entry(FindingCode.BLOB_MISSING_CHUNK, index.page, index.entry, "the blob index counts "
                            + (slots.length - 1) + (slots.length == 2 ? " chunk" : " chunks") + " but chunk "
                            + (k - 1) + " (chunk index " + (start + k - 1) + ") is missing");
                } else {
                    approximate -= (long) t.childCount(chunk.page, chunk.entry) * Page.ENTRY_SIZE;
                    exact += Bytes.u16(image, t.entryOffset(chunk.page, chunk.entry) + 24);
                }
            }
            if (approximate > 0) {
                out.entry(FindingCode.BLOB_MISSING_DATA, index.page, index.entry, "the blob index records " + size
                        + " bytes but the chunks found hold only " + exact);
            }
        }
    }

    // ---- 7: namespaces ----

    private void checkNamespaces() {
        Map<Long, Head> unused = new LinkedHashMap<>(foundNamespaces);
        for (int k = 0; k < usedCount; k++) {
            int ns = usedOrder[k];
            if (unused.remove((long) ns) == null) {
                Head h = firstUser[ns];
                out.entry(FindingCode.UNDEFINED_NAMESPACE, h.page, h.entry, "namespace index " + ns
                        + " is used by items (the first is here) but no namespace definition gives it");
            }
        }
        for (Map.Entry<Long, Head> def : unused.entrySet()) {
            Head h = def.getValue();
            out.entry(FindingCode.UNUSED_NAMESPACE, h.page, h.entry, "the namespace (index " + def.getKey()
                    + ") is defined but no item uses it");
        }
    }
}
