package io.github.nvs4j.internal.format;

import java.nio.charset.StandardCharsets;

/**
 * Field access to a 32-byte entry held in a byte array, by offset. No objects per entry: hot paths read the fields
 * in place.
 *
 * <pre>
 * 0  nsIndex   1  type   2  span   3  chunkIndex   4..7  CRC (over 0..3 and 8..31)
 * 8..23 key (NUL-terminated, NUL-padded)   24..31 data
 * variable-length header data: u16 size at 24, FF FF at 26, u32 data CRC at 28
 * blob index data: u32 total size at 24, u8 chunk count at 28, u8 chunk start at 29, FF FF at 30
 * </pre>
 */
public final class Entry {

    /** Offset of the key field. */
    public static final int KEY_OFFSET = 8;
    /** Size of the key field. */
    public static final int KEY_SIZE = 16;
    /** Offset of the data field. */
    public static final int DATA_OFFSET = 24;
    /** Chunk index of every entry that is not a blob chunk. */
    public static final int NO_CHUNK = 0xFF;
    /** Namespace index of namespace definitions. */
    public static final int NAMESPACE_TABLE = 0;
    /** First chunk index of blob version 0. */
    public static final int CHUNK_START_VER0 = 0x00;
    /** First chunk index of blob version 1. */
    public static final int CHUNK_START_VER1 = 0x80;

    private Entry() {
    }

    /** @param b image @param e entry offset @return the namespace index 0…255 */
    public static int nsIndex(byte[] b, int e) {
        return b[e] & 0xFF;
    }

    /** @param b image @param e entry offset @return the type byte 0…255 */
    public static int typeCode(byte[] b, int e) {
        return b[e + 1] & 0xFF;
    }

    /** @param b image @param e entry offset @return the span 0…255 */
    public static int span(byte[] b, int e) {
        return b[e + 2] & 0xFF;
    }

    /** @param b image @param e entry offset @return the chunk index 0…255 */
    public static int chunkIndex(byte[] b, int e) {
        return b[e + 3] & 0xFF;
    }

    /** @param b image @param e entry offset @return the CRC as stored */
    public static int storedCrc(byte[] b, int e) {
        return Bytes.u32(b, e + 4);
    }

    /** @param b image @param e entry offset @return whether the stored CRC matches the header */
    public static boolean crcValid(byte[] b, int e) {
        return storedCrc(b, e) == NvsCrc.entry(b, e);
    }

    /** @param b image @param e entry offset @return the number of key bytes before the first NUL, at most 16 */
    public static int keyLength(byte[] b, int e) {
        int n = 0;
        while (n < KEY_SIZE && b[e + KEY_OFFSET + n] != 0) {
            n++;
        }
        return n;
    }

    /**
     * @param b image
     * @param e entry offset
     * @return the key bytes up to the first NUL (at most 15, as the runtime's iterator reports it), as UTF-8
     */
    public static String key(byte[] b, int e) {
        return new String(b, e + KEY_OFFSET, Math.min(keyLength(b, e), KEY_SIZE - 1), StandardCharsets.UTF_8);
    }

    /** @param b image @param e entry offset @return the payload size of a variable-length item */
    public static int dataSize(byte[] b, int e) {
        return Bytes.u16(b, e + DATA_OFFSET);
    }

    /** @param b image @param e entry offset @return the payload CRC of a variable-length item */
    public static int dataCrc(byte[] b, int e) {
        return Bytes.u32(b, e + DATA_OFFSET + 4);
    }

    /** @param b image @param e entry offset @return the total size recorded by a blob index (unsigned) */
    public static long blobSize(byte[] b, int e) {
        return Bytes.u32(b, e + DATA_OFFSET) & 0xFFFF_FFFFL;
    }

    /** @param b image @param e entry offset @return the chunk count recorded by a blob index */
    public static int blobChunkCount(byte[] b, int e) {
        return b[e + DATA_OFFSET + 4] & 0xFF;
    }

    /** @param b image @param e entry offset @return the first chunk index recorded by a blob index */
    public static int blobChunkStart(byte[] b, int e) {
        return b[e + DATA_OFFSET + 5] & 0xFF;
    }

    /**
     * @param dataSize a payload size in bytes
     * @return the span of a variable-length item with that payload: 1 + ceil(size / 32)
     */
    public static int spanOf(int dataSize) {
        return 1 + (dataSize + Page.ENTRY_SIZE - 1) / Page.ENTRY_SIZE;
    }

    /**
     * Writes the first four header bytes.
     *
     * @param b image
     * @param e entry offset
     * @param nsIndex namespace index
     * @param type type
     * @param span span
     * @param chunkIndex chunk index
     */
    public static void putHeader(byte[] b, int e, int nsIndex, ItemType type, int span, int chunkIndex) {
        b[e] = (byte) nsIndex;
        b[e + 1] = (byte) type.code();
        b[e + 2] = (byte) span;
        b[e + 3] = (byte) chunkIndex;
    }

    /**
     * Writes the key field: the key bytes, then zeros up to 16 bytes.
     *
     * @param b image
     * @param e entry offset
     * @param key at most 15 bytes
     */
    public static void putKey(byte[] b, int e, byte[] key) {
        System.arraycopy(key, 0, b, e + KEY_OFFSET, key.length);
        java.util.Arrays.fill(b, e + KEY_OFFSET + key.length, e + KEY_OFFSET + KEY_SIZE, (byte) 0);
    }

    /**
     * @param nsIndex namespace index
     * @param type type
     * @param span span
     * @param chunkIndex chunk index
     * @return entry bytes 0..3 as a little-endian word
     */
    public static int header(int nsIndex, ItemType type, int span, int chunkIndex) {
        return (nsIndex & 0xFF) | type.code() << 8 | (span & 0xFF) << 16 | chunkIndex << 24;
    }

    /**
     * Writes a whole entry from its fields with five stores.
     *
     * @param b image
     * @param e entry offset
     * @param header entry bytes 0..3 ({@link #header})
     * @param keyLow key field bytes 0..7 (see {@link KeyField#pack})
     * @param keyHigh key field bytes 8..15
     * @param crc the entry CRC of these fields ({@link NvsCrc#entry(int, long, long, long)} or
     *            {@link NvsCrc#entry(int, int, long)})
     * @param data the data field, bytes 24..31
     */
    public static void put(byte[] b, int e, int header, long keyLow, long keyHigh, int crc, long data) {
        java.util.Objects.checkFromIndexSize(e, Page.ENTRY_SIZE, b.length);
        Bytes.putU32(b, e, header);
        Bytes.putU32(b, e + 4, crc);
        Bytes.putU64(b, e + KEY_OFFSET, keyLow);
        Bytes.putU64(b, e + KEY_OFFSET + 8, keyHigh);
        Bytes.putU64(b, e + DATA_OFFSET, data);
    }

    /**
     * Computes and stores the entry CRC; call after every other header field is in place.
     *
     * @param b image
     * @param e entry offset
     */
    public static void sealCrc(byte[] b, int e) {
        Bytes.putU32(b, e + 4, NvsCrc.entry(b, e));
    }
}
