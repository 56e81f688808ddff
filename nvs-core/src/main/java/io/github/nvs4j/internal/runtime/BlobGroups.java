package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The blob indexes and chunks of the storage pass grouped by namespace index and key (the key up to its NUL, at
 * most 15 bytes, which is what the runtime's {@code strncmp(…, 15)} compares). Within a group, indexes keep the
 * order of the runtime's index list and chunks the page order.
 */
final class BlobGroups {

    /** The indexes and chunks of one namespace and key. */
    static final class Group {
        final int id;
        /** Usually one index and a few chunks: start small, there is one group per blob. */
        final IntList indexes = new IntList(1);
        final IntList chunks = new IntList(2);
        private int[] firstFor;
        private boolean[] claimed;

        Group(int id) {
            this.id = id;
        }

        /**
         * The first index of the list whose version family holds chunk index {@code c}: chunk start 0 owns
         * 0…0x7f, any other start {@code s} owns {@code s}…0xfe ({@code Storage::eraseMismatchedBlobIndexes}).
         *
         * @param start the chunk start of every index, by list position
         * @return the list position of the owner, or -1
         */
        int firstIndexFor(int c, int[] start) {
            if (indexes.size <= 8) {
                for (int k = 0; k < indexes.size; k++) {
                    int i = indexes.get(k);
                    if (c >= start[i] && c < limit(start[i])) {
                        return i;
                    }
                }
                return -1;
            }
            if (firstFor == null) {
                firstFor = new int[256];
                Arrays.fill(firstFor, -1);
                for (int k = indexes.size - 1; k >= 0; k--) {
                    int i = indexes.get(k);
                    Arrays.fill(firstFor, start[i], Math.max(start[i], limit(start[i])), i);
                }
            }
            return firstFor[c];
        }

        private static int limit(int start) {
            return start == 0 ? 0x80 : 0xFF;
        }

        /**
         * @return whether a surviving index has {@code c} in its range {@code [start, start + count)}
         *         ({@code Storage::eraseOrphanDataBlobs})
         */
        boolean claims(int c, int[] start, int[] count, boolean[] alive) {
            if (indexes.size == 0) {
                return false;
            }
            if (indexes.size == 1) { // the usual case: one index, no table needed
                int i = indexes.get(0);
                return alive[i] && c >= start[i] && c < start[i] + count[i];
            }
            if (claimed == null) {
                claimed = new boolean[256];
                for (int k = 0; k < indexes.size; k++) {
                    int i = indexes.get(k);
                    if (alive[i]) {
                        Arrays.fill(claimed, start[i], Math.min(start[i] + count[i], 256), true);
                    }
                }
            }
            return claimed[c];
        }
    }

    /**
     * Open-addressing table from (namespace, key) to group id + 1 (0 marks a free slot), at most half full, without
     * an object per look-up: the namespace index and the normalised key (15 bytes, then zeros) packed into two
     * longs, kept per group.
     */
    private int[] table = new int[64];
    private long[] keyLo = new long[16];
    private long[] keyHi = new long[16];
    private final List<Group> groups = new ArrayList<>();

    /** @return namespace index and key bytes 0..6, little-endian */
    private static long lo(int ns, byte[] key) {
        return (ns & 0xFFL) | (Bytes.u64(key, 0) << 8);
    }

    /** @return key bytes 7..14 */
    private static long hi(byte[] key) {
        return Bytes.u64(key, 7); // byte 15 of a normalised key is always 0
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

    /** @return the group of a namespace and normalised key, created if new */
    Group group(int ns, byte[] key) {
        long lo = lo(ns, key);
        long hi = hi(key);
        int i = slotOf(lo, hi);
        if (table[i] != 0) {
            return groups.get(table[i] - 1);
        }
        int id = groups.size();
        Group g = new Group(id);
        groups.add(g);
        if (id == keyLo.length) {
            keyLo = Arrays.copyOf(keyLo, id * 2);
            keyHi = Arrays.copyOf(keyHi, id * 2);
        }
        keyLo[id] = lo;
        keyHi[id] = hi;
        table[i] = id + 1;
        if (groups.size() * 2 > table.length) {
            table = new int[table.length * 2];
            for (int k = 0; k < groups.size(); k++) {
                table[slotOf(keyLo[k], keyHi[k])] = k + 1;
            }
        }
        return g;
    }

    /** @return the group of a namespace and normalised key, or {@code null} */
    Group find(int ns, byte[] key) {
        int i = slotOf(lo(ns, key), hi(key));
        return table[i] == 0 ? null : groups.get(table[i] - 1);
    }

    Group get(int id) {
        return groups.get(id);
    }
}
