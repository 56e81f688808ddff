package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the NVS image lies in a file: a strategy that {@link #select(byte[]) selects} it and says what it
 * selected. The three kinds match the choices a command-line tool offers:
 * <ul>
 *   <li>{@link ByLabel}: the data/nvs partition with a label, from the file's partition table;</li>
 *   <li>{@link Range}: a byte range given by offset and size, without a table;</li>
 *   <li>{@link Auto}: the first data/nvs partition if the file holds a partition table, otherwise the whole file as
 *       an NVS image.</li>
 * </ul>
 * Where no table offset is given, the table is looked for with {@link PartitionTable#find(byte[])}.
 *
 * <p>Note that {@code nvs_flash_init()} opens the data/nvs partition <em>labelled</em> {@code nvs} (spec §14.6),
 * which need not be the first one; {@link NvsSelection#summary()} says so when it matters.
 */
public sealed interface NvsLocation permits NvsLocation.ByLabel, NvsLocation.Range, NvsLocation.Auto {

    /**
     * Selects the NVS image in a file. Never returns part of an NVS partition: one that extends past the end of
     * the file is refused.
     *
     * @param flash the file: a whole-flash dump (from address 0), or a bare NVS image for {@link Auto}
     * @return the selection, holding a copy of the image
     * @throws NvsFormatException if the file cannot give the image: no or a damaged partition table where one is
     *     needed, no NVS partition, a partition or range past the end of the file, an NVS partition smaller than a page
     * @throws NvsInputException if the request does not fit the file: no partition with the label, or one that is
     *     not data/nvs
     */
    NvsSelection select(byte[] flash);

    /** @return the strategy used when nothing is specified: {@link Auto} with the table looked for */
    static NvsLocation auto() {
        return new Auto(OptionalInt.empty());
    }

    /**
     * @param label the partition label, e.g. {@code nvs}
     * @return a {@link ByLabel} strategy that looks for the table
     */
    static NvsLocation byLabel(String label) {
        return new ByLabel(label, OptionalInt.empty());
    }

    /**
     * @param offset the first byte of the NVS partition in the file
     * @param size its size in bytes
     * @return a {@link Range} strategy
     */
    static NvsLocation range(long offset, long size) {
        return new Range(offset, size);
    }

    /**
     * The data/nvs partition with a given label, found as {@code esp_partition_find_first(DATA, NVS, label)} does:
     * the first entry in table order with type 0x01, subtype 0x02 and exactly this label.
     *
     * @param label the label: at most 16 bytes in UTF-8, no NUL character
     * @param tableOffset the table's flash address; empty to look for the table
     */
    record ByLabel(String label, OptionalInt tableOffset) implements NvsLocation {

        /**
         * Checks the label as the device does (§14.6).
         *
         * @throws NvsInputException if the label is longer than 16 bytes in UTF-8 or holds a NUL character, or the
         *     table offset is not a multiple of 0x1000
         */
        public ByLabel {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(tableOffset, "tableOffset");
            int length = label.getBytes(StandardCharsets.UTF_8).length;
            if (length > 16) {
                throw new NvsInputException("partition label '" + TableFormat.printable(label) + "' is " + length
                        + " bytes long in UTF-8; partition labels have at most 16 bytes");
            }
            if (label.indexOf('\0') >= 0) {
                throw new NvsInputException("partition label '" + TableFormat.printable(label)
                        + "' contains a NUL character, which no partition label can hold");
            }
            checkTableOffset(tableOffset);
        }

        @Override
        public NvsSelection select(byte[] flash) {
            Objects.requireNonNull(flash, "flash");
            PartitionTable table = tableOf(flash, tableOffset).orElseThrow(() -> new NvsFormatException(
                    "no partition table found (tried 0x8000 and every 4 KiB boundary), so there is no partition '"
                            + TableFormat.printable(label) + "'; give the table offset if it is known"));
            Optional<Partition> nvs = table.findFirst(Partition.TYPE_DATA, Partition.SUBTYPE_NVS, label);
            if (nvs.isPresent()) {
                return NvsSelection.ofPartition(flash, table, nvs.get(), NvsSelection.Origin.LABEL);
            }
            Optional<Partition> other = table.findByLabel(label);
            if (other.isPresent()) {
                // Throws: it is not data/nvs.
                other.get().nvsImageIn(flash);
            }
            throw new NvsInputException("the partition table at " + TableFormat.hex(table.offset())
                    + " has no partition labelled '"
                    + TableFormat.printable(label) + "'; its data/nvs partitions: " + labels(table.nvsPartitions()));
        }
    }

    /**
     * A byte range of the file, taken as an NVS partition without looking at any partition table. It carries no
     * flags: {@link NvsSelection#readonly()} is {@code false}.
     *
     * @param offset the first byte, 0 or more
     * @param size the size in bytes, at least 0x1000 (one page)
     */
    record Range(long offset, long size) implements NvsLocation {

        /**
         * Checks the numbers.
         *
         * @throws NvsInputException if the offset is negative or the size smaller than 0x1000
         */
        public Range {
            if (offset < 0) {
                throw new NvsInputException("NVS offset " + offset + " is negative; give the byte offset of the NVS"
                        + " partition in the file, e.g. 0x9000");
            }
            if (size < Partition.MIN_NVS_SIZE) {
                throw new NvsInputException("NVS size " + size + " (" + TableFormat.hex(Math.max(size, 0))
                        + ") is too small; an NVS partition needs at least one 4 KiB page (0x1000 bytes)");
            }
        }

        @Override
        public NvsSelection select(byte[] flash) {
            Objects.requireNonNull(flash, "flash");
            if (offset > flash.length || size > flash.length - offset) {
                throw new NvsFormatException("NVS range " + TableFormat.hex(offset) + ".." + TableFormat.hex(offset
                        + size - 1) + " (" + TableFormat.hex(size) + " bytes) extends past the end of the file ("
                        + TableFormat.hex(flash.length) + " bytes); a partial NVS partition is not read", offset);
            }
            return NvsSelection.ofRange(flash, offset, size);
        }
    }

    /**
     * What to read when nothing is specified: if the file holds a partition table, its <b>first data/nvs
     * partition</b> in table order; otherwise the whole file as an NVS image.
     *
     * @param tableOffset the table's flash address; empty to look for the table, in which case a file without a
     *     table is read whole. When given, the table must be there.
     */
    record Auto(OptionalInt tableOffset) implements NvsLocation {

        /**
         * Checks the table offset.
         *
         * @throws NvsInputException if the table offset is not a multiple of 0x1000
         */
        public Auto {
            Objects.requireNonNull(tableOffset, "tableOffset");
            checkTableOffset(tableOffset);
        }

        @Override
        public NvsSelection select(byte[] flash) {
            Objects.requireNonNull(flash, "flash");
            Optional<PartitionTable> table = tableOf(flash, tableOffset);
            if (table.isEmpty()) {
                return NvsSelection.wholeFile(flash);
            }
            Partition nvs = table.get().firstNvs().orElseThrow(() -> new NvsFormatException("the partition table at "
                    + TableFormat.hex(table.get().offset()) + " has no NVS partition (type data, subtype nvs)",
                    table.get().offset()));
            return NvsSelection.ofPartition(flash, table.get(), nvs, NvsSelection.Origin.FIRST_NVS);
        }
    }

    private static Optional<PartitionTable> tableOf(byte[] flash, OptionalInt tableOffset) {
        if (tableOffset.isPresent()) {
            return Optional.of(PartitionTable.read(flash, tableOffset.getAsInt()));
        }
        return PartitionTable.find(flash);
    }

    private static void checkTableOffset(OptionalInt tableOffset) {
        if (tableOffset.isPresent()) {
            int offset = tableOffset.getAsInt();
            if (offset < 0 || offset % PartitionTable.ALIGNMENT != 0) {
                throw new NvsInputException("partition table offset " + offset + " (0x" + Integer.toHexString(offset)
                        + ") is not valid: it must be a multiple of 0x1000 such as 0x8000 (the default)");
            }
        }
    }

    private static String labels(List<Partition> partitions) {
        if (partitions.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Partition p : partitions) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(TableFormat.printable(p.label())).append('\'');
        }
        return sb.toString();
    }
}
