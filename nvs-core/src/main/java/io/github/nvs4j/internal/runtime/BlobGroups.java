package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.KeyIds;

import java.util.Arrays;

/**
 * The blob indexes and chunks of the storage pass grouped by namespace index and key (the key up to its NUL, at
 * most 15 bytes, which is what the runtime's {@code strncmp(…, 15)} compares). Within a group, indexes keep the
 * order of the runtime's index list and chunks the page order.
 *
 * <p>Everything is flat: groups are numbers, and the indexes and chunks of a group are linked lists threaded
 * through per-index and per-chunk arrays, so that a blob costs no object (there is one group per blob;
 * ReadBenchmark: see nvs-benchmarks/RESULTS.md). Indexes are known by their position in the runtime's index list,
 * chunks by their number in the storage pass's list of chunks.
 */
final class BlobGroups {

    private static final int NONE = -1;

    /** Group ids by namespace index and normalised key (15 bytes, then zeros), packed into two longs. */
    private final KeyIds ids = new KeyIds(16);

    /** Per group: first and last index, first and last chunk (or {@link #NONE}), and the number of indexes. */
    private int[] firstIndex = new int[16];
    private int[] lastIndex = new int[16];
    private int[] firstChunk = new int[16];
    private int[] lastChunk = new int[16];
    private int[] indexCount = new int[16];

    /** Per index: the next index of its group; per chunk: the next chunk of its group (or {@link #NONE}). */
    private final int[] nextIndex;
    private final int[] nextChunk;

    /** For the rare groups with many indexes, built when first needed (see {@link #firstIndexFor}, {@link #claims}). */
    private int[][] firstFor;
    private boolean[][] claimed;

    /**
     * @param indexes the number of indexes that will be added
     * @param chunks the number of chunks that will be added
     */
    BlobGroups(int indexes, int chunks) {
        nextIndex = new int[indexes];
        nextChunk = new int[chunks];
    }

    /** @return namespace index and key bytes 0..6, little-endian */
    private static long lo(int ns, byte[] key) {
        return (ns & 0xFFL) | (Bytes.u64(key, 0) << 8);
    }

    /** @return key bytes 7..14 */
    private static long hi(byte[] key) {
        return Bytes.u64(key, 7); // byte 15 of a normalised key is always 0
    }

    /** @return the group of a namespace and normalised key, created (empty) if new */
    int group(int ns, byte[] key) {
        int known = ids.count();
        int g = ids.add(lo(ns, key), hi(key));
        if (g < known) {
            return g;
        }
        if (g == firstIndex.length) {
            int n = g * 2;
            firstIndex = Arrays.copyOf(firstIndex, n);
            lastIndex = Arrays.copyOf(lastIndex, n);
            firstChunk = Arrays.copyOf(firstChunk, n);
            lastChunk = Arrays.copyOf(lastChunk, n);
            indexCount = Arrays.copyOf(indexCount, n);
        }
        firstIndex[g] = NONE;
        lastIndex[g] = NONE;
        firstChunk[g] = NONE;
        lastChunk[g] = NONE;
        indexCount[g] = 0;
        return g;
    }

    /** @return the group of a namespace and normalised key, or -1 */
    int find(int ns, byte[] key) {
        return ids.find(lo(ns, key), hi(key));
    }

    /** Appends index {@code i} (its position in the index list) to group {@code g}. */
    void addIndex(int g, int i) {
        nextIndex[i] = NONE;
        if (lastIndex[g] == NONE) {
            firstIndex[g] = i;
        } else {
            nextIndex[lastIndex[g]] = i;
        }
        lastIndex[g] = i;
        indexCount[g]++;
    }

    /** Appends chunk {@code j} (its number in the list of chunks) to group {@code g}. */
    void addChunk(int g, int j) {
        nextChunk[j] = NONE;
        if (lastChunk[g] == NONE) {
            firstChunk[g] = j;
        } else {
            nextChunk[lastChunk[g]] = j;
        }
        lastChunk[g] = j;
    }

    /** @return the first chunk of group {@code g}, or -1 */
    int firstChunk(int g) {
        return firstChunk[g];
    }

    /** @return the chunk after chunk {@code j} in its group, or -1 */
    int nextChunk(int j) {
        return nextChunk[j];
    }

    /**
     * The first index of the list whose version family holds chunk index {@code c}: chunk start 0 owns 0…0x7f, any
     * other start {@code s} owns {@code s}…0xfe ({@code Storage::eraseMismatchedBlobIndexes}).
     *
     * @param g a group
     * @param c a chunk index
     * @param start the chunk start of every index, by list position
     * @return the list position of the owner, or -1
     */
    int firstIndexFor(int g, int c, int[] start) {
        if (indexCount[g] <= 8) { // the usual case: one index
            for (int i = firstIndex[g]; i != NONE; i = nextIndex[i]) {
                if (c >= start[i] && c < limit(start[i])) {
                    return i;
                }
            }
            return -1;
        }
        if (firstFor == null) {
            firstFor = new int[ids.count()][];
        }
        if (firstFor[g] == null) { // a table per chunk index, so that many chunks of many indexes stay linear
            int[] owner = new int[256];
            Arrays.fill(owner, -1);
            for (int i = firstIndex[g]; i != NONE; i = nextIndex[i]) {
                for (int k = start[i]; k < Math.max(start[i], limit(start[i])); k++) {
                    if (owner[k] < 0) {
                        owner[k] = i;
                    }
                }
            }
            firstFor[g] = owner;
        }
        return firstFor[g][c];
    }

    private static int limit(int start) {
        return start == 0 ? 0x80 : 0xFF;
    }

    /**
     * @param g a group
     * @param c a chunk index
     * @return whether a surviving index of the group has {@code c} in its range {@code [start, start + count)}
     *         ({@code Storage::eraseOrphanDataBlobs})
     */
    boolean claims(int g, int c, int[] start, int[] count, boolean[] alive) {
        if (indexCount[g] == 0) {
            return false;
        }
        if (indexCount[g] == 1) { // the usual case: one index, no table needed
            int i = firstIndex[g];
            return alive[i] && c >= start[i] && c < start[i] + count[i];
        }
        if (claimed == null) {
            claimed = new boolean[ids.count()][];
        }
        if (claimed[g] == null) {
            boolean[] set = new boolean[256];
            for (int i = firstIndex[g]; i != NONE; i = nextIndex[i]) {
                if (alive[i]) {
                    Arrays.fill(set, start[i], Math.min(start[i] + count[i], 256), true);
                }
            }
            claimed[g] = set;
        }
        return claimed[g][c];
    }
}
