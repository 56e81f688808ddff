package io.github.nvs4j.partition;

import io.github.nvs4j.internal.format.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of an ESP32 partition table (spec §14.2, §14.3) and nothing else: where the fields of a 32-byte slot
 * are and how to read them in place. No decision about what a table must look like; {@link TableParser} makes those.
 */
final class TableFormat {

    /** Bytes per slot (one {@code esp_partition_info_t}). */
    static final int SLOT_SIZE = 32;
    /** Most bytes of table data ({@code ESP_PARTITION_TABLE_MAX_LEN}); the rest of the sector is kept free. */
    static final int MAX_LENGTH = 0xC00;
    /** Slots within {@link #MAX_LENGTH}: the bootloader looks at no more ({@code ESP_PARTITION_TABLE_MAX_ENTRIES}). */
    static final int MAX_SLOTS = MAX_LENGTH / SLOT_SIZE;
    /** The table's sector size, and the alignment of a table offset. */
    static final int SECTOR_SIZE = 0x1000;

    /** Magic of a partition entry, bytes {@code AA 50} read as a little-endian u16. */
    static final int MAGIC_PARTITION = 0x50AA;
    /** Magic of the MD5 entry, bytes {@code EB EB}. */
    static final int MAGIC_MD5 = 0xEBEB;
    /** Offset of the digest in the MD5 entry. */
    static final int MD5_DIGEST_OFFSET = 16;
    /** Length of the digest. */
    static final int MD5_DIGEST_LENGTH = 16;

    static final int TYPE_OFFSET = 2;
    static final int SUBTYPE_OFFSET = 3;
    static final int ADDRESS_OFFSET = 4;
    static final int SIZE_OFFSET = 8;
    static final int LABEL_OFFSET = 12;
    /** Label bytes in an entry; a 16-byte label has no terminating NUL. */
    static final int LABEL_LENGTH = 16;
    static final int FLAGS_OFFSET = 28;

    private TableFormat() {
    }

    /** @param b bytes @param slot offset of a slot @return the slot's magic (bytes 0–1, little-endian) */
    static int magic(byte[] b, int slot) {
        return Bytes.u16(b, slot);
    }

    /**
     * @param b bytes
     * @param slot offset of a slot
     * @return whether the slot is an end marker: magic {@code 0xFFFF}, type {@code 0xFF}, subtype {@code 0xFF}
     */
    static boolean isEndMarker(byte[] b, int slot) {
        return Bytes.u32(b, slot) == -1;
    }

    /** @param b bytes @param slot offset of a partition slot @return the number of label bytes before the first NUL */
    static int labelLength(byte[] b, int slot) {
        int start = slot + LABEL_OFFSET;
        int n = 0;
        while (n < LABEL_LENGTH && b[start + n] != 0) {
            n++;
        }
        return n;
    }

    /**
     * Reads the partition entry at {@code slot}. The label is the bytes before the first NUL, at most 16, decoded
     * as UTF-8 (a malformed sequence becomes U+FFFD; the device compares the raw bytes).
     *
     * @param b bytes
     * @param slot offset of a slot whose magic is {@link #MAGIC_PARTITION}
     * @return the partition
     */
    static Partition partition(byte[] b, int slot) {
        String label = new String(b, slot + LABEL_OFFSET, labelLength(b, slot), StandardCharsets.UTF_8);
        return new Partition(label,
                b[slot + TYPE_OFFSET] & 0xFF,
                b[slot + SUBTYPE_OFFSET] & 0xFF,
                Integer.toUnsignedLong(Bytes.u32(b, slot + ADDRESS_OFFSET)),
                Integer.toUnsignedLong(Bytes.u32(b, slot + SIZE_OFFSET)),
                Bytes.u32(b, slot + FLAGS_OFFSET));
    }

    /**
     * @param b bytes
     * @param slot offset of a partition slot
     * @param label a label as UTF-8 bytes
     * @return whether the slot's label equals {@code label} byte for byte (the runtime's {@code strcmp})
     */
    static boolean labelEquals(byte[] b, int slot, byte[] label) {
        int n = labelLength(b, slot);
        if (n != label.length) {
            return false;
        }
        int start = slot + LABEL_OFFSET;
        for (int i = 0; i < n; i++) {
            if (b[start + i] != label[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param label a label
     * @return the label with control characters shown as {@code \xNN}, so that a message stays on one line
     */
    static String printable(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @param v an unsigned value @return {@code 0x…} in lower-case hex */
    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
