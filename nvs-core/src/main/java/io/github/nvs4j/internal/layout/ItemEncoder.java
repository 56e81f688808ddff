package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;


/**
 * Fills entries that a placer has claimed: the three item shapes of the format (fixed-size value, variable-length
 * item with payload, blob index). Each header entry is assembled in registers and written whole, CRC included
 * ({@link Entry#put}). Payload bytes past the data are expected to be {@code 0xFF} already (the image is pre-filled
 * and every slot is written once), so payload padding is not touched.
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
        int width = type.width();
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("not a fixed-size type: " + type);
        }
        // The whole entry is assembled in registers: the value's bytes, 0xFF above them
        long value = width == 8 ? -1L : (1L << (width << 3)) - 1;
        long zeroed = ShiftedKeyPadding.zeroedBytes(key.extraBytes(), DATA + width, Page.ENTRY_SIZE);
        long data = (bits & value | ~value) & ~zeroed;
        int header = Entry.header(ns, type, 1, Entry.NO_CHUNK);
        int crc = zeroed == 0
                ? NvsCrc.fixedEntry(ns, type, key.crcPart(), bits) // only the bytes that vary are looked up
                : NvsCrc.entry(header, key.crcPart(), data);
        Entry.put(b, e, header, key.low(), key.high(), crc, data);
    }

    /**
     * Writes a variable-length item (string, legacy blob or blob chunk): the header with size and data CRC, and the
     * payload's NUL for a string. The caller has copied the payload bytes into the entries after the header already
     * (from its value's buffer, in its own frame: a buffer passed down here escaped and was allocated per item).
     *
     * @param b the image
     * @param e the entry offset of the header; the {@code span − 1} entries after it are the payload's
     * @param ns the namespace index
     * @param type {@link ItemType#SZ}, {@link ItemType#BLOB} or {@link ItemType#BLOB_DATA}
     * @param span the span, {@code 1 + ceil(size / 32)}
     * @param chunkIndex the chunk index ({@link Entry#NO_CHUNK} unless a blob chunk)
     * @param key the key
     * @param length the number of payload bytes in place after the header
     * @param terminate whether a NUL follows the bytes (strings); it counts in the size
     */
    static void variable(byte[] b, int e, int ns, ItemType type, int span, int chunkIndex, ItemKey key,
                         int length, boolean terminate) {
        int payload = e + Page.ENTRY_SIZE;
        int size = length;
        if (terminate) {
            b[payload + size] = 0;
            size++;
        }
        // size (u16), two reserved 0xFF bytes (the key's zero run may reach them), data CRC (u32)
        int dataCrc = NvsCrc.of(b, payload, size);
        long zeroed = ShiftedKeyPadding.zeroedBytes(key.extraBytes(), DATA + 2, DATA + 4);
        long data = (size | 0xFFFF_0000L | (long) dataCrc << 32) & ~zeroed;
        int header = Entry.header(ns, type, span, chunkIndex);
        int crc = zeroed == 0
                ? NvsCrc.variableEntry(ns, type, span, chunkIndex, key.crcPart(), size, dataCrc) // varying bytes only
                : NvsCrc.entry(header, key.crcPart(), data);
        Entry.put(b, e, header, key.low(), key.high(), crc, data);
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
        // total size (u32), chunk count, chunk start, two reserved 0xFF bytes
        long data = (totalSize & 0xFFFF_FFFFL) | (long) (chunkCount & 0xFF) << 32
                | (long) Entry.CHUNK_START_VER0 << 40 | 0xFFFFL << 48;
        Entry.put(b, e, Entry.header(ns, ItemType.BLOB_IDX, 1, Entry.NO_CHUNK), key.low(), key.high(),
                NvsCrc.blobIndexEntry(ns, key.crcPart(), totalSize, chunkCount), data);
    }
}
