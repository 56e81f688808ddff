package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.model.NvsValue;

import java.nio.ByteBuffer;

/**
 * Places a blob in format 2: BLOB_DATA chunks, then a BLOB_IDX entry (spec §5.2, §6.3).
 *
 * <p>The generator's greedy split: on a full page it first opens the next one; then each chunk takes whatever
 * payload room is left on the current page ({@code (126 − n − 1) × 32} bytes, down to a 0-byte chunk at entry 125),
 * and a new page is opened after a chunk when data remains or no entry is left. The index follows the last chunk on
 * the same page, or at entry 0 of the next. Chunk indices start at 0 (version 0).
 *
 * <p>Unlike the generator, which writes any number of chunks, a blob that would need more than
 * {@value #MAX_CHUNKS} chunks is refused: the ESP-IDF runtime deletes such a blob when it boots.
 */
final class ChunkedBlobPlacer {

    /** Most chunks the ESP-IDF runtime accepts in one blob. */
    static final int MAX_CHUNKS = 127;

    private final PageCursor cursor;

    ChunkedBlobPlacer(PageCursor cursor) {
        this.cursor = cursor;
    }

    /**
     * Places a blob as chunks plus an index.
     *
     * @param ns the namespace index
     * @param names the item's namespace name and key, for messages
     * @param field the key as written
     * @param value the blob
     * @throws NvsInputException naming the key if the blob would need more than {@value #MAX_CHUNKS} chunks
     */
    void place(int ns, ItemNames names, ItemKey field, NvsValue.Blob value) {
        if (cursor.isFull()) {
            cursor.openNextPage();
        }
        int length = value.length();
        checkChunkCount(names, length);
        ByteBuffer source = value.asByteBuffer();
        int offset = 0;
        int chunkIndex = 0;
        while (true) {
            int chunk = Math.min(length - offset, cursor.tailroom());
            int span = Entry.spanOf(chunk);
            int e = cursor.claim(span);
            source.get(offset, cursor.image(), e + Page.ENTRY_SIZE, chunk);
            ItemEncoder.variable(cursor.image(), e, ns, ItemType.BLOB_DATA, span, chunkIndex, field, chunk, false);
            offset += chunk;
            chunkIndex++;
            // Same test as the generator's "remaining > 0 or tailroom - chunk < 32": data left, or no entry left.
            if (offset < length || cursor.isFull()) {
                cursor.openNextPage();
            }
            if (offset == length) {
                ItemEncoder.blobIndex(cursor.image(), cursor.claim(1), ns, field, length, chunkIndex);
                return;
            }
        }
    }

    private void checkChunkCount(ItemNames names, int length) {
        int first = Math.min(length, cursor.tailroom());
        int chunks = 1 + ceilDiv(length - first, Page.MAX_PAYLOAD);
        if (chunks > MAX_CHUNKS) {
            long fits = first + (long) (MAX_CHUNKS - 1) * Page.MAX_PAYLOAD;
            throw new NvsInputException("blob in namespace '" + names.namespace() + "' is " + length + " bytes long and "
                    + "would be split into " + chunks + " chunks, but the ESP-IDF runtime accepts at most "
                    + MAX_CHUNKS + " chunks per blob (it deletes a blob with more at boot). The first chunk starts "
                    + "wherever the current page has room (" + first + " bytes here), every further chunk holds "
                    + "up to " + Page.MAX_PAYLOAD + " bytes, so at most " + fits + " bytes fit from this position",
                    null, 0, names.key(), null);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
