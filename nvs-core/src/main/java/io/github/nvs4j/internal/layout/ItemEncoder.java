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
 * item with payload, blob index). Each header is assembled as four words (bytes 0..3, the two key words, the data
 * word, with the {@code 0xFF} of unused data bytes and reserved fields in place) and stored whole with its CRC. The
 * payload entries are expected to be {@code 0xFF} already (the image is pre-filled and every slot is written once),
 * so payload padding is not touched.
 */
final class ItemEncoder {

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
        int width = type.width();
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("not a fixed-size type: " + type);
        }
        long used = width == 8 ? -1L : (1L << (8 * width)) - 1;
        long data = (bits & used) | ~used; // the value's bytes, then 0xFF
        seal(b, e, Entry.headWord(ns, type, 1, Entry.NO_CHUNK), key, data);
    }

    /**
     * Writes the 32 bytes of an entry from words assembled in registers, with its CRC (see
     * {@link Entry#putSealed}); a key that is not short ASCII goes through {@link KeyField#put} first.
     */
    private static void seal(byte[] b, int e, int head, String key, long data) {
        if (KeyField.isShortAscii(key)) {
            Entry.putSealed(b, e, head, KeyField.word(key, 0), KeyField.word(key, 8), data);
        } else {
            KeyField.put(b, e, key);
            Entry.putSealed(b, e, head, Bytes.u64(b, e + Entry.KEY_OFFSET), Bytes.u64(b, e + Entry.KEY_OFFSET + 8),
                    data);
        }
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
        // data: u16 size, FF FF, u32 payload CRC
        long data = size | 0xFFFF_0000L | (long) NvsCrc.of(b, payload, size) << 32;
        seal(b, e, Entry.headWord(ns, type, span, chunkIndex), key, data);
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
        // data: u32 total size, u8 chunk count, u8 chunk start, FF FF
        long data = (totalSize & 0xFFFF_FFFFL) | (long) (chunkCount & 0xFF) << 32
                | (long) Entry.CHUNK_START_VER0 << 40 | 0xFFFF_0000_0000_0000L;
        seal(b, e, Entry.headWord(ns, ItemType.BLOB_IDX, 1, Entry.NO_CHUNK), key, data);
    }
}
