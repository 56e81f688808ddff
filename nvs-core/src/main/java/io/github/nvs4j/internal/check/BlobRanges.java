package io.github.nvs4j.internal.check;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.KeyIds;

import java.util.Arrays;

/**
 * The chunk indexes that the blob indexes of each namespace and key cover (section 5.2 of
 * {@code docs/nvs-format.md}): per key the union of {@code [start, min(start + count, end of its version))} over its
 * indexes, as a 256-bit set. Keys are compared as the runtime compares them, up to the first NUL and at most 15
 * bytes, and held as two longs with the namespace index: no string, record or list per index or chunk
 * (ReadBenchmark.check: see nvs-benchmarks/RESULTS.md).
 */
final class BlobRanges {

    /** {@link #covers}: no blob index has the chunk's namespace and key. */
    static final int NO_INDEX = 0;
    /** {@link #covers}: an index of the key covers the chunk index. */
    static final int INSIDE = 1;
    /** {@link #covers}: the key has indexes, none covers the chunk index. */
    static final int OUTSIDE = 2;

    /** Key ids by namespace and key bytes 0..6, key bytes 7..14. */
    private final KeyIds ids = new KeyIds(16);
    /** Per key: four words of 64 chunk indexes each. */
    private long[] covered = new long[16 * 4];

    /**
     * Adds the range of a blob index.
     *
     * @param ns the index's namespace
     * @param image the image
     * @param e the index's entry offset
     * @param start its chunk start
     * @param chunks its chunk count
     */
    void add(int ns, byte[] image, int e, int start, int chunks) {
        int id = ids.add(lo(ns, image, e), hi(image, e));
        if (id * 4 == covered.length) {
            covered = Arrays.copyOf(covered, id * 2 * 4);
        }
        int end = Math.min(start + chunks, start < Entry.CHUNK_START_VER1 ? Entry.CHUNK_START_VER1 : 0xFF);
        for (int c = start; c < end; c++) {
            covered[id * 4 + (c >>> 6)] |= 1L << c;
        }
    }

    /**
     * @param ns a chunk's namespace
     * @param image the image
     * @param e the chunk's entry offset
     * @param chunkIndex its chunk index
     * @return {@link #NO_INDEX}, {@link #INSIDE} or {@link #OUTSIDE}
     */
    int covers(int ns, byte[] image, int e, int chunkIndex) {
        int id = ids.find(lo(ns, image, e), hi(image, e));
        if (id < 0) {
            return NO_INDEX;
        }
        return (covered[id * 4 + (chunkIndex >>> 6)] & 1L << chunkIndex) != 0 ? INSIDE : OUTSIDE;
    }

    /** @return the namespace index and key bytes 0..6 (little-endian), the key cut at its first NUL */
    private static long lo(int ns, byte[] image, int e) {
        return (ns & 0xFFL) | (Bytes.u64(image, e + Entry.KEY_OFFSET) & keyMask(image, e, 0)) << 8;
    }

    /** @return key bytes 7..14, cut at the key's first NUL */
    private static long hi(byte[] image, int e) {
        return Bytes.u64(image, e + Entry.KEY_OFFSET + 7) & keyMask(image, e, 7);
    }

    /**
     * @return a mask of the bytes of the 8-byte word at key byte {@code from} that belong to the key: those before
     *         the key's first NUL, and never byte 15
     */
    private static long keyMask(byte[] image, int e, int from) {
        int k = e + Entry.KEY_OFFSET;
        int n = 0;
        while (n < Entry.KEY_SIZE - 1 && image[k + n] != 0) {
            n++;
        }
        int bytes = Math.max(0, Math.min(8, n - from));
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }
}
