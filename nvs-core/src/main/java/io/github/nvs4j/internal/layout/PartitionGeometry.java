package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.Page;

/**
 * The generator's reading of a partition size (spec §6.1, §6.4): how many pages may hold data and how long the
 * output is. Sizes 0x1000 and 0x2000 select read-only mode: every page may hold data, there is no spare page and
 * the output is only as long as the pages used. Any larger size is read/write: the last page is the spare the
 * runtime needs, and the output is exactly {@code size} bytes.
 *
 * @param size the partition size in bytes
 * @param readOnly whether the size selects the generator's read-only mode
 * @param dataPages how many pages may hold data
 */
public record PartitionGeometry(long size, boolean readOnly, int dataPages) {

    /** Smallest read/write partition: two data pages and the spare. */
    public static final long MIN_READ_WRITE_SIZE = 0x3000;

    /** Largest size nvs4j writes: the largest multiple of 4096 a Java array can hold. */
    public static final long MAX_SIZE = 0x7FFF_F000L;

    /**
     * Checks a partition size and derives the geometry from it.
     *
     * @param size the partition size in bytes
     * @return the geometry
     * @throws NvsInputException if the size is not a positive multiple of 4096 or is larger than {@link #MAX_SIZE}
     */
    public static PartitionGeometry of(long size) {
        if (size % Page.SIZE != 0) {
            throw new NvsInputException("partition size " + describe(size) + " is not a multiple of 4096 (0x1000): "
                    + "an NVS partition consists of whole 4096-byte pages, for example 0x3000 or 0x4000");
        }
        if (size < Page.SIZE) {
            throw new NvsInputException("partition size " + describe(size) + " is too small: a read/write NVS "
                    + "partition needs at least 0x3000 bytes, a read-only one at least 0x1000 bytes");
        }
        if (size > MAX_SIZE) {
            throw new NvsInputException("partition size " + describe(size) + " is too large: nvs4j writes images of "
                    + "at most 0x" + Long.toHexString(MAX_SIZE) + " bytes");
        }
        int pages = (int) (size / Page.SIZE);
        boolean readOnly = size < MIN_READ_WRITE_SIZE;
        return new PartitionGeometry(size, readOnly, readOnly ? pages : pages - 1);
    }

    /**
     * @param pagesUsed the number of pages that hold data (at least 1)
     * @return the length of the image: {@code size} for read/write, the pages used for read-only
     */
    public int outputLength(int pagesUsed) {
        return readOnly ? pagesUsed * Page.SIZE : (int) size;
    }

    /** @return a description of the pages available for data, for messages */
    public String describePages() {
        String pages = dataPages + (dataPages == 1 ? " page" : " pages");
        return readOnly
                ? pages + " for data (read-only mode: no spare page)"
                : pages + " for data and 1 spare page";
    }

    /**
     * Suggests a size that would hold data needing {@code pagesNeeded} pages.
     *
     * @param pagesNeeded the number of pages the data needs
     * @return a sentence fragment naming the size to use
     */
    public static String suggestSize(int pagesNeeded) {
        long readWrite = Math.max(MIN_READ_WRITE_SIZE, (pagesNeeded + 1L) * Page.SIZE);
        String rw = "0x" + Long.toHexString(readWrite);
        if (pagesNeeded <= 2) {
            return "use a partition size of 0x" + Long.toHexString(pagesNeeded * (long) Page.SIZE)
                    + " (flagged readonly in the partition table) or at least " + rw + " for a read/write partition";
        }
        return "use a partition size of at least " + rw;
    }

    /**
     * @param size a size in bytes
     * @return the size in hex and, where it helps, in decimal
     */
    static String describe(long size) {
        return size < 0 ? Long.toString(size) : "0x" + Long.toHexString(size) + " (" + size + " bytes)";
    }
}
