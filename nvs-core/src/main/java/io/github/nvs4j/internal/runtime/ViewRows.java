package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.model.ValueHandover;
import io.github.nvs4j.model.NvsValue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Rows of the device view (the items the iterator listed, with the value or error of their read, or the legacy
 * blobs of the {@code unlisted} rule) in flat arrays: a few ints and longs per row instead of a row object, a key
 * array and a value object each (ReadBenchmark: see nvs-benchmarks/RESULTS.md). A value is kept as its raw bits
 * (fixed-size types) or as the fresh array its read produced (strings, blobs) and becomes an {@link NvsValue} only
 * when {@link #value} is called; a boot that only wants the repairs ({@link Boot#run(byte[], boolean, boolean)}
 * without values) keeps no payload at all.
 *
 * <p>Rows are appended in the order they were read (page order); {@link #sort()} then gives the view's order:
 * namespace bytes, key bytes, type code, stable. Accessors take a row number (the order of appending); the orders
 * are arrays of row numbers.
 */
public final class ViewRows {

    private int size;
    /** Namespace name bytes (at most 15, no NUL), shared by the rows of one namespace. */
    private byte[][] namespace;
    /** Key bytes 0..7 and 8..15, big-endian, zero-padded: comparing them unsigned orders keys as bytes. */
    private long[] key0;
    private long[] key1;
    private byte[] type;
    private int[] error;
    /** Physical page × 126 + entry index of the listed entry. */
    private int[] slot;
    private long[] position;
    /** Fixed-size values: the eight data bytes of the entry, little-endian. */
    private long[] raw;
    /** Strings and blobs: the value's bytes (owned here; possibly shared by rows of the same item). */
    private byte[][] payload;

    /** After {@link #sort()}: the rows in view order, all of them, readable ones and the others. */
    private int[] sorted;
    /** Without sorting: the rows of type 0x42 by namespace and key, for {@link #containsBlob}. */
    private int[] blobTable;
    private int[] readable;
    private int[] unreadable;

    /**
     * @param capacity the expected number of rows (the arrays grow beyond it)
     * @param withValues whether rows keep values ({@code false}: {@link #value} must not be called)
     */
    ViewRows(int capacity, boolean withValues) {
        int n = Math.max(capacity, 4);
        namespace = new byte[n][];
        key0 = new long[n];
        key1 = new long[n];
        type = new byte[n];
        error = new int[n];
        slot = new int[n];
        position = new long[n];
        raw = withValues ? new long[n] : null;
        payload = withValues ? new byte[n][] : null;
    }

    /** @return a table without rows, sorted */
    static ViewRows empty() {
        ViewRows rows = new ViewRows(0, false);
        rows.sort();
        return rows;
    }

    /**
     * Appends a row.
     *
     * @param ns the namespace name (trimmed; kept, not copied)
     * @param key a normalised 16-byte key (at most 15 bytes, then zeros; copied)
     * @param itemType the iterator's type byte
     * @param err the error code of the read
     * @param at physical page × 126 + entry
     * @param pos the place in the page log
     * @param fixedBits the data bytes of a fixed-size value (0 otherwise)
     * @param bytes the bytes of a string or blob read ({@code null} otherwise; kept, not copied)
     */
    void add(byte[] ns, byte[] key, int itemType, int err, int at, long pos, long fixedBits, byte[] bytes) {
        if (size == slot.length) {
            grow();
        }
        int r = size++;
        namespace[r] = ns;
        key0[r] = bigEndian(key, 0);
        key1[r] = bigEndian(key, 8);
        type[r] = (byte) itemType;
        error[r] = err;
        slot[r] = at;
        position[r] = pos;
        if (raw != null) {
            raw[r] = fixedBits;
            payload[r] = bytes;
        }
    }

    private void grow() {
        int n = slot.length * 2;
        namespace = Arrays.copyOf(namespace, n);
        key0 = Arrays.copyOf(key0, n);
        key1 = Arrays.copyOf(key1, n);
        type = Arrays.copyOf(type, n);
        error = Arrays.copyOf(error, n);
        slot = Arrays.copyOf(slot, n);
        position = Arrays.copyOf(position, n);
        if (raw != null) {
            raw = Arrays.copyOf(raw, n);
            payload = Arrays.copyOf(payload, n);
        }
    }

    private static long bigEndian(byte[] key, int from) {
        return Long.reverseBytes(Bytes.u64(key, from));
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Row accessors (r: the row number)

    /**
     * @param r a row
     * @return the namespace name bytes (shared: do not modify)
     */
    public byte[] namespace(int r) {
        return namespace[r];
    }

    /**
     * @param r a row
     * @return a fresh copy of the key bytes (at most 15, no NUL)
     */
    public byte[] key(int r) {
        byte[] key = new byte[keyLength(r)];
        keyInto(r, key);
        return key;
    }

    /**
     * Copies the key bytes into a caller's buffer (no allocation).
     *
     * @param r a row
     * @param into at least 15 bytes
     * @return the number of key bytes written
     */
    public int keyInto(int r, byte[] into) {
        int n = keyLength(r);
        for (int i = 0; i < n; i++) {
            into[i] = keyByte(r, i);
        }
        return n;
    }

    /**
     * @param r a row
     * @return the number of key bytes
     */
    public int keyLength(int r) {
        // a normalised key has no NUL before its end: its length is the position of the first zero byte
        return (key0[r] & 0xFF) != 0 ? 8 + nonZeroPrefix(key1[r]) : nonZeroPrefix(key0[r]);
    }

    /** @return how many leading (most significant) bytes of {@code word} come before its first zero byte */
    private static int nonZeroPrefix(long word) {
        int n = 0;
        while (n < 8 && ((word >>> (56 - 8 * n)) & 0xFF) != 0) {
            n++;
        }
        return n;
    }

    /**
     * @param r a row
     * @param i 0…14
     * @return key byte {@code i} (0 past the end)
     */
    public byte keyByte(int r, int i) {
        long word = i < 8 ? key0[r] : key1[r];
        return (byte) (word >>> (56 - 8 * (i & 7)));
    }

    /**
     * @param r a row
     * @return the iterator's type byte ({@code 0x42} for blobs)
     */
    public int type(int r) {
        return type[r] & 0xFF;
    }

    /**
     * @param r a row
     * @return the error code of the read ({@link Esp#OK} when a value was read)
     */
    public int error(int r) {
        return error[r];
    }

    /**
     * @param r a row
     * @return the place of the item in the page log (page rank × 126 + entry)
     */
    public long position(int r) {
        return position[r];
    }

    /**
     * @param r a row
     * @return the physical page of the listed entry
     */
    public int page(int r) {
        return slot[r] / PageSet.N;
    }

    /**
     * @param r a row
     * @return the entry index of the listed entry
     */
    public int entry(int r) {
        return slot[r] % PageSet.N;
    }

    /**
     * Makes the value of a readable row. Each call makes a new object; strings and blobs share the row's bytes,
     * which no one can change (the value types never hand their array out).
     *
     * @param r a readable row of a boot that kept values
     * @return the value
     */
    public NvsValue value(int r) {
        long v = raw[r];
        return switch (type(r)) {
            case ItemHeader.T_U8 -> new NvsValue.U8((int) v & 0xFF);
            case ItemHeader.T_I8 -> new NvsValue.I8((byte) v);
            case ItemHeader.T_U16 -> new NvsValue.U16((int) v & 0xFFFF);
            case ItemHeader.T_I16 -> new NvsValue.I16((short) v);
            case ItemHeader.T_U32 -> new NvsValue.U32(v & 0xFFFF_FFFFL);
            case ItemHeader.T_I32 -> new NvsValue.I32((int) v);
            case ItemHeader.T_U64 -> new NvsValue.U64(v);
            case ItemHeader.T_I64 -> new NvsValue.I64(v);
            case ItemHeader.T_FLOAT -> new NvsValue.F32((int) v);
            case ItemHeader.T_DOUBLE -> new NvsValue.F64(v);
            case ItemHeader.T_SZ -> ValueHandover.str(payload[r]);
            default -> ValueHandover.blob(payload[r]);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // View order

    /** Sorts the rows into the view's order and splits them into readable and unreadable ones. */
    void sort() {
        int[] rank = namespaceRanks();
        int[] order = new int[size];
        for (int r = 0; r < size; r++) {
            order[r] = r;
        }
        mergeSort(order, new int[size], 0, size, rank);
        int ok = 0;
        for (int r = 0; r < size; r++) {
            if (error[r] == Esp.OK) {
                ok++;
            }
        }
        int[] good = new int[ok];
        int[] bad = new int[size - ok];
        int g = 0;
        int b = 0;
        for (int r : order) {
            if (error[r] == Esp.OK) {
                good[g++] = r;
            } else {
                bad[b++] = r;
            }
        }
        sorted = order;
        readable = good;
        unreadable = bad;
    }

    /** @return the readable rows ({@link Esp#OK}) in view order */
    public int[] readable() {
        return readable;
    }

    /** @return the rows whose read failed, in view order */
    public int[] unreadable() {
        return unreadable;
    }

    /**
     * @return each row's namespace rank: equal names get equal ranks, and ranks order as the names' bytes do
     *         (names are few and shared by runs of rows, so they are ranked once instead of compared per pair)
     */
    private int[] namespaceRanks() {
        Map<byte[], Integer> distinct = new IdentityHashMap<>();
        for (int r = 0; r < size; r++) {
            distinct.putIfAbsent(namespace[r], distinct.size());
        }
        byte[][] names = distinct.keySet().toArray(new byte[0][]);
        Arrays.sort(names, BYTES);
        Map<byte[], Integer> rankOf = new IdentityHashMap<>();
        int rank = 0;
        for (int i = 0; i < names.length; i++) {
            if (i > 0 && compareBytes(names[i - 1], names[i]) != 0) {
                rank++;
            }
            rankOf.put(names[i], rank);
        }
        int[] ranks = new int[size];
        byte[] last = null;
        int lastRank = 0;
        for (int r = 0; r < size; r++) {
            if (namespace[r] != last) {
                last = namespace[r];
                lastRank = rankOf.get(last);
            }
            ranks[r] = lastRank;
        }
        return ranks;
    }

    private int compare(int a, int b, int[] rank) {
        int c = Integer.compare(rank[a], rank[b]);
        if (c == 0) {
            c = Long.compareUnsigned(key0[a], key0[b]);
            if (c == 0) {
                c = Long.compareUnsigned(key1[a], key1[b]);
                if (c == 0) {
                    c = Integer.compare(type(a), type(b));
                }
            }
        }
        return c;
    }

    /** Stable merge sort of {@code order[from, to)} by {@link #compare}. */
    private void mergeSort(int[] order, int[] tmp, int from, int to, int[] rank) {
        if (to - from <= 16) { // insertion sort for short runs
            for (int i = from + 1; i < to; i++) {
                int v = order[i];
                int j = i - 1;
                while (j >= from && compare(order[j], v, rank) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, tmp, from, mid, rank);
        mergeSort(order, tmp, mid, to, rank);
        if (compare(order[mid - 1], order[mid], rank) <= 0) {
            return; // already in order (runs of one namespace often are)
        }
        System.arraycopy(order, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(tmp[i], tmp[j], rank) <= 0)) {
                order[k] = tmp[i++];
            } else {
                order[k] = tmp[j++];
            }
        }
    }

    /**
     * @param ns a namespace name (trimmed)
     * @param key a normalised key
     * @return whether a row has this namespace and key with the blob type 0x42: a binary search once the rows are
     *         sorted, otherwise a look-up in a hash table of the blob rows, built on the first call (a boot without
     *         values does not sort its rows)
     */
    boolean containsBlob(byte[] ns, byte[] key) {
        long k0 = bigEndian(key, 0);
        long k1 = bigEndian(key, 8);
        if (sorted != null) {
            return search(ns, k0, k1, ItemHeader.T_BLOB_DATA);
        }
        if (blobTable == null) {
            blobTable = blobTable();
        }
        int mask = blobTable.length - 1;
        for (int at = hash(ns, k0, k1) & mask; blobTable[at] != 0; at = (at + 1) & mask) {
            int r = blobTable[at] - 1;
            if (key0[r] == k0 && key1[r] == k1 && compareBytes(namespace[r], ns) == 0) {
                return true;
            }
        }
        return false;
    }

    /** @return an open-addressing table (row + 1, 0 free, at most half full) of the rows of type 0x42 */
    private int[] blobTable() {
        int blobs = 0;
        for (int r = 0; r < size; r++) {
            if (type(r) == ItemHeader.T_BLOB_DATA) {
                blobs++;
            }
        }
        int[] table = new int[Integer.highestOneBit(Math.max(blobs, 1)) * 4];
        int mask = table.length - 1;
        for (int r = 0; r < size; r++) {
            if (type(r) == ItemHeader.T_BLOB_DATA) {
                int at = hash(namespace[r], key0[r], key1[r]) & mask;
                while (table[at] != 0) {
                    at = (at + 1) & mask;
                }
                table[at] = r + 1;
            }
        }
        return table;
    }

    private static int hash(byte[] ns, long k0, long k1) {
        long h = Arrays.hashCode(ns) * 0x9E37_79B9_7F4A_7C15L ^ k0 * 0xC2B2_AE3D_27D4_EB4FL ^ k1;
        h *= 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32);
    }

    private boolean search(byte[] ns, long k0, long k1, int itemType) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = sorted[mid];
            int c = compareBytes(namespace[r], ns);
            if (c == 0) {
                c = Long.compareUnsigned(key0[r], k0);
                if (c == 0) {
                    c = Long.compareUnsigned(key1[r], k1);
                    if (c == 0) {
                        c = Integer.compare(type(r), itemType);
                    }
                }
            }
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /**
     * @param a a row of this table
     * @param other another table
     * @param b a row of the other table
     * @return the order of the two rows by namespace bytes, then key bytes
     */
    int compareKey(int a, ViewRows other, int b) {
        int c = namespace[a] == other.namespace[b] ? 0 : compareBytes(namespace[a], other.namespace[b]);
        if (c == 0) {
            c = Long.compareUnsigned(key0[a], other.key0[b]);
            if (c == 0) {
                c = Long.compareUnsigned(key1[a], other.key1[b]);
            }
        }
        return c;
    }

    /** {@link #compareBytes} as a comparator (a class, not a method reference: no lambda linkage at start-up). */
    private static final Comparator<byte[]> BYTES = new Comparator<>() {
        @Override
        public int compare(byte[] a, byte[] b) {
            return compareBytes(a, b);
        }
    };

    /** Unsigned lexicographic order of short arrays. */
    static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return (a[i] & 0xFF) - (b[i] & 0xFF);
            }
        }
        return a.length - b.length;
    }
}
