package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.write.NvsWriter;

import java.math.BigInteger;

/**
 * The {@code SIZE} argument of {@code generate}, {@code encrypt} and {@code mfg generate}, checked in the order and
 * with the words of {@code nvs_partition_gen.py} (§6.1, §6.8), so that scripts matching its messages still work.
 */
final class PartitionSize {

    /** Largest size accepted: the image is held in one Java array. */
    static final long MAX = 0x7FFF_F000L;

    /** The generator's notice for read-only sizes, printed on stdout. */
    static final String READ_ONLY_NOTICE = "Minimum partition size for read/write NVS is 0x3000 bytes. Partitions"
            + " smaller than this must be flagged as \"readonly\" in the partition table CSV.";

    private PartitionSize() {
    }

    /**
     * Parses and checks a size.
     *
     * @param args the parsed arguments (for the parse rule)
     * @param text the {@code SIZE} argument
     * @return the size in bytes
     * @throws UsageException if the text is not a number
     * @throws NvsInputException if the number is not a valid partition size
     */
    static long parse(ParsedArgs args, String text) {
        BigInteger value = args.integer("SIZE", text);
        if (value.signum() > 0 && value.mod(BigInteger.valueOf(4096)).signum() != 0) {
            throw new NvsInputException("Size of partition must be multiple of 4096: SIZE " + text + " is " + value
                    + " bytes; accepted are whole 4 KiB pages such as 0x3000 or 0x4000");
        }
        if (value.signum() <= 0) {
            throw new NvsInputException("Minimum partition size for read/write NVS is 0x3000 bytes and for read-only"
                    + " NVS is 0x1000 bytes (SIZE " + text + ")");
        }
        if (value.compareTo(BigInteger.valueOf(MAX)) > 0) {
            throw new NvsInputException("SIZE " + text + " is too large: nvs4j writes partitions of at most 0x"
                    + Long.toHexString(MAX) + " bytes");
        }
        return value.longValueExact();
    }

    /**
     * Prints the generator's read-only notice when the size is 0x1000 or 0x2000.
     *
     * @param context where to print
     * @param size the size
     */
    static void noticeIfReadOnly(CliContext context, long size) {
        if (NvsWriter.isReadOnlySize(size)) {
            context.out().println();
            context.out().println(READ_ONLY_NOTICE);
        }
    }
}
