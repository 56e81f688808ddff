package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.read.BootRepair.Kind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code nvs::Storage} over a loaded {@link PageManager}: the storage pass of nvs-format.md §7.5 (namespace table,
 * blob index consistency, orphan chunks) and the lookups an application makes afterwards (§7.6): search in page
 * order and {@code nvs_get_*} with its read-time erasures. ({@link Boot} walks the pages as the entry iterator.)
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

    /** Hash buckets: the first and last chain entry of each, or -1. */
    private int[] bucketHead;
    private int[] bucketTail;
    /** Chain entries, in page order: the slot of the node, the next entry of the bucket (-1), the node's hash. */
    private int[] chainSlot;
    private int[] chainNext;
    private int[] chainHash;
    private int bucketMask;
    /**
     * Without values only: per slot, whether the slot is the first chain entry of its hash (no earlier page and no
     * earlier node of its page has that hash), so a lookup of that hash starts there ({@link #readsItself}).
     */
    private boolean[] firstOfHash;

    /** First loaded namespace entry (list position) of each index, and of each name; built after loading. */
    private int[] firstOfIndex;
    private Map<String, Integer> firstOfName;

    /** The chunks of every blob key, in page order, kept for the read-time clean-up of a broken blob. */
    private BlobGroups blobGroups;
    /** The slots of the chunks {@link #blobGroups} numbers. */
    private IntList blobChunkSlots;

    /**
     * Values already read, by the slot of the item that decided them (string, blob index or legacy blob). A read
     * that erases nothing answers the same when repeated, so keys listed more than once share one value; any erase
     * clears the cache. Only when values are kept: otherwise a repeated read is made again (it is cheap then, its
     * CRC verdicts being shared with the checker).
     */
    private byte[][] known;
    private int knownEpoch = -1;

    /** Whether reads keep the bytes of strings and blobs ({@code false}: they only check them). */
    private final boolean keepValues;

    /** The payload of a successful read when values are not kept. */
    static final byte[] READ_OK = new byte[0];

    /**
     * @param manager the loaded pages
     * @param keepValues whether reads keep the bytes of strings and blobs, or only check them (the repairs are the
     *                   same either way)
     */
    Storage(PageManager manager, boolean keepValues) {
        this.manager = manager;
        this.pages = manager.pages;
        this.keepValues = keepValues;
    }

    // ---------------------------------------------------------------------------------------------------------
    // §7.5 storage pass

    void init() {
        buildIndex();
        IntList indexSlots = new IntList();
        IntList chunkSlots = new IntList();
        loadNamespacesAndFindBlobs(indexSlots, chunkSlots);
        indexNamespaces();
        checkBlobs(indexSlots, chunkSlots);
    }

    /**
     * One walk over the items of the pages in order for two passes of the runtime that only read: the namespace
     * entries it loads (§7.5 step 1: {@code findItem(0, U8)} page by page, which stops on a page at the first item
     * of namespace 0 with another type), and the blob indexes (the runtime's index list) and chunks that the blob
     * pass then matches. Nothing is erased between the two passes, so one walk sees what both would see.
     */
    private void loadNamespacesAndFindBlobs(IntList indexSlots, IntList chunkSlots) {
        PageSet ps = pages;
        byte[] b = ps.flash;
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            boolean namespacesEnded = false;
            int index = 0;
            int found;
            while ((found = ps.nextItem(p, index)) >= 0) {
                int e = PageSet.entryOffset(p, found);
                int type = b[e + 1] & 0xFF;
                if (b[e] == 0 && !namespacesEnded) {
                    if (type == ItemHeader.T_U8) {
                        addNamespace(PageSet.normalisedKey(b, e), b[e + 24] & 0xFF, p * N + found);
                    } else {
                        namespacesEnded = true; // the runtime's look-up answers TYPE_MISMATCH here
                    }
                }
                if (type == ItemHeader.T_BLOB_IDX) {
                    indexSlots.add(p * N + found);
                } else if (type == ItemHeader.T_BLOB_DATA) {
                    chunkSlots.add(p * N + found);
                }
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

    private void indexNamespaces() {
        firstOfIndex = new int[256];
        Arrays.fill(firstOfIndex, -1);
        firstOfName = new HashMap<>();
        for (int i = 0; i < nsCount; i++) {
            if (firstOfIndex[nsIndex[i]] < 0) {
                firstOfIndex[nsIndex[i]] = i;
            }
            firstOfName.putIfAbsent(nameId(nsNames[i]), i);
        }
    }

    private static String nameId(byte[] normalised) {
        return new String(normalised, 0, PageSet.keyLength(normalised), StandardCharsets.ISO_8859_1);
    }

    /**
     * {@code nvs_open} of an existing namespace: the first loaded entry whose name matches (15 characters).
     *
     * @param name a normalised name (at most 15 bytes, then zeros)
     * @return its namespace index, or -1
     */
    int openNamespace(byte[] name) {
        Integer first = firstOfName.get(nameId(name));
        return first == null ? -1 : nsIndex[first];
    }

    /** @return the position in the namespace list of the first loaded entry with that index, or -1 */
    int namespaceOfIndex(int index) {
        return firstOfIndex[index];
    }

    /**
     * Blob indexes and chunks (§5.4, §7.5 steps 2 and 3). The runtime matches every chunk against its list of
     * indexes; here both are grouped by namespace and key first, so that the work stays linear in the image
     * whatever it holds.
     */
    private void checkBlobs(IntList indexSlots, IntList chunkSlots) {
        PageSet ps = pages;
        byte[] b = ps.flash;
        if (indexSlots.size == 0 && chunkSlots.size == 0) {
            return;
        }
        int count = indexSlots.size;
        int[] ns = new int[count];
        int[] start = new int[count];
        int[] chunks = new int[count];
        long[] size = new long[count];
        long[] seenSize = new long[count];
        int[] seenChunks = new int[count];
        BlobGroups groups = new BlobGroups(count, chunkSlots.size);
        byte[] key = new byte[16]; // groups copy what they keep
        for (int i = 0; i < count; i++) {
            int slot = indexSlots.get(i);
            int e = PageSet.entryOffset(slot / N, slot % N);
            ns[i] = b[e] & 0xFF;
            size[i] = Bytes.u32(b, e + 24) & 0xFFFF_FFFFL;
            chunks[i] = b[e + 28] & 0xFF;
            start[i] = b[e + 29] & 0xFF;
            groups.addIndex(groups.group(ns[i], PageSet.normalisedKey(b, e, key)), i);
        }
        int[] chunkGroup = new int[chunkSlots.size];
        for (int j = 0; j < chunkSlots.size; j++) {
            int slot = chunkSlots.get(j);
            int e = PageSet.entryOffset(slot / N, slot % N);
            int g = groups.group(b[e] & 0xFF, PageSet.normalisedKey(b, e, key));
            groups.addChunk(g, j);
            chunkGroup[j] = g;
            // each chunk counts for the first index of the list whose version family holds its chunk index
            int owner = groups.firstIndexFor(g, b[e + 3] & 0xFF, start);
            if (owner >= 0) {
                seenSize[owner] += Bytes.u16(b, e + 24);
                seenChunks[owner]++;
            }
        }
        // erase the indexes that do not add up (the first findable copy, page by page)
        boolean[] alive = new boolean[count];
        for (int i = 0; i < count; i++) {
            alive[i] = seenSize[i] == size[i] && seenChunks[i] == chunks[i];
            if (alive[i]) {
                continue;
            }
            String detail = String.format("blob index records %d bytes in %d chunks (version 0x%02x) but its chunks "
                    + "add up to %d bytes in %d: the runtime erases the index", size[i], chunks[i], start[i],
                    seenSize[i], seenChunks[i]);
            int at = indexSlots.get(i);
            byte[] indexKey = PageSet.normalisedKey(b, PageSet.entryOffset(at / N, at % N));
            int slot;
            while ((slot = find(ns[i], ItemHeader.T_BLOB_IDX, indexKey, 0xFF, start[i])) >= 0) {
                if (ps.eraseLogged(slot / N, slot % N, Kind.BLOB_INDEX_MISMATCH, detail) == Esp.OK) {
                    break;
                }
            }
        }
        // erase the chunks no surviving index claims, in page order
        for (int j = 0; j < chunkSlots.size; j++) {
            int slot = chunkSlots.get(j);
            int p = slot / N;
            int e = PageSet.entryOffset(p, slot % N);
            int c = b[e + 3] & 0xFF;
            if (!ps.searchable(p) || groups.claims(chunkGroup[j], c, start, chunks, alive)) {
                continue;
            }
            if (ps.pair(p, slot % N) != PageSet.WRITTEN || ps.node[slot] < 0) {
                continue; // already erased as the first copy of an earlier orphan with the same chunk index
            }
            int idx = ps.findItem(p, b[e] & 0xFF, ItemHeader.T_BLOB_DATA, PageSet.normalisedKey(b, e), c, 0xFF, 0);
            if (idx >= 0) {
                ps.eraseLogged(p, idx, Kind.ORPHAN_BLOB_CHUNK, String.format("blob chunk 0x%02x belongs to no "
                        + "valid blob index of its key: the runtime erases it", c));
            }
        }
        blobGroups = groups;
        blobChunkSlots = chunkSlots;
    }

    // ---------------------------------------------------------------------------------------------------------
    // §7.6 lookups

    /**
     * Builds the global index of the hash lists: for every page, in page order, one chain entry per distinct hash
     * (its first node on that page), chained per hash bucket. Built after the page manager's pass; nodes erased
     * later stay in the chains and are re-resolved on their page.
     */
    private void buildIndex() {
        PageSet ps = pages;
        // Size everything by the nodes present, not by the partition: blank pages hold none.
        int present = 0;
        for (int k = 0; k < manager.orderSize; k++) {
            int base = manager.order[k] * N;
            for (int i = 0; i < N; i++) {
                if (ps.node[base + i] >= 0) {
                    present++;
                }
            }
        }
        int buckets = Integer.highestOneBit(Math.max(16, present)) * 2;
        bucketMask = buckets - 1;
        bucketHead = new int[buckets];
        bucketTail = new int[buckets];
        Arrays.fill(bucketHead, -1);
        chainSlot = new int[present];
        chainNext = new int[present];
        chainHash = new int[present];
        int chains = 0;
        boolean[] first = keepValues ? null : new boolean[ps.pageCount * N];
        // The hashes already chained for the current page: a 256-slot open-addressing set (at most 126 members),
        // emptied for the next page by bumping the page stamp instead of clearing it.
        int[] seenHash = new int[256];
        int[] seenStamp = new int[256];
        for (int k = 0; k < manager.orderSize; k++) {
            int p = manager.order[k];
            int base = p * N;
            int stamp = k + 1;
            for (int i = 0; i < N; i++) {
                int h = ps.node[base + i];
                if (h < 0 || !addDistinct(seenHash, seenStamp, stamp, h)) {
                    continue;
                }
                int bucket = mix(h) & bucketMask;
                int c = chains++;
                chainSlot[c] = base + i;
                chainNext[c] = -1;
                chainHash[c] = h;
                if (first != null) {
                    first[base + i] = isNewHash(bucketHead[bucket], h);
                }
                if (bucketHead[bucket] < 0) {
                    bucketHead[bucket] = c;
                } else {
                    chainNext[bucketTail[bucket]] = c;
                }
                bucketTail[bucket] = c;
            }
        }
        firstOfHash = first;
    }

    /** @return whether no chain entry from {@code c} on (a bucket's chain) has hash {@code h} */
    private boolean isNewHash(int c, int h) {
        for (int x = c; x >= 0; x = chainNext[x]) {
            if (chainHash[x] == h) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells, without values, whether a read by key of a listed fixed-size item or string would find that very item
     * at once and change nothing (so that the read can be left out: its value is not kept, and it repairs nothing):
     * the lookup hash is the item's own ({@link #lookupHashOf} gave it), the item is the first chain entry of that
     * hash, so {@link #find} asks its page first, with the item as the hash hit, and the page answers with the item
     * before walking any entry: the page is searchable, the item lies in its used range and is still WRITTEN; for a
     * string, the data CRC also matches, so the read erases nothing.
     *
     * @param slot the listed item's slot
     * @param ns the namespace index the read uses
     * @param hash {@link #lookupHashOf} of the item, or -1
     * @param type the item's type byte (fixed-size or string)
     * @return whether the read can be left out
     */
    boolean readsItself(int slot, int ns, int hash, int type) {
        if (firstOfHash == null || hash < 0 || ns == 0xFF || !firstOfHash[slot]) {
            return false;
        }
        int p = slot / N;
        int i = slot % N;
        PageSet ps = pages;
        return ps.node[slot] == hash && ps.searchable(p) && ps.pair(p, i) == PageSet.WRITTEN
                && ps.hashHitStartsAt(p, i) && (type != ItemHeader.T_SZ || ps.dataCrcValid(p, i));
    }

    /** @return whether {@code h} was not yet in the page's set (it is now) */
    private static boolean addDistinct(int[] hashes, int[] stamps, int stamp, int h) {
        int i = mix(h) & 0xFF;
        while (stamps[i] == stamp) {
            if (hashes[i] == h) {
                return false;
            }
            i = (i + 1) & 0xFF;
        }
        stamps[i] = stamp;
        hashes[i] = h;
        return true;
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
        return find(ns, type, key, chunkIndex, chunkStart, -1);
    }

    /**
     * {@link #find(int, int, byte[], int, int)} with the lookup's 24-bit hash already known.
     *
     * @param hash {@link ItemHeader#lookupHash} of {@code ns}, {@code key} and {@code chunkIndex}, or -1
     */
    private int find(int ns, int type, byte[] key, int chunkIndex, int chunkStart, int hash) {
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
        int h = hash >= 0 ? hash : ItemHeader.lookupHash(ns, key, chunkIndex);
        for (int c = bucketHead[mix(h) & bucketMask]; c >= 0; c = chainNext[c]) {
            if (chainHash[c] != h) {
                continue;
            }
            int slot = chainSlot[c];
            int p = slot / N;
            int hint = ps.node[slot] == h ? slot % N : -1;
            int idx = ps.findItem(p, ns, type, key, chunkIndex, chunkStart, 0, hint);
            if (idx >= 0) {
                return p * N + idx;
            }
        }
        return -1;
    }

    /**
     * The hash a read by key of a listed item looks up, without computing it: when the item's key field holds
     * exactly the lookup key (no bytes after the NUL), its chunk index is 0xFF and its namespace is the one read,
     * the lookup hashes the same bytes as the item's own hash-list node (§7.7).
     *
     * @param slot the listed item's slot
     * @param ns the namespace index the read uses
     * @param key the normalised lookup key
     * @return the hash, or -1 to compute it
     */
    int lookupHashOf(int slot, int ns, byte[] key) {
        byte[] b = pages.flash;
        int e = PageSet.entryOffset(slot / N, slot % N);
        int h = pages.node[slot];
        boolean same = h >= 0 && (b[e] & 0xFF) == ns && (b[e + 3] & 0xFF) == 0xFF
                && Bytes.u64(b, e + 8) == Bytes.u64(key, 0) && Bytes.u64(b, e + 16) == Bytes.u64(key, 8);
        return same ? h : -1;
    }

    /**
     * The result of a string or blob read: an error code, or the value's bytes (a fresh array, or {@link #READ_OK}
     * when values are not kept).
     */
    static final class Read {
        int error;
        byte[] value;
    }

    private byte[] known(int slot) {
        if (known == null || knownEpoch != pages.repairs.size()) {
            return null;
        }
        return known[slot];
    }

    private void remember(int slot, byte[] value, int epoch) {
        if (epoch != pages.repairs.size() || !keepValues) {
            return; // without values a repeated read is cheap: its CRC verdicts are shared with the checker
        }
        if (known == null) {
            known = new byte[pages.pageCount * N][];
        } else if (knownEpoch != epoch) {
            Arrays.fill(known, null);
        }
        knownEpoch = epoch;
        known[slot] = value;
    }

    /**
     * {@code nvs_get_*} for a fixed-size type (integers, float, double).
     *
     * @param hash the lookup's hash when the caller knows it ({@link #lookupHashOf}), or -1
     * @return the entry offset of the item read, or a negative error code (-code)
     */
    int readFixed(int ns, int type, byte[] key, int hash) {
        int slot = find(ns, type, key, 0xFF, 0xFF, hash);
        if (slot < 0) {
            return -Esp.ERR_NVS_NOT_FOUND;
        }
        return PageSet.entryOffset(slot / N, slot % N);
    }

    /**
     * {@code nvs_get_str}: size query, then the read with its data CRC check.
     *
     * @param hash the lookup's hash when the caller knows it ({@link #lookupHashOf}), or -1
     */
    void readString(int ns, byte[] key, Read out, int hash) {
        int slot = find(ns, ItemHeader.T_SZ, key, 0xFF, 0xFF, hash);
        if (slot < 0) {
            out.error = Esp.ERR_NVS_NOT_FOUND;
            out.value = null;
            return;
        }
        int size = Bytes.u16(pages.flash, PageSet.entryOffset(slot / N, slot % N) + 24);
        // The runtime looks the item up again for the read; nothing changed since, so it finds the same slot.
        readVariableAt(slot, ItemHeader.T_SZ, size, out);
    }

    /** {@code nvs_get_blob}: blob index first (format 2), then a legacy blob. */
    void readBlob(int ns, byte[] key, Read out) {
        byte[] b = pages.flash;
        int size;
        int slot = find(ns, ItemHeader.T_BLOB_IDX, key, 0xFF, 0xFF);
        int indexSlot = slot;
        if (slot >= 0) {
            size = Bytes.u32(b, PageSet.entryOffset(slot / N, slot % N) + 24);
            byte[] cached = known(slot);
            if (cached != null) {
                out.error = Esp.OK;
                out.value = cached;
                return;
            }
        } else {
            slot = find(ns, ItemHeader.T_BLOB, key, 0xFF, 0xFF);
            if (slot < 0) {
                out.error = Esp.ERR_NVS_NOT_FOUND;
                out.value = null;
                return;
            }
            size = Bytes.u16(b, PageSet.entryOffset(slot / N, slot % N) + 24);
        }
        readMultiPageBlob(ns, key, size, out, indexSlot);
        if (out.error != Esp.ERR_NVS_NOT_FOUND) {
            return;
        }
        readVariable(ns, ItemHeader.T_BLOB, key, size, out);
    }

    /** {@code Storage::readItem} + {@code Page::readItem} of a string or legacy blob. */
    private void readVariable(int ns, int type, byte[] key, int bufferSize, Read out) {
        out.value = null;
        int slot = find(ns, type, key, 0xFF, 0xFF);
        if (slot < 0) {
            out.error = Esp.ERR_NVS_NOT_FOUND;
            return;
        }
        readVariableAt(slot, type, bufferSize, out);
    }

    /** {@link #readVariable} once the item has been found at {@code slot}. */
    private void readVariableAt(int slot, int type, int bufferSize, Read out) {
        out.value = null;
        int p = slot / N;
        int idx = slot % N;
        int e = PageSet.entryOffset(p, idx);
        int size = Bytes.u16(pages.flash, e + 24);
        if (bufferSize < size) {
            out.error = Esp.ERR_NVS_INVALID_LENGTH;
            return;
        }
        byte[] cached = known(slot);
        if (cached != null) {
            out.error = Esp.OK;
            out.value = cached;
            return;
        }
        int epoch = pages.repairs.size();
        if (!pages.dataCrcValid(p, idx)) {
            int rc = pages.eraseLogged(p, idx, Kind.DATA_CRC_ON_READ,
                    "the data CRC of the value does not match: reading it fails and the runtime erases the item");
            out.error = rc != Esp.OK ? rc : Esp.ERR_NVS_NOT_FOUND;
            return;
        }
        out.error = Esp.OK;
        if (!keepValues) {
            out.value = READ_OK;
        } else if (type == ItemHeader.T_SZ) {
            out.value = stringBytes(pages.flash, e + 32, size);
        } else {
            out.value = Arrays.copyOfRange(pages.flash, e + 32, e + 32 + size);
        }
        remember(slot, out.value, epoch);
    }

    /**
     * A string as {@code nvs_get_str} returns it: the payload without its terminating NUL (nvs-format.md §4: one
     * trailing NUL is stripped if present, none is required; bytes before it, NULs included, are kept). A 4000-byte
     * payload without a terminator (only the generator's {@code STRING} encoding can write one) is cut to the 3999
     * bytes a string value holds.
     */
    private static byte[] stringBytes(byte[] b, int from, int size) {
        int n = size > 0 && b[from + size - 1] == 0 ? size - 1 : size;
        return Arrays.copyOfRange(b, from, from + Math.min(n, NvsValue.MAX_STRING_BYTES));
    }

    /**
     * {@code Storage::readMultiPageBlob}.
     *
     * @param indexSlot the slot of the blob index when the caller has just found it (nothing changed since, so the
     *                  runtime's own look-up finds the same), or -1 to look it up
     */
    private void readMultiPageBlob(int ns, byte[] key, int dataSize, Read out, int indexSlot) {
        out.value = null;
        int epoch = pages.repairs.size();
        byte[] b = pages.flash;
        int slot = indexSlot >= 0 ? indexSlot : find(ns, ItemHeader.T_BLOB_IDX, key, 0xFF, 0xFF);
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
        byte[] data = keepValues ? new byte[dataSize] : null;
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
            if (!pages.dataCrcValid(p, idx)) {
                int rc = pages.eraseLogged(p, idx, Kind.DATA_CRC_ON_READ, String.format("the data CRC of blob "
                        + "chunk 0x%02x does not match: reading the blob fails and the runtime erases the chunk",
                        b[e + 3] & 0xFF));
                out.error = rc != Esp.OK ? rc : Esp.ERR_NVS_NOT_FOUND;
                return;
            }
            if (data != null) {
                System.arraycopy(b, e + 32, data, offset, size);
            }
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
        if (err == Esp.OK) {
            out.value = data != null ? data : READ_OK;
            remember(slot, out.value, epoch);
        }
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
        if (ns != 0xFF && blobGroups != null) {
            // The runtime walks every page for BLOB_DATA items of the key; these are exactly the key's chunks
            // collected by the storage pass, in the same order, less those erased since.
            int g = blobGroups.find(ns, key);
            for (int j = g < 0 ? -1 : blobGroups.firstChunk(g); j >= 0; j = blobGroups.nextChunk(j)) {
                int slot = blobChunkSlots.get(j);
                if (pages.searchable(slot / N) && pages.pair(slot / N, slot % N) == PageSet.WRITTEN
                        && pages.node[slot] >= 0
                        && pages.eraseLogged(slot / N, slot % N, Kind.BLOB_INCOMPLETE_ON_READ, detail) != Esp.OK) {
                    return;
                }
            }
            return;
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
