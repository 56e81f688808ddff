package io.github.nvs4j.internal.check;

import io.github.nvs4j.internal.format.KeyIds;

import java.util.Arrays;

/**
 * Entries grouped by their raw 16-byte key field, in order of first appearance, for the tool's duplicate check. Two
 * entries share a tool key (the field's bytes as Latin-1 with trailing NULs dropped) exactly when their 16-byte
 * fields are equal, so the fields are compared as two longs: no string, list or record per entry, and a list only
 * for a key seen more than once (ReadBenchmark.check: see nvs-benchmarks/RESULTS.md).
 */
final class KeyGroups {

    /** The groups' ids by key field. */
    private final KeyIds ids;
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
        ids = new KeyIds(capacity);
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
        int known = ids.count();
        int g = ids.add(lo, hi);
        if (g < known) {
            if (later[g] == null) {
                later[g] = new int[2];
            } else if (laterCount[g] == later[g].length) {
                later[g] = Arrays.copyOf(later[g], laterCount[g] * 2);
            }
            later[g][laterCount[g]++] = entry;
            return g;
        }
        if (g == first.length) {
            int capacity = g * 2;
            first = Arrays.copyOf(first, capacity);
            later = Arrays.copyOf(later, capacity);
            laterCount = Arrays.copyOf(laterCount, capacity);
        }
        first[g] = entry;
        return g;
    }

    /** @return the number of groups */
    int count() {
        return ids.count();
    }

    /** @return how many entries group {@code g} holds */
    int size(int g) {
        return 1 + laterCount[g];
    }

    /** @return entry {@code k} of group {@code g}, in the order they were added */
    int entry(int g, int k) {
        return k == 0 ? first[g] : later[g][k - 1];
    }
}
