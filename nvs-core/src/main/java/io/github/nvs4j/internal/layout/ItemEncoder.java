package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;

import java.nio.ByteBuffer;

/**
 * Fills entries that a placer has claimed: the three item shapes of the format (fixed-size value, variable-length
 * item with payload, blob index). The target bytes are expected to be {@code 0xFF} already (the image is pre-filled
 * and every slot is written once), so unused data bytes, reserved fields and payload padding are not touched.
 */
final class ItemEncoder {

    private static final int DATA = Entry.DATA_OFFSET;

    private ItemEncoder() {
    }

    /**
     * Writes a fixed-size item: the value little-endian from entry offset 24, {@code type.width()} bytes.
     *
     * @param b the image
     * @param e the entry offset
     * @param ns the namespace index
     * @param type a fixed-size type
     * @param key the key
     * @param bits the value's bits; only the low {@code type.width()} bytes are written
     */
    static void fixed(byte[] b, int e, int ns, ItemType type, ItemKey key, long bits) {
        Entry.putHeader(b, e, ns, type, 1, Entry.NO_CHUNK);
        KeyField.put(b, e, key.low(), key.high());
        switch (type.width()) {
            case 1 -> b[e + DATA] = (byte) bits;
            case 2 -> Bytes.putU16(b, e + DATA, (int) bits);
            case 4 -> Bytes.putU32(b, e + DATA, (int) bits);
            case 8 -> Bytes.putU64(b, e + DATA, bits);
            default -> throw new IllegalArgumentException("not a fixed-size type: " + type);
        }
        Entry.sealCrc(b, e);
        ShiftedKeyPadding.apply(b, e, key.extraBytes(), DATA + type.width(), Page.ENTRY_SIZE);
    }

    /**
     * Writes a variable-length item (string, legacy blob or blob chunk): the header with size and data CRC, and the
     * payload in the entries after it.
     *
     * @param b the image
     * @param e the entry offset of the header; the {@code span − 1} entries after it are the payload's
     * @param ns the namespace index
     * @param type {@link ItemType#SZ}, {@link ItemType#BLOB} or {@link ItemType#BLOB_DATA}
     * @param span the span, {@code 1 + ceil(size / 32)}
     * @param chunkIndex the chunk index ({@link Entry#NO_CHUNK} unless a blob chunk)
     * @param key the key
     * @param source the payload source (read with absolute positions; not modified)
     * @param from the first payload byte in {@code source}
     * @param length the number of bytes taken from {@code source}
     * @param terminate whether a NUL follows the bytes (strings); it counts in the size
     */
    static void variable(byte[] b, int e, int ns, ItemType type, int span, int chunkIndex, ItemKey key,
                         ByteBuffer source, int from, int length, boolean terminate) {
        int payload = e + Page.ENTRY_SIZE;
        source.get(from, b, payload, length);
        int size = length;
        if (terminate) {
            b[payload + size] = 0;
            size++;
        }
        Entry.putHeader(b, e, ns, type, span, chunkIndex);
        KeyField.put(b, e, key.low(), key.high());
        Bytes.putU16(b, e + DATA, size);
        Bytes.putU32(b, e + DATA + 4, NvsCrc.of(b, payload, size));
        Entry.sealCrc(b, e);
        ShiftedKeyPadding.apply(b, e, key.extraBytes(), DATA + 2, DATA + 4);
    }

    /**
     * Writes the index of a format-2 blob (chunk start version 0).
     *
     * @param b the image
     * @param e the entry offset
     * @param ns the namespace index
     * @param key the key
     * @param totalSize the blob's length
     * @param chunkCount the number of chunks written
     */
    static void blobIndex(byte[] b, int e, int ns, ItemKey key, int totalSize, int chunkCount) {
        Entry.putHeader(b, e, ns, ItemType.BLOB_IDX, 1, Entry.NO_CHUNK);
        KeyField.put(b, e, key.low(), key.high());
        Bytes.putU32(b, e + DATA, totalSize);
        b[e + DATA + 4] = (byte) chunkCount;
        b[e + DATA + 5] = (byte) Entry.CHUNK_START_VER0;
        Entry.sealCrc(b, e);
    }
}
