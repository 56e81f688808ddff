package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.read.BootRepair;
import io.github.nvs4j.read.BootRepair.Kind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The emulated flash and the runtime's in-memory picture of every page ({@code nvs::Page}): page state, sequence
 * number, first used and next free entry, used-entry count and the item hash list, all in flat arrays indexed by
 * physical page (and entry). The entry state bitmap lives in the flash copy itself: on a writable partition every
 * erase the runtime makes is applied to it, on a read-only one none is.
 *
 * <p>This class holds the primitives the runtime's passes share: the entry state of a pair, erasing an item with
 * its span ({@code Page::eraseEntryAndSpan}), the page-level lookup ({@code Page::findItem}), erasing and
 * initialising a page and copying entries into it.
 */
final class PageSet {

    static final int NONE = -1;

    static final int UNINITIALIZED = 0;
    static final int CORRUPT = 1;
    static final int ACTIVE = 2;
    static final int FULL = 3;
    static final int FREEING = 4;
    static final int INVALID = 5;

    static final int ERASED = 0;
    static final int ILLEGAL = 1;
    static final int WRITTEN = 2;
    static final int EMPTY = 3;

    /** {@link #findItem} result: nothing matches on this page. */
    static final int NOT_FOUND = -1;
    /** {@link #findItem} result: the first item with the key has another type. */
    static final int MISMATCH = -2;

    static final int N = Page.ENTRY_COUNT;

    /**
     * The emulated flash: the caller's image itself while {@link #borrowed}, a copy of it otherwise. Every write to
     * it goes through {@link #beforeWrite}.
     */
    final byte[] flash;
    /** Whether {@link #flash} is the caller's array, which must never be written. */
    final boolean borrowed;
    /** CRC verdicts shared with the caller for a borrowed flash, or {@code null}: CRCs are computed here. */
    private final CrcVerdicts crcs;
    final int pageCount;
    final boolean readOnly;
    final byte[] state;
    final int[] seq;
    final int[] firstUsed;
    /** Next free entry; {@value #N} stands for the runtime's INVALID_ENTRY (no free entry, or not ACTIVE). */
    final int[] nextFree;
    final int[] used;
    /** Hash-list node of each entry: the 24-bit hash, or -1. Nodes are inserted in ascending entry order. */
    final int[] node;
    final List<BootRepair> repairs = new ArrayList<>();

    /**
     * Thrown by the first write to a borrowed flash: the caller starts over with a copy. Clean images (the common
     * case) are never written by boot, so they are read in place without copying them.
     */
    static final class NeedsCopy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsCopy() {
            super(null, null, false, false); // control flow only: no message, no stack trace
        }
    }

    /**
     * @param flash the flash contents, at least {@code pageCount} pages
     * @param borrowed whether {@code flash} is the caller's array: the first write then throws {@link NeedsCopy}
     * @param crcs the CRC verdicts of a borrowed flash (which never changes), or {@code null}
     * @param pageCount the number of pages
     * @param readOnly whether the partition is read-only
     */
    PageSet(byte[] flash, boolean borrowed, CrcVerdicts crcs, int pageCount, boolean readOnly) {
        this.flash = flash;
        this.borrowed = borrowed;
        this.crcs = borrowed ? crcs : null;
        this.pageCount = pageCount;
        this.readOnly = readOnly;
        this.state = new byte[pageCount];
        this.seq = new int[pageCount];
        this.firstUsed = new int[pageCount];
        this.nextFree = new int[pageCount];
        this.used = new int[pageCount];
        this.node = new int[pageCount * N];
        Arrays.fill(firstUsed, NONE);
        Arrays.fill(nextFree, N);
        Arrays.fill(node, -1);
    }

    /**
     * {@link ItemHeader#check} of an entry, with the entry CRC's verdict from the shared verdicts if there are.
     *
     * @return {@link ItemHeader#VALID} or the problem
     */
    int checkHeader(int page, int index) {
        int e = entryOffset(page, index);
        return crcs == null ? ItemHeader.check(flash, e, index)
                : ItemHeader.check(flash, e, index, crcs.entryValid(page, index));
    }

    /**
     * @return whether the payload of a string, legacy blob or chunk header that passed {@link #checkHeader} matches
     *         its data CRC
     */
    boolean dataCrcValid(int page, int index) {
        if (crcs != null) {
            return crcs.dataValid(page, index);
        }
        int e = entryOffset(page, index);
        return NvsCrc.of(flash, e + Page.ENTRY_SIZE, Bytes.u16(flash, e + 24)) == Bytes.u32(flash, e + 28);
    }

    static int entryOffset(int page, int index) {
        return page * Page.SIZE + Page.FIRST_ENTRY_OFFSET + index * Page.ENTRY_SIZE;
    }

    int pair(int page, int index) {
        int b = flash[page * Page.SIZE + Page.BITMAP_OFFSET + (index >> 2)];
        return (b >> ((index & 3) << 1)) & 3;
    }

    private void beforeWrite() {
        if (borrowed) {
            throw new NeedsCopy();
        }
    }

    private void setPair(int page, int index, int value) {
        beforeWrite();
        int at = page * Page.SIZE + Page.BITMAP_OFFSET + (index >> 2);
        int shift = (index & 3) << 1;
        flash[at] = (byte) ((flash[at] & ~(3 << shift)) | (value << shift));
    }

    /** @return whether lookups can see the page (the runtime's findItem answers NOT_FOUND otherwise) */
    boolean searchable(int page) {
        int s = state[page];
        return s == ACTIVE || s == FULL || s == FREEING;
    }

    /**
     * @return whether {@link #findItem} from entry 0 with the hash hit {@code index} starts its walk at that entry:
     *     the page has a used entry, and {@code index} lies between the first used entry and the next free one
     */
    boolean hashHitStartsAt(int page, int index) {
        int first = firstUsed[page];
        return first != NONE && index >= first && index < Math.min(nextFree[page], N);
    }

    /** Counts WRITTEN pairs and finds the first one, as {@code mLoadEntryTable} does before anything else. */
    void countEntries(int page) {
        int count = 0;
        int first = NONE;
        for (int i = 0; i < N; i++) {
            if (pair(page, i) == WRITTEN) {
                if (first == NONE) {
                    first = i;
                }
                count++;
            }
        }
        used[page] = count;
        firstUsed[page] = first;
    }

    /**
     * Marks one entry ERASED outside {@link #eraseEntryAndSpan} (the half-written run of §7.2 step 2).
     *
     * @return {@link Esp#OK}, or {@link Esp#ERR_NOT_ALLOWED} on a read-only partition
     */
    int eraseSingle(int page, int index) {
        if (readOnly) {
            return refuse(page);
        }
        if (pair(page, index) == WRITTEN) {
            used[page]--;
        }
        setPair(page, index, ERASED);
        return Esp.OK;
    }

    /**
     * {@code Page::eraseEntryAndSpan}: erases a valid item with its whole span, anything else on its own.
     *
     * @return {@link Esp#OK}, or {@link Esp#ERR_NOT_ALLOWED} on a read-only partition (the page turns INVALID)
     */
    int eraseEntryAndSpan(int page, int index) {
        if (readOnly) {
            return refuseSpan(page, index);
        }
        int span = 1;
        if (pair(page, index) == WRITTEN) {
            int e = entryOffset(page, index);
            node[page * N + index] = -1;
            if (checkHeader(page, index) != ItemHeader.VALID) {
                setPair(page, index, ERASED);
                used[page]--;
            } else {
                span = flash[e + 2] & 0xFF;
                for (int j = index; j < index + span; j++) {
                    if (pair(page, j) == WRITTEN) {
                        used[page]--;
                    }
                    setPair(page, j, ERASED);
                }
            }
        } else {
            setPair(page, index, ERASED);
        }
        if (index == firstUsed[page]) {
            updateFirstUsed(page, index, span);
        }
        if (index + span > nextFree[page]) {
            nextFree[page] = index + span;
        }
        return Esp.OK;
    }

    /**
     * A refused {@code Page::eraseEntryAndSpan} on a read-only partition. A single entry goes through
     * {@code alterEntryState}, whose failed write marks the page INVALID. A valid item spanning several entries goes
     * through {@code alterEntryRangeState} instead, which does not: the used count has already dropped for the whole
     * span and the hash node is gone, the pairs from the last entry down to the start of its 16-pair bitmap word
     * (or the item's first entry) are already ERASED in RAM when the first word write fails, and the page stays
     * as it was.
     */
    private int refuseSpan(int page, int index) {
        if (pair(page, index) != WRITTEN) {
            return refuse(page);
        }
        int e = entryOffset(page, index);
        int span = flash[e + 2] & 0xFF;
        if (checkHeader(page, index) != ItemHeader.VALID || span == 1) {
            return refuse(page);
        }
        node[page * N + index] = -1;
        int last = index + span - 1;
        for (int j = index; j <= last; j++) {
            if (pair(page, j) == WRITTEN) {
                used[page]--;
            }
        }
        for (int j = last; j >= Math.max(index, last & ~15); j--) {
            setPair(page, j, ERASED);
        }
        return Esp.ERR_NOT_ALLOWED;
    }

    private int refuse(int page) {
        if (state[page] != INVALID) {
            state[page] = INVALID;
            log(Kind.PAGE_INVALIDATED, page, -1, 0, false,
                    "the partition is read-only, so an erase failed and the runtime marked the page INVALID; "
                            + "none of its items is visible");
        }
        return Esp.ERR_NOT_ALLOWED;
    }

    private void updateFirstUsed(int page, int index, int span) {
        firstUsed[page] = NONE;
        int end = Math.min(nextFree[page], N);
        for (int i = index + span; i < end; i++) {
            if (pair(page, i) == WRITTEN) {
                firstUsed[page] = i;
                return;
            }
        }
    }

    /** @return the first live hash-list node of the page at or after {@code start} with that hash, or -1 */
    int hashFind(int page, int start, int hash) {
        int base = page * N;
        for (int i = Math.max(start, 0); i < N; i++) {
            if (node[base + i] == hash) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The entry iterator's step: {@link #findItem(int, int, int, byte[], int, int, int)} for any namespace, type and
     * key ({@code 0xFF}, {@link ItemHeader#T_ANY}, {@code null}), written out for the walks over every item that
     * the storage pass and the iterator make (the general look-up costs a tenth more per call: ReadBenchmark).
     *
     * @return the entry index of the first live item at or after {@code begin}, or {@link #NOT_FOUND}
     */
    int nextItem(int page, int begin) {
        if (!searchable(page) || begin >= N) {
            return NOT_FOUND;
        }
        int first = firstUsed[page];
        if (first == NONE) {
            return NOT_FOUND;
        }
        int end = Math.min(nextFree[page], N);
        for (int i = Math.max(begin, first); i < end; i++) {
            if (pair(page, i) != WRITTEN) {
                continue;
            }
            // as in findItem: a header without a hash-list node is checked (and erased if invalid) on the way
            if (node[page * N + i] < 0 && checkHeader(page, i) != ItemHeader.VALID) {
                if (eraseEntryAndSpan(page, i) != Esp.OK) {
                    return NOT_FOUND;
                }
                continue;
            }
            return i;
        }
        return NOT_FOUND;
    }

    /**
     * {@code Page::findItem}: the first live item of the page, from {@code begin} on, that matches.
     *
     * @param page physical page
     * @param ns namespace index, or 0xFF for any
     * @param type type byte, or {@link ItemHeader#T_ANY}
     * @param key the lookup key normalised to 16 bytes, or {@code null} for any key
     * @param chunkIndex chunk index, 0xFF for "any" / not a chunk
     * @param chunkStart blob index version to match, 0xFF for any
     * @param begin the first entry index to consider
     * @return the entry index, {@link #NOT_FOUND} or {@link #MISMATCH}
     */
    int findItem(int page, int ns, int type, byte[] key, int chunkIndex, int chunkStart, int begin) {
        return findItem(page, ns, type, key, chunkIndex, chunkStart, begin, -1);
    }

    /**
     * {@link #findItem(int, int, int, byte[], int, int, int)} with the first live hash-list node of the key on
     * this page already known ({@code hashHit}, or -1 to look it up).
     */
    int findItem(int page, int ns, int type, byte[] key, int chunkIndex, int chunkStart, int begin, int hashHit) {
        if (!searchable(page) || begin >= N) {
            return NOT_FOUND;
        }
        int first = firstUsed[page];
        if (first == NONE) {
            return NOT_FOUND;
        }
        int start = begin > first ? begin : first;
        int end = Math.min(nextFree[page], N);
        if (ns != 0xFF && key != null && (type != ItemHeader.T_BLOB_DATA || chunkIndex != 0xFF)) {
            int cached = hashHit >= start ? hashHit : hashFind(page, start, ItemHeader.lookupHash(ns, key, chunkIndex));
            if (cached < 0) {
                return NOT_FOUND;
            }
            start = cached;
        }
        byte[] b = flash;
        int next;
        for (int i = start; i < end; i = next) {
            next = i + 1;
            if (pair(page, i) != WRITTEN) {
                continue;
            }
            int e = entryOffset(page, i);
            // A header with a hash-list node passed §2.7 when its page was loaded; any other WRITTEN entry met by
            // a walk is checked as the runtime does (after a load this does not happen: the walks agree).
            if (node[page * N + i] < 0 && checkHeader(page, i) != ItemHeader.VALID) {
                if (eraseEntryAndSpan(page, i) != Esp.OK) {
                    return NOT_FOUND;
                }
                continue;
            }
            int itemType = b[e + 1] & 0xFF;
            if (ItemHeader.isVariableLength(itemType)) {
                next = i + (b[e + 2] & 0xFF);
            }
            if (ns != 0xFF && (b[e] & 0xFF) != ns) {
                continue;
            }
            if (key != null && !keyMatches(b, e, key)) {
                continue;
            }
            int itemChunk = b[e + 3] & 0xFF;
            if (chunkIndex != 0xFF && type == ItemHeader.T_BLOB_DATA && itemChunk != chunkIndex) {
                continue;
            }
            if (chunkIndex == 0xFF && type == ItemHeader.T_BLOB_DATA && itemType != ItemHeader.T_BLOB_DATA) {
                continue;
            }
            if (chunkIndex == 0xFF && type == ItemHeader.T_BLOB && itemType == ItemHeader.T_BLOB_IDX) {
                return MISMATCH;
            }
            if (chunkIndex == 0xFF && type == ItemHeader.T_BLOB && itemType == ItemHeader.T_BLOB_DATA) {
                continue;
            }
            if (type == ItemHeader.T_BLOB_IDX && itemChunk != 0xFF) {
                continue;
            }
            if (type == ItemHeader.T_BLOB_IDX && chunkStart != 0xFF && (b[e + 29] & 0xFF) != chunkStart) {
                continue;
            }
            if (type != ItemHeader.T_ANY && itemType != type) {
                if (key == null && ns == 0xFF && chunkIndex == 0xFF) {
                    continue;
                }
                return MISMATCH;
            }
            return i;
        }
        return NOT_FOUND;
    }

    /**
     * {@code strncmp(key, item.key, 15) == 0}.
     *
     * @param key a normalised lookup key (at most 15 bytes, then zeros)
     */
    static boolean keyMatches(byte[] b, int e, byte[] key) {
        // Eight bytes at a time: the bytes up to and including the key's first NUL must be equal, and none after
        // it (nor byte 15) is compared. The lowest set bit of the zero-byte test marks the first NUL exactly.
        long k0 = Bytes.u64(key, 0);
        long z0 = KeyField.zeroBytes(k0);
        long i0 = Bytes.u64(b, e + 8);
        if (z0 != 0) {
            return ((k0 ^ i0) & KeyField.throughFirstZero(z0)) == 0;
        }
        if (k0 != i0) {
            return false;
        }
        long k1 = Bytes.u64(key, 8);
        long z1 = KeyField.zeroBytes(k1); // never 0: byte 15 of a normalised key is 0
        return ((k1 ^ Bytes.u64(b, e + 16)) & KeyField.throughFirstZero(z1) & 0x00FF_FFFF_FFFF_FFFFL) == 0;
    }

    /**
     * The key a C caller passes when it hands an item's key field on: up to the first NUL, at most 15 bytes
     * ({@code strncpy(key, src, 15); key[15] = 0}).
     *
     * @return 16 bytes: the key, then zeros
     */
    static byte[] normalisedKey(byte[] b, int e) {
        return normalisedKey(b, e, new byte[16]);
    }

    /**
     * {@link #normalisedKey(byte[], int)} into a caller's 16-byte buffer (for lookups that do not keep the key).
     *
     * @return {@code key}
     */
    static byte[] normalisedKey(byte[] b, int e, byte[] key) {
        Arrays.fill(key, (byte) 0);
        for (int j = 0; j < 15; j++) {
            byte c = b[e + 8 + j];
            if (c == 0) {
                break;
            }
            key[j] = c;
        }
        return key;
    }

    /** @return the length of a normalised key (position of its first NUL) */
    static int keyLength(byte[] key) {
        int n = 0;
        while (n < 15 && key[n] != 0) {
            n++;
        }
        return n;
    }

    /** @return the key bytes of entry {@code e} up to the first NUL, at most 15 */
    static byte[] keyBytes(byte[] b, int e) {
        int n = 0;
        while (n < 15 && b[e + 8 + n] != 0) {
            n++;
        }
        return Arrays.copyOfRange(b, e + 8, e + 8 + n);
    }

    /** Inserts the hash-list node of a header at {@code index} (the runtime's {@code HashList::insert}). */
    void insertNode(int page, int index) {
        node[page * N + index] = ItemHeader.storedHash(flash, entryOffset(page, index));
    }

    /** {@code Page::erase}: the sector becomes blank and the page UNINITIALIZED. */
    void erasePage(int page) {
        beforeWrite();
        Arrays.fill(flash, page * Page.SIZE, (page + 1) * Page.SIZE, (byte) 0xFF);
        state[page] = UNINITIALIZED;
        used[page] = 0;
        firstUsed[page] = NONE;
        nextFree[page] = N;
        Arrays.fill(node, page * N, (page + 1) * N, -1);
    }

    /** {@code Page::initialize}: writes an ACTIVE header with the given sequence number on a blank page. */
    void initialize(int page, int sequence) {
        beforeWrite();
        Page.writeHeader(flash, page * Page.SIZE, PageState.ACTIVE, sequence, Page.VERSION_2);
        state[page] = ACTIVE;
        seq[page] = sequence;
        nextFree[page] = 0;
    }

    /** {@code Page::writeEntry} of a raw 32-byte entry copied from {@code sourceOffset}. */
    void appendEntry(int page, int sourceOffset) {
        beforeWrite();
        int index = nextFree[page];
        System.arraycopy(flash, sourceOffset, flash, entryOffset(page, index), Page.ENTRY_SIZE);
        setPair(page, index, WRITTEN);
        if (firstUsed[page] == NONE) {
            firstUsed[page] = index;
        }
        used[page]++;
        nextFree[page] = index + 1;
    }

    /** Records a repair at an entry, reading namespace and key from its header. */
    void log(Kind kind, int page, int index, int span, boolean applied, String detail) {
        if (index < 0) {
            repairs.add(new BootRepair(kind, page, -1, (long) page * Page.SIZE, -1, null, 0, applied, detail));
            return;
        }
        int e = entryOffset(page, index);
        String key = new String(keyBytes(flash, e), StandardCharsets.UTF_8);
        repairs.add(new BootRepair(kind, page, index, e, flash[e] & 0xFF, key, span, applied, detail));
    }

    /** @return the span an erase of the item at {@code index} covers (1 unless it is a valid item) */
    int itemSpan(int page, int index) {
        if (pair(page, index) != WRITTEN) {
            return 1;
        }
        int e = entryOffset(page, index);
        return checkHeader(page, index) == ItemHeader.VALID ? flash[e + 2] & 0xFF : 1;
    }

    /**
     * Erases an item with its span and records why.
     *
     * @return the erase result
     */
    int eraseLogged(int page, int index, Kind kind, String detail) {
        // Log before erasing: the record reads namespace and key from the entry.
        log(kind, page, index, itemSpan(page, index), !readOnly, detail);
        return eraseEntryAndSpan(page, index);
    }

    static int u32(byte[] b, int off) {
        return Bytes.u32(b, off);
    }
}
