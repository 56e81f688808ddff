package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ESP32 partition table read from a whole-flash dump (spec §14): the partition entries in table order, which
 * is also the order in which the device looks them up. Immutable.
 *
 * <p>{@link #read(byte[], int)} reads the table at a known offset and refuses anything the device would refuse;
 * {@link #find(byte[])} also looks for it when the offset is not known. Nothing in the flash records where the
 * table is (§14.1); see {@link #find(byte[])} for what the search can and cannot tell.
 *
 * <p>What is validated (§14.7-2): at most 96 slots of 32 bytes are looked at; slot 0 must be a partition entry
 * ({@code AA 50}); an MD5 entry ({@code EB EB}), if there is one, must carry the MD5 of every byte before it and be
 * followed directly by the end marker; the table must end with an end marker (first four bytes {@code FF}) within
 * 0xC00 bytes and list at least one partition. A table without an MD5 entry is valid. What is <em>not</em> checked,
 * because the device accepts it (§14.7-4): entries below the table, unknown types and subtypes, unassigned flag
 * bits, unsorted, unaligned or overlapping partitions, duplicate labels, and partitions that extend past the end of
 * the dump (a dump may cover only the start of the flash).
 */
public final class PartitionTable {

    /** The default table offset, {@code CONFIG_PARTITION_TABLE_OFFSET} = 0x8000. */
    public static final int DEFAULT_OFFSET = 0x8000;
    /** Most bytes of table data, {@code ESP_PARTITION_TABLE_MAX_LEN} = 0xC00. */
    public static final int MAX_LENGTH = TableFormat.MAX_LENGTH;
    /** Most 32-byte slots looked at (0xC00 / 32 = 96), as the bootloader does. */
    public static final int MAX_SLOTS = TableFormat.MAX_SLOTS;
    /** The alignment of a table offset (one flash sector). */
    public static final int ALIGNMENT = TableFormat.SECTOR_SIZE;

    private final int offset;
    private final boolean md5;
    private final List<Partition> partitions;
    private final byte[] entries;

    PartitionTable(int offset, boolean md5, List<Partition> partitions, byte[] entries) {
        this.offset = offset;
        this.md5 = md5;
        this.partitions = List.copyOf(partitions);
        this.entries = entries;
    }

    /**
     * Reads the partition table at a known offset.
     *
     * @param flash a dump of the flash from address 0 (or of the table sector alone, with offset 0)
     * @param tableOffset the table's flash address: a multiple of 0x1000
     * @return the table
     * @throws NvsInputException if {@code tableOffset} is negative or not a multiple of 0x1000
     * @throws NvsFormatException if the dump ends before {@code tableOffset + 0xC00}, there is no table at the
     *     offset (slot 0 erased or with another magic), an entry has an invalid magic, the MD5 does not match,
     *     the end marker is missing or the table lists no partitions; the message says which and where
     */
    public static PartitionTable read(byte[] flash, int tableOffset) {
        Objects.requireNonNull(flash, "flash");
        if (tableOffset < 0 || tableOffset % ALIGNMENT != 0) {
            throw new NvsInputException("partition table offset " + tableOffset + " (0x"
                    + Integer.toHexString(tableOffset) + ") is not valid: it must be a multiple of 0x1000 such as"
                    + " 0x8000 (the default)");
        }
        if (!fits(flash, tableOffset)) {
            throw new NvsFormatException("the dump (" + TableFormat.hex(flash.length) + " bytes) ends before the"
                    + " end of the partition table at " + TableFormat.hex(tableOffset) + ", which needs "
                    + TableFormat.hex(MAX_LENGTH) + " bytes", tableOffset);
        }
        TableParser.Outcome outcome = TableParser.parse(flash, tableOffset);
        if (outcome.table() == null) {
            throw outcome.error();
        }
        return outcome.table();
    }

    /**
     * Looks for the partition table in a dump whose table offset is not known. First 0x8000 (the default), then
     * every 4 KiB boundary from 0 upwards for a sector that parses as a complete valid table; the first one wins.
     *
     * <p>This is a heuristic (§14.1), with these limits:
     * <ul>
     *   <li>It can be fooled by a stale table that a smaller bootloader did not overwrite, or by a
     *       {@code partition_table/ota} partition holding a staged copy, if either comes first. Give the offset
     *       ({@link #read(byte[], int)}) when it is known.</li>
     *   <li>A table that the search does not recognise is treated as absent: an encrypted table (flash
     *       encryption), or a damaged table without an MD5 entry.</li>
     *   <li>A sector is taken as a damaged table, and refused, only when it holds a run of partition entries
     *       followed by an MD5 entry that does not match (or that is not followed by the end marker). At 0x8000
     *       that refusal is immediate; elsewhere it applies when no valid table is found.</li>
     * </ul>
     * A bare NVS image is never taken for a table: every NVS page starts with a page-state word whose first byte is
     * {@code FF}, {@code FE}, {@code FC}, {@code F8} or {@code 00}, never {@code AA} or {@code EB}.
     *
     * @param flash a dump of the flash from address 0, or any file
     * @return the table, or empty when no table was found
     * @throws NvsFormatException if a damaged table was found (see above) and no valid one
     */
    public static Optional<PartitionTable> find(byte[] flash) {
        Objects.requireNonNull(flash, "flash");
        if (fits(flash, DEFAULT_OFFSET)) {
            TableParser.Outcome outcome = TableParser.parse(flash, DEFAULT_OFFSET);
            if (outcome.verdict() == TableParser.Verdict.TABLE) {
                return Optional.of(outcome.table());
            }
            if (outcome.verdict() == TableParser.Verdict.DAMAGED) {
                throw outcome.error();
            }
        }
        NvsFormatException damaged = null;
        for (long next = 0; next + MAX_LENGTH <= flash.length; next += ALIGNMENT) {
            int base = (int) next;
            if (base == DEFAULT_OFFSET) {
                continue;
            }
            int magic = TableFormat.magic(flash, base);
            if (magic != TableFormat.MAGIC_PARTITION && magic != TableFormat.MAGIC_MD5) {
                continue;
            }
            TableParser.Outcome outcome = TableParser.parse(flash, base);
            if (outcome.verdict() == TableParser.Verdict.TABLE) {
                return Optional.of(outcome.table());
            }
            if (outcome.verdict() == TableParser.Verdict.DAMAGED && damaged == null) {
                damaged = outcome.error();
            }
        }
        if (damaged != null) {
            throw damaged;
        }
        return Optional.empty();
    }

    private static boolean fits(byte[] flash, int base) {
        return (long) base + MAX_LENGTH <= flash.length;
    }

    /** @return the table's flash address */
    public int offset() {
        return offset;
    }

    /** @return whether the table carries an MD5 entry (it was verified; tables made without one are valid too) */
    public boolean hasMd5() {
        return md5;
    }

    /** @return every partition entry, in table order (the MD5 entry and the end marker are not listed) */
    public List<Partition> partitions() {
        return partitions;
    }

    /**
     * Returns the first partition with this label, comparing the label bytes as the device does: UTF-8,
     * case-sensitive, every byte. A label longer than 16 bytes never matches (the device refuses it).
     *
     * @param label the label
     * @return the first match in table order, or empty
     */
    public Optional<Partition> findByLabel(String label) {
        Objects.requireNonNull(label, "label");
        byte[] wanted = label.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < partitions.size(); i++) {
            if (TableFormat.labelEquals(entries, i * TableFormat.SLOT_SIZE, wanted)) {
                return Optional.of(partitions.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the first partition of a type and subtype, as {@code esp_partition_find_first(type, subtype, NULL)}.
     *
     * @param type the type byte
     * @param subtype the subtype byte
     * @return the first match in table order, or empty
     */
    public Optional<Partition> firstOfType(int type, int subtype) {
        for (Partition p : partitions) {
            if (p.type() == type && p.subtype() == subtype) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the first partition of a type and subtype with this exact label, as
     * {@code esp_partition_find_first(type, subtype, label)}: a partition with that label but another type or
     * subtype is not a match.
     *
     * @param type the type byte
     * @param subtype the subtype byte
     * @param label the label, compared as in {@link #findByLabel(String)}
     * @return the first match in table order, or empty
     */
    public Optional<Partition> findFirst(int type, int subtype, String label) {
        Objects.requireNonNull(label, "label");
        byte[] wanted = label.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < partitions.size(); i++) {
            Partition p = partitions.get(i);
            if (p.type() == type && p.subtype() == subtype
                    && TableFormat.labelEquals(entries, i * TableFormat.SLOT_SIZE, wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return the first data/nvs partition in table order, or empty */
    public Optional<Partition> firstNvs() {
        return firstOfType(Partition.TYPE_DATA, Partition.SUBTYPE_NVS);
    }

    /** @return every data/nvs partition, in table order */
    public List<Partition> nvsPartitions() {
        List<Partition> nvs = new ArrayList<>();
        for (Partition p : partitions) {
            if (p.isNvs()) {
                nvs.add(p);
            }
        }
        return List.copyOf(nvs);
    }

    /**
     * Lists the table as gen_esp32part.py prints a binary table as CSV: two comment lines, then one
     * {@link Partition#toCsvRow() row} per partition, each line ending in {@code \n}.
     *
     * @return the listing
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n");
        for (Partition p : partitions) {
            sb.append(p.toCsvRow()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionTable t && t.offset == offset && t.md5 == md5
                && Arrays.equals(t.entries, entries);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(offset) + Arrays.hashCode(entries);
    }

    /** @return e.g. {@code partition table at 0x8000 (3 partitions, with MD5)} */
    @Override
    public String toString() {
        return "partition table at " + TableFormat.hex(offset) + " (" + partitions.size()
                + (partitions.size() == 1 ? " partition, " : " partitions, ") + (md5 ? "with MD5)" : "without MD5)");
    }
}
