package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.NvsInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an ESP32 partition table ({@code esp_partition_info_t}, spec §14.2), as stored: nothing here is
 * checked against the rest of the table or the flash, because the device does not check it either (§14.7-4).
 *
 * @param label the name: the entry's label bytes before the first NUL, at most 16, decoded as UTF-8 (a malformed
 *     sequence shows as U+FFFD; {@link PartitionTable#findByLabel(String)} compares the raw bytes, as the device does)
 * @param type the type byte (§14.4): {@link #TYPE_APP}, {@link #TYPE_DATA}, … or any other value 0–255
 * @param subtype the subtype byte, 0–255; its meaning depends on the type
 * @param offset the absolute flash address, 0 to 2<sup>32</sup>−1 (not checked for alignment)
 * @param size the size in bytes, 0 to 2<sup>32</sup>−1
 * @param flags the raw flags word: bit 0 {@link #FLAG_ENCRYPTED}, bit 1 {@link #FLAG_READONLY}; unassigned bits are
 *     kept (see {@link #unknownFlags()})
 */
public record Partition(String label, int type, int subtype, long offset, long size, int flags) {

    /** Type {@code app} (0x00). */
    public static final int TYPE_APP = 0x00;
    /** Type {@code data} (0x01). */
    public static final int TYPE_DATA = 0x01;
    /** Type {@code bootloader} (0x02): an entry for the bootloader itself, or a staging area for updating it. */
    public static final int TYPE_BOOTLOADER = 0x02;
    /** Type {@code partition_table} (0x03): an entry for the table itself, or a staging area for updating it. */
    public static final int TYPE_PARTITION_TABLE = 0x03;
    /** Subtype {@code nvs} (0x02) of type {@code data}: an NVS partition. */
    public static final int SUBTYPE_NVS = 0x02;
    /** Subtype {@code nvs_keys} (0x04) of type {@code data}: the NVS encryption keys. */
    public static final int SUBTYPE_NVS_KEYS = 0x04;
    /** Flag bit 0: encrypted by flash encryption when that is enabled on the chip (§14.5). */
    public static final int FLAG_ENCRYPTED = 1;
    /** Flag bit 1: the partition layer refuses writes and erases (§14.5). */
    public static final int FLAG_READONLY = 1 << 1;
    /** Smallest NVS partition: one 4 KiB page (a read-only one may be that small, §1.5). */
    public static final long MIN_NVS_SIZE = 0x1000;

    private static final long U32_MAX = 0xFFFF_FFFFL;
    private static final int PAGE_SIZE = 0x1000;

    /**
     * Checks the ranges of the fields.
     *
     * @throws NvsInputException if the label is {@code null}, a byte field lies outside 0–255 or an address field
     *     outside 0 to 2<sup>32</sup>−1
     */
    public Partition {
        if (label == null) {
            throw new NvsInputException("a partition needs a label (it may be empty)");
        }
        checkByte("type", type);
        checkByte("subtype", subtype);
        checkU32("offset", offset);
        checkU32("size", size);
    }

    /** @return whether flag bit 0 ({@code encrypted}) is set */
    public boolean encrypted() {
        return (flags & FLAG_ENCRYPTED) != 0;
    }

    /** @return whether flag bit 1 ({@code readonly}) is set */
    public boolean readonly() {
        return (flags & FLAG_READONLY) != 0;
    }

    /**
     * Returns the flag bits that have no meaning yet. The device ignores them; gen_esp32part.py drops them with a
     * warning ("unknown flag(s)").
     *
     * @return the flags word without bits 0 and 1
     */
    public int unknownFlags() {
        return flags & ~(FLAG_ENCRYPTED | FLAG_READONLY);
    }

    /** @return whether this is an NVS partition: type {@code data} (0x01), subtype {@code nvs} (0x02) */
    public boolean isNvs() {
        return type == TYPE_DATA && subtype == SUBTYPE_NVS;
    }

    /** @return the flash address just past the partition ({@code offset + size}, up to 2<sup>33</sup>−2) */
    public long end() {
        return offset + size;
    }

    /**
     * @param length the number of bytes in a dump that starts at flash address 0
     * @return whether the whole partition lies inside such a dump
     */
    public boolean liesWithin(long length) {
        return end() <= length;
    }

    /** @return the type's keyword ({@code app}, {@code data}, {@code bootloader}, {@code partition_table}) or number */
    public String typeName() {
        return PartitionNames.type(type);
    }

    /** @return the subtype's keyword for this type (§14.4, e.g. {@code nvs}, {@code ota_0}) or its decimal number */
    public String subtypeName() {
        return PartitionNames.subtype(type, subtype);
    }

    /** @return the names of the set flag bits in gen_esp32part.py's order ({@code encrypted}, {@code readonly}) */
    public List<String> flagNames() {
        List<String> names = new ArrayList<>(2);
        if (encrypted()) {
            names.add("encrypted");
        }
        if (readonly()) {
            names.add("readonly");
        }
        return List.copyOf(names);
    }

    /**
     * Cuts this partition out of a dump.
     *
     * @param flash a dump of the flash from address 0
     * @return a copy of the partition's bytes
     * @throws NvsFormatException if the partition extends past the end of the dump
     */
    public byte[] contentIn(byte[] flash) {
        Objects.requireNonNull(flash, "flash");
        requireWithin(flash, "partition");
        return Arrays.copyOfRange(flash, (int) offset, (int) end());
    }

    /**
     * Cuts this partition out of a dump as an NVS image, with the checks of spec §14.7-3: it must be type
     * {@code data}, subtype {@code nvs}, at least {@link #MIN_NVS_SIZE} bytes and lie wholly inside the dump. A
     * partial NVS partition is never returned. The image holds the partition's whole 4 KiB pages, which is what the
     * runtime uses ({@code size / 4096} pages, §14.6); a trailing partial page is left out.
     *
     * @param flash a dump of the flash from address 0
     * @return a copy of the NVS pages
     * @throws NvsInputException if this is not a data/nvs partition
     * @throws NvsFormatException if it is smaller than one page or extends past the end of the dump
     */
    public byte[] nvsImageIn(byte[] flash) {
        Objects.requireNonNull(flash, "flash");
        if (!isNvs()) {
            throw new NvsInputException("partition '" + TableFormat.printable(label) + "' is " + typeName() + "/"
                    + subtypeName() + " (type " + TableFormat.hex(type) + ", subtype " + TableFormat.hex(subtype)
                    + "), not an NVS partition (data/nvs: type 0x1, subtype 0x2)");
        }
        if (size < MIN_NVS_SIZE) {
            throw new NvsFormatException("NVS partition '" + TableFormat.printable(label) + "' is only "
                    + TableFormat.hex(size) + " bytes; an NVS partition needs at least one 4 KiB page (0x1000 bytes)",
                    offset);
        }
        requireWithin(flash, "NVS partition");
        long pages = size / PAGE_SIZE;
        return Arrays.copyOfRange(flash, (int) offset, (int) (offset + pages * PAGE_SIZE));
    }

    private void requireWithin(byte[] flash, String what) {
        if (!liesWithin(flash.length)) {
            StringBuilder reason = new StringBuilder()
                    .append(what).append(" '").append(TableFormat.printable(label)).append("' at ")
                    .append(TableFormat.hex(offset))
                    .append(" (").append(TableFormat.hex(size)).append(" bytes, up to ")
                    .append(TableFormat.hex(end())).append(") extends past the end of the dump (")
                    .append(TableFormat.hex(flash.length)).append(" bytes)");
            if (offset < flash.length) {
                long present = (flash.length - offset) / PAGE_SIZE;
                reason.append("; only ").append(present).append(" of its ").append(size / PAGE_SIZE)
                        .append(" pages are present, and a partial partition is not read");
            } else {
                reason.append("; none of it is in the dump");
            }
            throw new NvsFormatException(reason.toString(), offset);
        }
    }

    /**
     * Returns the entry as a row of gen_esp32part.py's CSV output: name, type, subtype, offset in hex, size in
     * {@code M}/{@code K} where it divides, flags joined with {@code :} (unknown flag bits are left out, as the tool
     * does).
     *
     * @return the row, without a line end
     */
    public String toCsvRow() {
        return label + ',' + typeName() + ',' + subtypeName() + ',' + TableFormat.hex(offset) + ',' + sizeText(size)
                + ',' + String.join(":", flagNames());
    }

    /** @return e.g. {@code nvs: data/nvs at 0x9000, 0x6000 bytes, readonly} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder()
                .append(TableFormat.printable(label)).append(": ").append(typeName()).append('/')
                .append(subtypeName())
                .append(" at ").append(TableFormat.hex(offset)).append(", ").append(TableFormat.hex(size))
                .append(" bytes");
        for (String flag : flagNames()) {
            sb.append(", ").append(flag);
        }
        if (unknownFlags() != 0) {
            sb.append(", unknown flags 0x").append(String.format("%08x", unknownFlags()));
        }
        return sb.toString();
    }

    private static String sizeText(long size) {
        if (size % 0x100000 == 0) {
            return size / 0x100000 + "M";
        }
        if (size % 0x400 == 0) {
            return size / 0x400 + "K";
        }
        return TableFormat.hex(size);
    }

    private static void checkByte(String field, int value) {
        if (value < 0 || value > 0xFF) {
            throw new NvsInputException("partition " + field + " " + value + " is out of range 0..255");
        }
    }

    private static void checkU32(String field, long value) {
        if (value < 0 || value > U32_MAX) {
            throw new NvsInputException("partition " + field + " " + value + " is out of range 0..0xffffffff");
        }
    }
}
