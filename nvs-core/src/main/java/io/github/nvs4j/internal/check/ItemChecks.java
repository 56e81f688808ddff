package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.check.Severity;
import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.format.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device-level checks of the items on the pages the runtime loads, which {@code nvs_tool.py} does not make: the
 * header consistency rules of section 2.7 of {@code docs/nvs-format.md} beyond CRC and type, key fields the device
 * can never look up (2.5), chunk indexes on items that are not blob chunks, namespace definitions the runtime cannot
 * use (section 3), and blob chunk ranges (5.2).
 *
 * <p>Items are found as the runtime walks a FULL page (7.3): a written entry whose header passes 2.7 is an item and
 * the walk skips its span; anything else is stepped over one entry at a time. What the runtime then erases at boot
 * (torn writes, duplicates, orphans) is the reader's business, not this class's.
 */
public final class ItemChecks {

    /** Largest size a blob index may record (2.7): 127 chunks × 125 entries × 32 bytes. */
    private static final long MAX_BLOB_SIZE = 127L * 125 * 32;

    private record Namespace(String name, int index, int page, int entry) {
    }

    private final byte[] image;
    private final CrcVerdicts crcs;
    private final Findings out;
    private final List<Namespace> namespaces = new ArrayList<>();
    /** The chunk ranges of the blob indexes, by namespace and key. */
    private final BlobRanges blobRanges = new BlobRanges();
    /** The blob chunks found (page * 126 + entry), in walk order; checked against the ranges after the walk. */
    private int[] chunks = new int[64];
    private int chunkCount;
    private int headerCandidates;
    private int crcFailures;

    private ItemChecks(CrcVerdicts crcs, Findings out) {
        this.image = crcs.image();
        this.crcs = crcs;
        this.out = out;
    }

    /**
     * Runs the checks.
     *
     * @param crcs the image's CRC verdicts (shared with the other checks)
     * @param loaded which pages the runtime loads ({@link PageChecks#loadedPages})
     * @param out where the findings go
     */
    public static void run(CrcVerdicts crcs, boolean[] loaded, Findings out) {
        ItemChecks checks = new ItemChecks(crcs, out);
        for (int p = 0; p < loaded.length; p++) {
            if (loaded[p]) {
                checks.walk(p);
            }
        }
        checks.checkNamespaces();
        checks.checkBlobs();
        checks.checkEncryption();
    }

    private void walk(int p) {
        int pageOffset = Page.offset(p);
        int i = 0;
        while (i < Page.ENTRY_COUNT) {
            int e = Page.entryOffset(p, i);
            EntryState state = Page.entryState(image, pageOffset, i);
            if (state != EntryState.WRITTEN) {
                if (state == EntryState.EMPTY && !ToolParse.isBlank(image, e, Page.ENTRY_SIZE)) {
                    out.entry(FindingCode.EMPTY_BUT_NOT_BLANK, p, i, "the entry is marked empty but holds data, as"
                            + " after a write whose bitmap update was lost");
                }
                i++;
                continue;
            }
            headerCandidates++;
            if (!crcs.entryValid(p, i)) {
                crcFailures++; // reported by ToolChecks where nvs_tool.py sees a header
                i++;
                continue;
            }
            ItemType type = ItemType.ofCode(Entry.typeCode(image, e));
            if (type == null || !headerConsistent(p, i, e, type)) {
                i++;
                continue;
            }
            checkItem(p, i, e, type);
            i += type.isVariableLength() ? Entry.span(image, e) : 1;
        }
    }

    /** The rules of section 2.7 beyond the CRC and the type byte; reports what nvs_tool.py does not. */
    private boolean headerConsistent(int p, int i, int e, ItemType type) {
        int span = Entry.span(image, e);
        String label = Findings.typeLabel(type.code());
        if (type.isFixedSize()) {
            if (span != 1) {
                out.entry(FindingCode.SPAN_MISMATCH, p, i, label + " has span " + span + ", but fixed-size items"
                        + " have span 1; the runtime erases it at boot");
                return false;
            }
            return true;
        }
        if (type == ItemType.BLOB_IDX) {
            boolean ok = true;
            if (span != 1) {
                out.entry(FindingCode.SPAN_MISMATCH, p, i, "blob index has span " + span + ", but blob indexes"
                        + " have span 1; the runtime erases it at boot");
                ok = false;
            }
            if (Entry.chunkIndex(image, e) != Entry.NO_CHUNK) {
                out.entry(FindingCode.CHUNK_INDEX_NOT_FF, p, i, "blob index has chunk index "
                        + Entry.chunkIndex(image, e) + " instead of 0xff; the runtime erases it at boot");
                ok = false;
            }
            if (Entry.blobSize(image, e) > MAX_BLOB_SIZE) {
                out.entry(FindingCode.BLOB_TOO_LARGE, p, i, "blob index records " + Entry.blobSize(image, e)
                        + " bytes, more than the 508000 a blob can hold; the runtime erases it at boot");
                ok = false;
            }
            return ok;
        }
        if (span > Page.ENTRY_COUNT - i) {
            return false; // SPAN_OUT_OF_PAGE, reported by ToolChecks
        }
        int size = Entry.dataSize(image, e);
        if (span != Entry.spanOf(size)) {
            out.entry(FindingCode.SPAN_MISMATCH, p, i, label + " has span " + span + " but its " + size
                    + " bytes need span " + Entry.spanOf(size) + "; the runtime erases it at boot");
            return false;
        }
        if (type == ItemType.BLOB_DATA && Entry.chunkIndex(image, e) == Entry.NO_CHUNK) {
            out.entryOnce(FindingCode.BLOB_CHUNK_OUT_OF_RANGE, p, i, "blob chunk has chunk index 0xff, which no"
                    + " blob version uses; the runtime erases it at boot");
            return false;
        }
        return true;
    }

    private void checkItem(int p, int i, int e, ItemType type) {
        int ns = Entry.nsIndex(image, e);
        boolean definition = ns == Entry.NAMESPACE_TABLE;
        checkKey(p, i, e, definition);
        int chunk = Entry.chunkIndex(image, e);
        if (type != ItemType.BLOB_DATA && chunk != Entry.NO_CHUNK) {
            if (definition) {
                out.entry(FindingCode.CHUNK_INDEX_NOT_FF, Severity.WARNING, p, i, "namespace definition has chunk"
                        + " index " + chunk + " instead of 0xff; the runtime still loads it");
            } else {
                out.entry(FindingCode.CHUNK_INDEX_NOT_FF, p, i, Findings.typeLabel(type.code()) + " has chunk index "
                        + chunk + " instead of 0xff; the device lists it but a read by key never finds it");
            }
        }
        if (definition) {
            if (type == ItemType.U8) {
                namespaces.add(new Namespace(key15(e), image[e + Entry.DATA_OFFSET] & 0xFF, p, i));
            } else {
                out.entry(FindingCode.NAMESPACE_ENTRY_TYPE, p, i, Findings.typeLabel(type.code()) + " in namespace 0,"
                        + " which holds only u8 namespace definitions; the runtime stops loading namespace"
                        + " definitions from this page here"
                        + (type.isFixedSize() ? "" : ", and nvs_tool.py crashes on it"));
            }
        } else if (type == ItemType.BLOB_IDX) {
            checkBlobIndex(p, i, Entry.blobChunkStart(image, e), Entry.blobChunkCount(image, e));
            blobRanges.add(ns, image, e, Entry.blobChunkStart(image, e), Entry.blobChunkCount(image, e));
        } else if (type == ItemType.BLOB_DATA) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            chunks[chunkCount++] = p * Page.ENTRY_COUNT + i;
        }
    }

    private void checkKey(int p, int i, int e, boolean definition) {
        if (KeyField.isTerminatedAndPadded(image, e)) {
            return; // the usual case, decided eight bytes at a time
        }
        int k = e + Entry.KEY_OFFSET;
        int nul = 0;
        while (nul < Entry.KEY_SIZE && image[k + nul] != 0) {
            nul++;
        }
        if (nul == Entry.KEY_SIZE) {
            if (definition) {
                out.entry(FindingCode.KEY_NOT_TERMINATED, Severity.WARNING, p, i, "the namespace name fills all 16"
                        + " bytes of the key field with no NUL; the runtime names the namespace by its first 15");
            } else {
                out.entry(FindingCode.KEY_NOT_TERMINATED, p, i, "the key fills all 16 bytes of the key field with"
                        + " no NUL; the device lists the item under its first 15 bytes but a read by key never finds"
                        + " it");
            }
            return;
        }
        for (int j = nul + 1; j < Entry.KEY_SIZE; j++) {
            if (image[k + j] != 0) {
                if (definition) {
                    out.entry(FindingCode.KEY_PADDING, Severity.WARNING, p, i, "the key field has non-zero bytes"
                            + " after the NUL at byte " + nul + "; the runtime ignores them in namespace names");
                } else {
                    out.entry(FindingCode.KEY_PADDING, p, i, "the key field has non-zero bytes after the NUL at byte "
                            + nul + "; the device lists the item but a read by key never finds it, because lookups"
                            + " hash all 16 bytes");
                }
                return;
            }
        }
    }

    /** @return the key as the runtime compares it: the bytes before the first NUL, at most 15, as Latin-1 */
    private String key15(int e) {
        int k = e + Entry.KEY_OFFSET;
        int n = 0;
        while (n < Entry.KEY_SIZE - 1 && image[k + n] != 0) {
            n++;
        }
        return new String(image, k, n, StandardCharsets.ISO_8859_1);
    }

    // ---- namespaces (section 3) ----

    private void checkNamespaces() {
        Map<Integer, Namespace> byIndex = new HashMap<>();
        Map<String, Namespace> byName = new HashMap<>();
        for (Namespace n : namespaces) {
            if (n.index == 0 || n.index == 255) {
                out.entry(FindingCode.NAMESPACE_INDEX_RESERVED, n.page, n.entry, "the namespace is given index "
                        + n.index + (n.index == 0
                        ? ", the namespace table: its items would be read as namespace definitions"
                        : ", which the runtime reserves for 'any namespace': reads in it match items of every"
                                + " namespace"));
            }
            Namespace first = byIndex.putIfAbsent(n.index, n);
            if (first != null && !first.name.equals(n.name)) {
                out.entry(FindingCode.NAMESPACE_INDEX_REUSED, n.page, n.entry, "namespace index " + n.index
                        + " is also given to another namespace name at page " + first.page + " entry " + first.entry
                        + "; the items of the two namespaces mix");
            }
            if (byName.putIfAbsent(n.name, n) == null && byName.size() == 255) {
                out.entry(FindingCode.TOO_MANY_NAMESPACES, n.page, n.entry, "this is the 255th namespace name;"
                        + " the runtime has only the indices 1..254");
            }
        }
    }

    // ---- blobs (section 5.2) ----

    private void checkBlobIndex(int p, int i, int start, int count) {
        if (start != Entry.CHUNK_START_VER0 && start != Entry.CHUNK_START_VER1) {
            out.entry(FindingCode.BLOB_INDEX_VERSION, p, i, "the blob index starts its chunks at " + start
                    + ", neither 0 (version 0) nor 128 (version 1), which the runtime never writes");
        }
        int end = familyEnd(start);
        if (start + count > end) {
            out.entry(FindingCode.BLOB_INDEX_RANGE, p, i, "the blob index counts " + count + " chunks from chunk"
                    + " index " + start + ", but its version's chunk indices end at " + (end - 1) + "; the runtime"
                    + " can never assemble the blob and erases it at boot");
        }
    }

    /** A chunk meets only the ranges of its own key's indexes (comparing every chunk with every index was quadratic). */
    private void checkBlobs() {
        for (int k = 0; k < chunkCount; k++) {
            int p = chunks[k] / Page.ENTRY_COUNT;
            int i = chunks[k] % Page.ENTRY_COUNT;
            int e = Page.entryOffset(p, i);
            int chunkIndex = Entry.chunkIndex(image, e);
            if (blobRanges.covers(Entry.nsIndex(image, e), image, e, chunkIndex) == BlobRanges.OUTSIDE) {
                out.entryOnce(FindingCode.BLOB_CHUNK_OUT_OF_RANGE, p, i, "blob chunk index " + chunkIndex
                        + " lies outside the chunk range of every blob index of its key; the runtime erases it at"
                        + " boot");
            }
        }
    }

    /** @return one past the last chunk index of the version a chunk start belongs to (128 or 255) */
    private static int familyEnd(int start) {
        return start < Entry.CHUNK_START_VER1 ? Entry.CHUNK_START_VER1 : 0xFF;
    }

    // ---- encryption heuristic ----

    private void checkEncryption() {
        if (headerCandidates >= 3 && crcFailures * 10 >= headerCandidates * 9) {
            out.image(FindingCode.LOOKS_ENCRYPTED, crcFailures + " of the " + headerCandidates + " written entries"
                    + " the runtime reads as item headers fail their CRC: the image looks encrypted (decrypt it"
                    + " before checking) or is badly damaged");
        }
    }
}
