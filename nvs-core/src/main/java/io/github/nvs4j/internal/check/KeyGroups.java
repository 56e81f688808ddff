package io.github.nvs4j.internal.check;

import java.util.Arrays;

/**
 * Entries grouped by their raw 16-byte key field, in order of first appearance, for the tool's duplicate check. Two
 * entries share a tool key (the field's bytes as Latin-1 with trailing NULs dropped) exactly when their 16-byte
 * fields are equal, so the fields are compared as two longs: no string, list or record per entry, and a list only
 * for a key seen more than once (ReadBenchmark.check: see nvs-benchmarks/RESULTS.md).
 */
final class KeyGroups {

    /** Open-addressing table of group id + 1 (0 marks a free slot); at most half full. */
    private int[] table;

    private int count;
    /** Per group: the key field's two words. */
    private long[] keyLo;
    private long[] keyHi;
    /** Per group: the first entry (any int the caller chooses, such as page * 126 + entry). */
    private int[] first;
    /** Per group: the later entries, or {@code null} while there is only the first. */
    private int[][] later;
    private int[] laterCount;

    /**
     * @param expected how many entries will be added (at most that many groups): sizing everything for them up
     *                 front saves the copies of growing (they were most of the checker's allocation)
     */
    KeyGroups(int expected) {
        int capacity = Math.max(expected, 16);
        table = new int[Integer.highestOneBit(capacity) * 4];
        keyLo = new long[capacity];
        keyHi = new long[capacity];
        first = new int[capacity];
        later = new int[capacity][];
        laterCount = new int[capacity];
    }

    /**
     * Adds an entry to the group of its key field.
     *
     * @param lo bytes 0..7 of the key field, little-endian
     * @param hi bytes 8..15 of the key field
     * @param entry the entry
     * @return the group (0 … {@link #count()} − 1)
     */
    int add(long lo, long hi, int entry) {
        int i = slotOf(lo, hi);
        if (table[i] != 0) {
            int g = table[i] - 1;
            if (later[g] == null) {
                later[g] = new int[2];
            } else if (laterCount[g] == later[g].length) {
                later[g] = Arrays.copyOf(later[g], laterCount[g] * 2);
            }
            later[g][laterCount[g]++] = entry;
            return g;
        }
        if (count == first.length) {
            int capacity = count * 2;
            keyLo = Arrays.copyOf(keyLo, capacity);
            keyHi = Arrays.copyOf(keyHi, capacity);
            first = Arrays.copyOf(first, capacity);
            later = Arrays.copyOf(later, capacity);
            laterCount = Arrays.copyOf(laterCount, capacity);
        }
        keyLo[count] = lo;
        keyHi[count] = hi;
        first[count] = entry;
        table[i] = ++count;
        if (count * 2 > table.length) {
            grow();
        }
        return count - 1;
    }

    /** @return the number of groups */
    int count() {
        return count;
    }

    /** @return how many entries group {@code g} holds */
    int size(int g) {
        return 1 + laterCount[g];
    }

    /** @return entry {@code k} of group {@code g}, in the order they were added */
    int entry(int g, int k) {
        return k == 0 ? first[g] : later[g][k - 1];
    }

    private int slotOf(long lo, long hi) {
        int mask = table.length - 1;
        long h = lo * 0x9E37_79B9_7F4A_7C15L ^ hi * 0xC2B2_AE3D_27D4_EB4FL;
        int i = (int) (h ^ (h >>> 29)) & mask;
        while (table[i] != 0 && (keyLo[table[i] - 1] != lo || keyHi[table[i] - 1] != hi)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        table = new int[table.length * 2];
        for (int g = 0; g < count; g++) {
            table[slotOf(keyLo[g], keyHi[g])] = g + 1;
        }
    }
}
