package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Fills entries that a placer has claimed: the three item shapes of the format (fixed-size value, variable-length
 * item with payload, blob index). The target bytes are expected to be {@code 0xFF} already (the image is pre-filled
 * and every slot is written once), so unused data bytes, reserved fields and payload padding are not touched.
 *
 * <p>One generator quirk is kept (spec §2.5): for a key with non-ASCII characters the generator's 32-byte entry
 * buffer grows by the key's UTF-8 bytes minus its characters, which moves that many of the key field's zero bytes
 * into the data field (bytes 24…) before the value is written there. The unused data bytes of fixed-size items and
 * the reserved bytes 26–27 of strings, legacy blobs and blob chunks are then {@code 0x00} instead of {@code 0xFF},
 * as in the generator's image. (What the generator's longer buffer spills past the entry's 32 bytes is not kept:
 * see {@code docs/differences.md}.) The blob index is unaffected: the generator resets its data field.
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
    static void fixed(byte[] b, int e, int ns, ItemType type, String key, long bits) {
        Entry.putHeader(b, e, ns, type, 1, Entry.NO_CHUNK);
        KeyField.put(b, e, key);
        shiftedKeyPadding(b, e, key);
        switch (type.width()) {
            case 1 -> b[e + DATA] = (byte) bits;
            case 2 -> Bytes.putU16(b, e + DATA, (int) bits);
            case 4 -> Bytes.putU32(b, e + DATA, (int) bits);
            case 8 -> Bytes.putU64(b, e + DATA, bits);
            default -> throw new IllegalArgumentException("not a fixed-size type: " + type);
        }
        Entry.sealCrc(b, e);
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
    static void variable(byte[] b, int e, int ns, ItemType type, int span, int chunkIndex, String key,
                         ByteBuffer source, int from, int length, boolean terminate) {
        int payload = e + Page.ENTRY_SIZE;
        source.get(from, b, payload, length);
        int size = length;
        if (terminate) {
            b[payload + size] = 0;
            size++;
        }
        Entry.putHeader(b, e, ns, type, span, chunkIndex);
        KeyField.put(b, e, key);
        shiftedKeyPadding(b, e, key);
        Bytes.putU16(b, e + DATA, size);
        Bytes.putU32(b, e + DATA + 4, NvsCrc.of(b, payload, size));
        Entry.sealCrc(b, e);
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
    static void blobIndex(byte[] b, int e, int ns, String key, int totalSize, int chunkCount) {
        Entry.putHeader(b, e, ns, ItemType.BLOB_IDX, 1, Entry.NO_CHUNK);
        KeyField.put(b, e, key);
        Bytes.putU32(b, e + DATA, totalSize);
        b[e + DATA + 4] = (byte) chunkCount;
        b[e + DATA + 5] = (byte) Entry.CHUNK_START_VER0;
        Entry.sealCrc(b, e);
    }

    /**
     * Writes the zeros that the generator's key handling moves into the data field: for a key of {@code c}
     * characters (code points, as Python counts) and {@code u} UTF-8 bytes, {@code u − c} zero bytes from entry
     * offset 24, at most up to the end of the entry. Nothing for an ASCII key.
     */
    private static void shiftedKeyPadding(byte[] b, int e, String key) {
        int extra = 0;
        for (int i = 0, n = key.length(); i < n; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                // UTF-8 bytes minus code points: 1 more for U+0080..U+07FF, 2 for the rest of the BMP, and 3 for a
                // supplementary character (4 bytes, one code point, two chars: 1 + 2 counted here)
                extra += c < 0x800 ? 1 : Character.isHighSurrogate(c) ? 1 : 2;
            }
        }
        if (extra > 0) {
            int from = e + DATA;
            Arrays.fill(b, from, Math.min(from + extra, e + Page.ENTRY_SIZE), (byte) 0);
        }
    }
}
