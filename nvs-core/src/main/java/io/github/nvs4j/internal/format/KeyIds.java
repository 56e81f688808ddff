package io.github.nvs4j.internal.format;

import java.util.Arrays;

/**
 * Dense ids for keys held as two longs (a 16-byte key field, or a namespace index and a key packed into 16 bytes),
 * numbered 0, 1, 2… in order of first appearance. An open-addressing table of id + 1 (0 marks a free slot), at most
 * half full, over the pairs stored per id: no object per key. The runtime's blob groups and the checker's key
 * groups and blob ranges keep their per-key data in arrays indexed by these ids.
 */
public final class KeyIds {

    private int[] table;
    private long[] lo;
    private long[] hi;
    private int count;

    /**
     * @param expected how many distinct keys to size for (more are taken, with regrowth)
     */
    public KeyIds(int expected) {
        int capacity = Math.max(expected, 16);
        table = new int[Integer.highestOneBit(capacity) * 4];
        lo = new long[capacity];
        hi = new long[capacity];
    }

    /**
     * @param lo the key's first word
     * @param hi the key's second word
     * @return the key's id, {@link #count()} if the key is new (it then has that id from now on)
     */
    public int add(long lo, long hi) {
        int i = slotOf(lo, hi);
        if (table[i] != 0) {
            return table[i] - 1;
        }
        int id = count++;
        if (id == this.lo.length) {
            this.lo = Arrays.copyOf(this.lo, id * 2);
            this.hi = Arrays.copyOf(this.hi, id * 2);
        }
        this.lo[id] = lo;
        this.hi[id] = hi;
        table[i] = id + 1;
        if (count * 2 > table.length) {
            table = new int[table.length * 2];
            for (int k = 0; k < count; k++) {
                table[slotOf(this.lo[k], this.hi[k])] = k + 1;
            }
        }
        return id;
    }

    /**
     * @param lo the key's first word
     * @param hi the key's second word
     * @return the key's id, or -1 if it was never added
     */
    public int find(long lo, long hi) {
        return table[slotOf(lo, hi)] - 1;
    }

    /** @return the number of distinct keys added */
    public int count() {
        return count;
    }

    private int slotOf(long lo, long hi) {
        int mask = table.length - 1;
        long h = lo * 0x9E37_79B9_7F4A_7C15L ^ hi * 0xC2B2_AE3D_27D4_EB4FL;
        int i = (int) (h ^ (h >>> 29)) & mask;
        while (table[i] != 0 && (this.lo[table[i] - 1] != lo || this.hi[table[i] - 1] != hi)) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
