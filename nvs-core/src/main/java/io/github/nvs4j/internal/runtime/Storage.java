package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.read.BootRepair.Kind;

import java.util.Arrays;

/**
 * {@code nvs::Storage} over a loaded {@link PageManager}: the storage pass of nvs-format.md §7.5 (namespace table,
 * blob index consistency, orphan chunks) and the lookups an application makes afterwards (§7.6): search in page
 * order, {@code nvs_get_*} with its read-time erasures, and the entry iterator.
 *
 * <p>Lookups by key go through a global index of the per-page hash lists, chained per hash bucket in page order,
 * so that a lookup touches only the pages that hold a node with the key's hash, as the runtime's per-page hash
 * lists make it do.
 */
final class Storage {

    private static final int N = PageSet.N;

    final PageSet pages;
    final PageManager manager;

    /** Loaded namespace entries in load order: name (normalised 16-byte key), index, physical page and entry. */
    byte[][] nsNames = new byte[8][];
    int[] nsIndex = new int[8];
    int[] nsSlot = new int[8];
    int nsCount;

    private int[] bucketHead;
    private int[] bucketTail;
    private int[] chainNext;
    private int bucketMask;

    Storage(PageManager manager) {
        this.manager = manager;
        this.pages = manager.pages;
    }

    // ---------------------------------------------------------------------------------------------------------
    // §7.5 storage pass

    void init() {
        loadNamespaces();
        checkBlobs();
    }

    private void loadNamespaces() {
        PageSet ps = pages;
        byte[] b = ps.flash;
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int index = 0;
            int found;
            while ((found = ps.findItem(p, 0, ItemHeader.T_U8, null, 0xFF, 0xFF, index)) >= 0) {
                int e = PageSet.entryOffset(p, found);
                addNamespace(PageSet.normalisedKey(b, e), b[e + 24] & 0xFF, p * N + found);
                index = found + (b[e + 2] & 0xFF);
            }
        }
    }

    private void addNamespace(byte[] name, int index, int slot) {
        if (nsCount == nsNames.length) {
            nsNames = Arrays.copyOf(nsNames, nsCount * 2);
            nsIndex = Arrays.copyOf(nsIndex, nsCount * 2);
            nsSlot = Arrays.copyOf(nsSlot, nsCount * 2);
        }
        nsNames[nsCount] = name;
        nsIndex[nsCount] = index;
        nsSlot[nsCount] = slot;
        nsCount++;
    }

    /** @return the index of the first loaded namespace whose name matches (15 characters), or -1 */
    int openNamespace(byte[] name) {
        for (int i = 0; i < nsCount; i++) {
            if (strncmp15(name, nsNames[i])) {
                return nsIndex[i];
            }
        }
        return -1;
    }

    /** @return the position in the namespace list of the first loaded entry with that index, or -1 */
    int namespaceOfIndex(int index) {
        for (int i = 0; i < nsCount; i++) {
            if (nsIndex[i] == index) {
                return i;
            }
        }
        return -1;
    }

    static boolean strncmp15(byte[] a, byte[] b) {
        for (int j = 0; j < 15; j++) {
            if (a[j] != b[j]) {
                return false;
            }
            if (a[j] == 0) {
                return true;
            }
        }
        return true;
    }

    /** Blob indexes and chunks (§5.4, §7.5 steps 2 and 3). */
    private void checkBlobs() {
        PageSet ps = pages;
        byte[] b = ps.flash;
        // the blob index list, in page order
        int count = 0;
        int[] slots = new int[16];
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int index = 0;
            int found;
            while ((found = ps.findItem(p, 0xFF, ItemHeader.T_BLOB_IDX, null, 0xFF, 0xFF, index)) >= 0) {
                if (count == slots.length) {
                    slots = Arrays.copyOf(slots, count * 2);
                }
                slots[count++] = p * N + found;
                index = found + 1;
            }
        }
        byte[][] keys = new byte[count][];
        int[] ns = new int[count];
        int[] start = new int[count];
        int[] chunks = new int[count];
        long[] size = new long[count];
        long[] seenSize = new long[count];
        int[] seenChunks = new int[count];
        boolean[] alive = new boolean[count];
        for (int i = 0; i < count; i++) {
            int e = PageSet.entryOffset(slots[i] / N, slots[i] % N);
            keys[i] = PageSet.normalisedKey(b, e);
            ns[i] = b[e] & 0xFF;
            size[i] = Bytes.u32(b, e + 24) & 0xFFFF_FFFFL;
            chunks[i] = b[e + 28] & 0xFF;
            start[i] = b[e + 29] & 0xFF;
            alive[i] = true;
        }
        // accumulate chunks into the first index of their family
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int index = 0;
            int found;
            while ((found = ps.findItem(p, 0xFF, ItemHeader.T_BLOB_DATA, null, 0xFF, 0xFF, index)) >= 0) {
                int e = PageSet.entryOffset(p, found);
                int c = b[e + 3] & 0xFF;
                int cns = b[e] & 0xFF;
                for (int i = 0; i < count; i++) {
                    int limit = start[i] == 0 ? 0x80 : 0xFF;
                    if (ns[i] == cns && c >= start[i] && c < limit && PageSet.keyMatches(b, e, keys[i])) {
                        seenSize[i] += Bytes.u16(b, e + 24);
                        seenChunks[i]++;
                        break;
                    }
                }
                index = found + (b[e + 2] & 0xFF);
            }
        }
        // erase the indexes that do not add up
        for (int i = 0; i < count; i++) {
            if (seenSize[i] == size[i] && seenChunks[i] == chunks[i]) {
                continue;
            }
            alive[i] = false;
            String detail = String.format("blob index records %d bytes in %d chunks (version 0x%02x) but its chunks "
                    + "add up to %d bytes in %d: the runtime erases the index", size[i], chunks[i], start[i],
                    seenSize[i], seenChunks[i]);
            for (int k = 0; k < manager.orderSize; k++) {
                int p = manager.order[k];
                if (!ps.searchable(p)) {
                    continue;
                }
                int idx = ps.findItem(p, ns[i], ItemHeader.T_BLOB_IDX, keys[i], 0xFF, start[i], 0);
                if (idx >= 0 && ps.eraseLogged(p, idx, Kind.BLOB_INDEX_MISMATCH, detail) == Esp.OK) {
                    break;
                }
            }
        }
        // erase the chunks no surviving index claims
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int index = 0;
            int found;
            while ((found = ps.findItem(p, 0xFF, ItemHeader.T_BLOB_DATA, null, 0xFF, 0xFF, index)) >= 0) {
                int e = PageSet.entryOffset(p, found);
                int c = b[e + 3] & 0xFF;
                int cns = b[e] & 0xFF;
                int span = b[e + 2] & 0xFF;
                boolean claimed = false;
                for (int i = 0; i < count && !claimed; i++) {
                    claimed = alive[i] && ns[i] == cns && c >= start[i] && c < start[i] + chunks[i]
                            && PageSet.keyMatches(b, e, keys[i]);
                }
                if (!claimed) {
                    byte[] key = PageSet.normalisedKey(b, e);
                    int idx = ps.findItem(p, cns, ItemHeader.T_BLOB_DATA, key, c, 0xFF, 0);
                    if (idx >= 0) {
                        ps.eraseLogged(p, idx, Kind.ORPHAN_BLOB_CHUNK, String.format("blob chunk 0x%02x belongs "
                                + "to no valid blob index of its key: the runtime erases it", c));
                    }
                }
                index = found + span;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // §7.6 lookups

    /** Builds the global index of hash-list nodes, in page order. Call once, after the storage pass. */
    void buildIndex() {
        PageSet ps = pages;
        int nodes = ps.pageCount * N;
        int buckets = Integer.highestOneBit(Math.max(16, nodes)) * 2;
        bucketMask = buckets - 1;
        bucketHead = new int[buckets];
        bucketTail = new int[buckets];
        Arrays.fill(bucketHead, -1);
        chainNext = new int[nodes];
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int base = p * N;
            for (int i = 0; i < N; i++) {
                int h = ps.node[base + i];
                if (h < 0) {
                    continue;
                }
                int bucket = mix(h) & bucketMask;
                int slot = base + i;
                chainNext[slot] = -1;
                if (bucketHead[bucket] < 0) {
                    bucketHead[bucket] = slot;
                } else {
                    chainNext[bucketTail[bucket]] = slot;
                }
                bucketTail[bucket] = slot;
            }
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 11) ^ (h >>> 17);
    }

    /**
     * {@code Storage::findItem}: the first page, in page order, whose lookup succeeds.
     *
     * @return the slot (page * 126 + entry) of the item, or -1
     */
    int find(int ns, int type, byte[] key, int chunkIndex, int chunkStart) {
        PageSet ps = pages;
        if (ns == 0xFF || (type == ItemHeader.T_BLOB_DATA && chunkIndex == 0xFF)) {
            for (int k = 0; k < manager.orderSize; k++) {
                int p = manager.order[k];
                int idx = ps.findItem(p, ns, type, key, chunkIndex, chunkStart, 0);
                if (idx >= 0) {
                    return p * N + idx;
                }
            }
            return -1;
        }
        int h = ItemHeader.lookupHash(ns, key, chunkIndex);
        int lastPage = -1;
        for (int slot = bucketHead[mix(h) & bucketMask]; slot >= 0; slot = chainNext[slot]) {
            if (ps.node[slot] != h) {
                continue;
            }
            int p = slot / N;
            if (p == lastPage) {
                continue;
            }
            lastPage = p;
            int idx = ps.findItem(p, ns, type, key, chunkIndex, chunkStart, 0);
            if (idx >= 0) {
                return p * N + idx;
            }
        }
        return -1;
    }

    /** The result of a value read: an error code, or the value's bytes. */
    static final class Read {
        int error;
        /** fixed-size: the entry offset of the item; variable: the payload. */
        int entryOffset;
        byte[] payload;
    }

    /**
     * {@code nvs_get_*} for a fixed-size type (integers, float, double).
     *
     * @return the entry offset of the item read, or a negative error code (-code)
     */
    int readFixed(int ns, int type, byte[] key) {
        int slot = find(ns, type, key, 0xFF, 0xFF);
        if (slot < 0) {
            return -Esp.ERR_NVS_NOT_FOUND;
        }
        return PageSet.entryOffset(slot / N, slot % N);
    }

    /** {@code nvs_get_str}: size query, then the read with its data CRC check. */
    void readString(int ns, byte[] key, Read out) {
        int slot = find(ns, ItemHeader.T_SZ, key, 0xFF, 0xFF);
        if (slot < 0) {
            out.error = Esp.ERR_NVS_NOT_FOUND;
            return;
        }
        int size = Bytes.u16(pages.flash, PageSet.entryOffset(slot / N, slot % N) + 24);
        readVariable(ns, ItemHeader.T_SZ, key, size, out);
    }

    /** {@code nvs_get_blob}: blob index first (format 2), then a legacy blob. */
    void readBlob(int ns, byte[] key, Read out) {
        byte[] b = pages.flash;
        int size;
        int slot = find(ns, ItemHeader.T_BLOB_IDX, key, 0xFF, 0xFF);
        if (slot >= 0) {
            size = Bytes.u32(b, PageSet.entryOffset(slot / N, slot % N) + 24);
        } else {
            slot = find(ns, ItemHeader.T_BLOB, key, 0xFF, 0xFF);
            if (slot < 0) {
                out.error = Esp.ERR_NVS_NOT_FOUND;
                return;
            }
            size = Bytes.u16(b, PageSet.entryOffset(slot / N, slot % N) + 24);
        }
        readMultiPageBlob(ns, key, size, out);
        if (out.error != Esp.ERR_NVS_NOT_FOUND) {
            return;
        }
        readVariable(ns, ItemHeader.T_BLOB, key, size, out);
    }

    /** {@code Storage::readItem} + {@code Page::readItem} of a string or legacy blob. */
    private void readVariable(int ns, int type, byte[] key, int bufferSize, Read out) {
        out.payload = null;
        int slot = find(ns, type, key, 0xFF, 0xFF);
        if (slot < 0) {
            out.error = Esp.ERR_NVS_NOT_FOUND;
            return;
        }
        int p = slot / N;
        int idx = slot % N;
        int e = PageSet.entryOffset(p, idx);
        int size = Bytes.u16(pages.flash, e + 24);
        if (bufferSize < size) {
            out.error = Esp.ERR_NVS_INVALID_LENGTH;
            return;
        }
        byte[] data = Arrays.copyOfRange(pages.flash, e + 32, e + 32 + size);
        if (NvsCrc.of(data, 0, size) != Bytes.u32(pages.flash, e + 28)) {
            int rc = pages.eraseLogged(p, idx, Kind.DATA_CRC_ON_READ,
                    "the data CRC of the value does not match: reading it fails and the runtime erases the item");
            out.error = rc != Esp.OK ? rc : Esp.ERR_NVS_NOT_FOUND;
            return;
        }
        out.error = Esp.OK;
        out.payload = data;
    }

    /** {@code Storage::readMultiPageBlob}. */
    private void readMultiPageBlob(int ns, byte[] key, int dataSize, Read out) {
        out.payload = null;
        byte[] b = pages.flash;
        int slot = find(ns, ItemHeader.T_BLOB_IDX, key, 0xFF, 0xFF);
        if (slot < 0) {
            out.error = Esp.ERR_NVS_NOT_FOUND;
            return;
        }
        int ie = PageSet.entryOffset(slot / N, slot % N);
        int chunkCount = b[ie + 28] & 0xFF;
        int chunkStart = b[ie + 29] & 0xFF;
        if ((Bytes.u32(b, ie + 24) & 0xFFFF_FFFFL) != (dataSize & 0xFFFF_FFFFL)) {
            out.error = Esp.FAIL;
            return;
        }
        // dataSize is at most 508000: checked on the index header (§2.7)
        byte[] data = new byte[dataSize];
        int offset = 0;
        int err = Esp.OK;
        for (int k = 0; k < chunkCount; k++) {
            int chunk = (chunkStart + k) & 0xFF;
            int cs = find(ns, ItemHeader.T_BLOB_DATA, key, chunk, 0xFF);
            if (cs < 0) {
                err = Esp.ERR_NVS_NOT_FOUND;
                break;
            }
            int p = cs / N;
            int idx = cs % N;
            int e = PageSet.entryOffset(p, idx);
            int size = Bytes.u16(b, e + 24);
            if (size > dataSize - offset) {
                err = Esp.ERR_NVS_INVALID_LENGTH;
                break;
            }
            if (NvsCrc.of(b, e + 32, size) != Bytes.u32(b, e + 28)) {
                int rc = pages.eraseLogged(p, idx, Kind.DATA_CRC_ON_READ, String.format("the data CRC of blob "
                        + "chunk 0x%02x does not match: reading the blob fails and the runtime erases the chunk",
                        b[e + 3] & 0xFF));
                out.error = rc != Esp.OK ? rc : Esp.ERR_NVS_NOT_FOUND;
                return;
            }
            System.arraycopy(b, e + 32, data, offset, size);
            if ((b[e + 3] & 0xFF) != chunk) {
                out.error = Esp.FAIL;
                return;
            }
            offset += size;
        }
        if (err == Esp.ERR_NVS_NOT_FOUND || err == Esp.ERR_NVS_INVALID_LENGTH) {
            eraseMultiPageBlob(ns, key, err == Esp.ERR_NVS_NOT_FOUND ? "a chunk of the blob is missing"
                    : "a chunk of the blob is longer than what is left of its size");
        }
        if (offset != dataSize) {
            out.error = Esp.FAIL;
            return;
        }
        out.error = err;
        out.payload = err == Esp.OK ? data : null;
    }

    /** {@code Storage::eraseMultiPageBlob} with VER_ANY: both indexes, then every chunk of the key. */
    private void eraseMultiPageBlob(int ns, byte[] key, String why) {
        String detail = why + ": reading it fails and the runtime erases the blob's index and chunks";
        for (int round = 0; round < 2; round++) {
            int slot = find(ns, ItemHeader.T_BLOB_IDX, key, 0xFF, 0xFF);
            if (slot < 0) {
                if (round == 0) {
                    return;
                }
                break;
            }
            if (pages.eraseLogged(slot / N, slot % N, Kind.BLOB_INCOMPLETE_ON_READ, detail) != Esp.OK) {
                return;
            }
        }
        byte[] b = pages.flash;
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int index = 0;
            do {
                int found = pages.findItem(p, ns, ItemHeader.T_BLOB_DATA, key, 0xFF, 0xFF, index);
                if (found < 0) {
                    break;
                }
                int span = b[PageSet.entryOffset(p, found) + 2] & 0xFF;
                if (pages.eraseLogged(p, found, Kind.BLOB_INCOMPLETE_ON_READ, detail) != Esp.OK) {
                    return;
                }
                index = found + span;
            } while (index < N);
        }
    }
}
