package io.github.nvs4j.partition;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Builds partition-table bytes slot by slot, as spec §14.2/§14.3 lays them out (written independently of the
 * code under test): partition entries, the MD5 entry ({@code EB EB}, 14 × {@code FF}, MD5 of everything before it),
 * the end marker (32 × {@code FF}), and {@code FF} padding up to 0xC00.
 */
final class TableBuilder {

    private final ByteArrayOutputStream slots = new ByteArrayOutputStream();

    TableBuilder entry(String label, int type, int subtype, long offset, long size, int flags) {
        return entry(label.getBytes(StandardCharsets.UTF_8), type, subtype, offset, size, flags);
    }

    TableBuilder entry(byte[] label, int type, int subtype, long offset, long size, int flags) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0xAA).put((byte) 0x50).put((byte) type).put((byte) subtype);
        b.putInt((int) offset).putInt((int) size);
        b.put(Arrays.copyOf(label, 16));
        b.putInt(flags);
        slots.writeBytes(b.array());
        return this;
    }

    /** An NVS partition entry (type data, subtype nvs). */
    TableBuilder nvs(String label, long offset, long size) {
        return entry(label, 1, 2, offset, size, 0);
    }

    TableBuilder md5() {
        byte[] digest = md5Of(slots.toByteArray());
        byte[] slot = new byte[32];
        Arrays.fill(slot, (byte) 0xFF);
        slot[0] = (byte) 0xEB;
        slot[1] = (byte) 0xEB;
        System.arraycopy(digest, 0, slot, 16, 16);
        slots.writeBytes(slot);
        return this;
    }

    TableBuilder end() {
        return raw(filled(32, 0xFF));
    }

    TableBuilder raw(byte[] slotBytes) {
        slots.writeBytes(slotBytes);
        return this;
    }

    /** @return the table bytes, padded with {@code FF} to at least 0xC00 */
    byte[] bytes() {
        byte[] b = slots.toByteArray();
        if (b.length >= 0xC00) {
            return b;
        }
        byte[] padded = filled(0xC00, 0xFF);
        System.arraycopy(b, 0, padded, 0, b.length);
        return padded;
    }

    /**
     * @param flashSize the flash size
     * @param tableOffset where to put the table
     * @return an erased flash ({@code FF}) with this table at {@code tableOffset}
     */
    byte[] inFlash(int flashSize, int tableOffset) {
        byte[] flash = filled(flashSize, 0xFF);
        byte[] table = bytes();
        System.arraycopy(table, 0, flash, tableOffset, table.length);
        return flash;
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] md5Of(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
