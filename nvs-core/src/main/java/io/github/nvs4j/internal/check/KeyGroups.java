package io.github.nvs4j.internal.check;

import java.util.Arrays;

/**
 * Entries grouped by their raw 16-byte key field, in order of first appearance, for the tool's duplicate check. Two
 * entries share a tool key (the field's bytes as Latin-1 with trailing NULs dropped) exactly when their 16-byte
 * fields are equal, so the fields are compared as two longs: no string, list or record per entry, and a list only
 * for a key seen more than once (ReadBenchmark.check: see nvs-benchmarks/RESULTS.md).
 */
final class KeyGroups {

    private long[] keyLo = new long[256];
    private long[] keyHi = new long[256];
    /** Group id + 1 per table slot; 0 marks a free slot. */
    private int[] slotGroup = new int[256];

    private int count;
    /** Per group: the first entry (any int the caller chooses, such as page * 126 + entry). */
    private int[] first = new int[64];
    /** Per group: the later entries, or {@code null} while there is only the first. */
    private int[][] later = new int[64][];
    private int[] laterCount = new int[64];

    /**
     * Adds an entry to the group of its key field.
     *
     * @param lo bytes 0..7 of the key field, little-endian
     * @param hi bytes 8..15 of the key field
     * @param entry the entry
     */
    void add(long lo, long hi, int entry) {
        int i = slotOf(lo, hi);
        if (slotGroup[i] != 0) {
            int g = slotGroup[i] - 1;
            if (later[g] == null) {
                later[g] = new int[2];
            } else if (laterCount[g] == later[g].length) {
                later[g] = Arrays.copyOf(later[g], laterCount[g] * 2);
            }
            later[g][laterCount[g]++] = entry;
            return;
        }
        if (count == first.length) {
            first = Arrays.copyOf(first, count * 2);
            later = Arrays.copyOf(later, count * 2);
            laterCount = Arrays.copyOf(laterCount, count * 2);
        }
        first[count] = entry;
        keyLo[i] = lo;
        keyHi[i] = hi;
        slotGroup[i] = ++count;
        if (count * 2 > keyLo.length) {
            grow();
        }
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
        int mask = keyLo.length - 1;
        long h = lo * 0x9E37_79B9_7F4A_7C15L ^ hi * 0xC2B2_AE3D_27D4_EB4FL;
        int i = (int) (h ^ (h >>> 29)) & mask;
        while (slotGroup[i] != 0 && (keyLo[i] != lo || keyHi[i] != hi)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldLo = keyLo;
        long[] oldHi = keyHi;
        int[] oldGroup = slotGroup;
        keyLo = new long[oldLo.length * 2];
        keyHi = new long[oldLo.length * 2];
        slotGroup = new int[oldLo.length * 2];
        for (int j = 0; j < oldLo.length; j++) {
            if (oldGroup[j] != 0) {
                int i = slotOf(oldLo[j], oldHi[j]);
                keyLo[i] = oldLo[j];
                keyHi[i] = oldHi[j];
                slotGroup[i] = oldGroup[j];
            }
        }
    }
}
