package io.github.nvs4j.partition;

import io.github.nvs4j.read.PartitionMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.github.nvs4j.partition.TableFormat.hex;

/**
 * The NVS image that an {@link NvsLocation} selected in a file, and what was selected: where it lies, which
 * partition it is, its flags and whether the table holds other NVS partitions. {@link #summary()} says all this
 * in one line, for a command-line tool to print on stderr. Immutable.
 */
public final class NvsSelection {

    /** The label that {@code nvs_flash_init()} opens ({@code NVS_DEFAULT_PART_NAME}). */
    public static final String DEFAULT_LABEL = "nvs";

    private static final int PAGE_SIZE = 0x1000;

    /** How the image was selected. */
    public enum Origin {
        /** The data/nvs partition with a given label ({@link NvsLocation.ByLabel}). */
        LABEL,
        /** The first data/nvs partition of the table the file holds ({@link NvsLocation.Auto}). */
        FIRST_NVS,
        /** A byte range given by the caller ({@link NvsLocation.Range}). */
        RANGE,
        /** The whole file, which holds no partition table ({@link NvsLocation.Auto}). */
        WHOLE_FILE
    }

    private final Origin origin;
    private final PartitionTable table;
    private final Partition partition;
    private final long offset;
    private final long size;
    private final byte[] image;

    private NvsSelection(Origin origin, PartitionTable table, Partition partition, long offset, long size,
            byte[] image) {
        this.origin = origin;
        this.table = table;
        this.partition = partition;
        this.offset = offset;
        this.size = size;
        this.image = image;
    }

    static NvsSelection ofPartition(byte[] flash, PartitionTable table, Partition partition, Origin origin) {
        return new NvsSelection(origin, table, partition, partition.offset(), partition.size(),
                partition.nvsImageIn(flash));
    }

    static NvsSelection ofRange(byte[] flash, long offset, long size) {
        long pages = size / PAGE_SIZE;
        return new NvsSelection(Origin.RANGE, null, null, offset, size,
                Arrays.copyOfRange(flash, (int) offset, (int) (offset + pages * PAGE_SIZE)));
    }

    static NvsSelection wholeFile(byte[] flash) {
        return new NvsSelection(Origin.WHOLE_FILE, null, null, 0, flash.length, flash.clone());
    }

    /** @return how the image was selected */
    public Origin origin() {
        return origin;
    }

    /** @return the partition table the selection came from; empty for {@link Origin#RANGE} and whole files */
    public Optional<PartitionTable> table() {
        return Optional.ofNullable(table);
    }

    /** @return the selected partition; empty for {@link Origin#RANGE} and {@link Origin#WHOLE_FILE} */
    public Optional<Partition> partition() {
        return Optional.ofNullable(partition);
    }

    /** @return the selected partition's label; empty when no partition was selected */
    public Optional<String> label() {
        return partition().map(Partition::label);
    }

    /** @return the flash address (file offset) of the selected bytes */
    public long offset() {
        return offset;
    }

    /**
     * @return the size of the selection: the partition's size as the table gives it, the range's size, or the
     *     file's length
     */
    public long size() {
        return size;
    }

    /**
     * Returns the partition's {@code readonly} flag. The NVS reader must use its read-only mode when this is set
     * (spec §14.5). A range or a whole file carries no flags: {@code false}.
     *
     * @return whether the selected partition is flagged read-only
     */
    public boolean readonly() {
        return partition != null && partition.readonly();
    }

    /**
     * Returns the mode to boot the image with: {@link PartitionMode#READ_ONLY} when the partition is flagged
     * {@link #readonly()}, else {@link PartitionMode#READ_WRITE}. Pass it to
     * {@link io.github.nvs4j.read.NvsReader#boot(byte[], PartitionMode)}.
     *
     * @return the partition mode the runtime would use
     */
    public PartitionMode mode() {
        return readonly() ? PartitionMode.READ_ONLY : PartitionMode.READ_WRITE;
    }

    /**
     * Returns the partition's {@code encrypted} flag (flash encryption, spec §14.5). It does not change how the
     * bytes are read: a dump whose table is readable holds plain bytes. On a device with flash encryption enabled,
     * {@code nvs_flash_init()} refuses an NVS partition with this flag.
     *
     * @return whether the selected partition is flagged encrypted
     */
    public boolean encrypted() {
        return partition != null && partition.encrypted();
    }

    /** @return the table's other data/nvs partitions, in table order; empty without a table */
    public List<Partition> otherNvsPartitions() {
        if (table == null) {
            return List.of();
        }
        List<Partition> others = new ArrayList<>();
        for (Partition p : table.nvsPartitions()) {
            if (p != partition) { // identity: a table may hold two equal entries
                others.add(p);
            }
        }
        return List.copyOf(others);
    }

    /** @return whether the table holds data/nvs partitions besides the selected one */
    public boolean hasOtherNvsPartitions() {
        return !otherNvsPartitions().isEmpty();
    }

    /**
     * Returns the NVS image. For a partition or a range, this is its whole 4 KiB pages, as the runtime uses them
     * ({@code size / 4096}, spec §14.6): a trailing partial page is left out. For a whole file it is the file.
     *
     * @return a fresh copy of the image
     */
    public byte[] image() {
        return image.clone();
    }

    /** @return the length of {@link #image()} */
    public int imageLength() {
        return image.length;
    }

    /**
     * Describes the selection in one line, for a note on stderr: what was taken from where, the flags, and the
     * other NVS partitions of the table, in particular when {@code nvs_flash_init()} would open another one.
     *
     * @return one line without a line end
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        switch (origin) {
            case WHOLE_FILE -> sb.append("no partition table found; the whole file (").append(hex(size))
                    .append(" bytes) is read as an NVS image");
            case RANGE -> sb.append("bytes ").append(hex(offset)).append("..").append(hex(offset + size - 1))
                    .append(" of the file (").append(hex(size)).append(" bytes) are read as an NVS partition");
            case LABEL, FIRST_NVS -> describePartition(sb);
        }
        if (readonly()) {
            sb.append("; flagged readonly: read as a read-only partition");
        }
        if (encrypted()) {
            sb.append("; flagged encrypted: with flash encryption enabled, nvs_flash_init() refuses it");
        }
        if (origin != Origin.WHOLE_FILE && size % PAGE_SIZE != 0) {
            sb.append("; its last ").append(hex(size % PAGE_SIZE))
                    .append(" bytes are not a whole 4 KiB page and are not used");
        }
        return sb.toString();
    }

    private void describePartition(StringBuilder sb) {
        sb.append("NVS partition '").append(TableFormat.printable(partition.label())).append("' (data/nvs at ")
                .append(hex(offset)).append(", ").append(hex(size)).append(" bytes)");
        List<Partition> nvs = table.nvsPartitions();
        if (origin == Origin.FIRST_NVS && nvs.size() > 1) {
            sb.append(", the first of ").append(nvs.size()).append(" data/nvs partitions");
        }
        sb.append(" in the partition table at ").append(hex(table.offset()));
        List<Partition> others = otherNvsPartitions();
        if (origin == Origin.LABEL) {
            if (!others.isEmpty()) {
                sb.append("; other data/nvs partitions: ").append(labels(others));
            }
            return;
        }
        Optional<Partition> opened = table.findFirst(Partition.TYPE_DATA, Partition.SUBTYPE_NVS, DEFAULT_LABEL);
        if (opened.isEmpty()) {
            if (!DEFAULT_LABEL.equals(partition.label())) {
                sb.append("; none is labelled '").append(DEFAULT_LABEL).append("', the one nvs_flash_init() opens");
            }
        } else if (opened.get() != partition) {
            sb.append("; nvs_flash_init() opens the one labelled '").append(DEFAULT_LABEL).append("' (at ")
                    .append(hex(opened.get().offset())).append(") instead");
        } else if (!others.isEmpty()) {
            sb.append(" (the one nvs_flash_init() opens); others: ").append(labels(others));
        }
    }

    private static String labels(List<Partition> partitions) {
        StringBuilder sb = new StringBuilder();
        for (Partition p : partitions) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(TableFormat.printable(p.label())).append("' at ").append(hex(p.offset()));
        }
        return sb.toString();
    }

    /** @return the same as {@link #summary()} */
    @Override
    public String toString() {
        return summary();
    }
}
