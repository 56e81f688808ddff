package io.github.nvs4j.write;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;

/**
 * Writes NVS partition images byte-identical to Espressif's {@code nvs_partition_gen.py} (0.2.0).
 *
 * <p>STUB: the layout is being implemented; see issue "foundation".
 */
public final class NvsWriter {

    private NvsWriter() {
    }

    /**
     * Lays out {@code data} as the generator would.
     *
     * @param data the content, in write order
     * @param partitionSize the partition size in bytes: a multiple of 4096; 0x1000 and 0x2000 select read-only mode
     * @param version the format version
     * @return the image: {@code partitionSize} bytes, or for read-only sizes only the pages used
     * @throws NvsInputException if the size is invalid, a value exceeds the version's limit, or the data does not
     *                           fit (naming the key that did not fit)
     */
    public static byte[] write(NvsData data, long partitionSize, FormatVersion version) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @param partitionSize a partition size
     * @return whether the generator treats it as read-only (0x1000 or 0x2000): no spare page, no padding
     */
    public static boolean isReadOnlySize(long partitionSize) {
        return partitionSize == 0x1000 || partitionSize == 0x2000;
    }
}
