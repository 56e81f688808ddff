package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.model.NvsValue;

/**
 * Places a blob in format 1: one legacy BLOB (0x41) item of at most 1984 bytes on a single page, under the same
 * strict fit rule as strings (spec §5.1, §6.2).
 */
final class LegacyBlobPlacer {

    /** Largest legacy blob the generator writes. */
    static final int MAX_BYTES = 1984;

    private final PageCursor cursor;

    LegacyBlobPlacer(PageCursor cursor) {
        this.cursor = cursor;
    }

    /**
     * Places a blob as one legacy item.
     *
     * @param ns the namespace index
     * @param names the item's namespace name and key, for messages
     * @param field the key as written
     * @param value the blob
     * @throws NvsInputException naming the key if the blob is longer than 1984 bytes
     */
    void place(int ns, ItemNames names, ItemKey field, NvsValue.Blob value) {
        int size = value.length();
        if (size > MAX_BYTES) {
            throw new NvsInputException("blob in namespace '" + names.namespace() + "' is " + size
                    + " bytes long; format version 1 stores a blob as one single-page item of at most " + MAX_BYTES
                    + " bytes (format version 2 splits larger blobs into chunks)", null, 0, names.key(), null);
        }
        int span = Entry.spanOf(size);
        if (!cursor.fitsStrictly(span)) {
            cursor.openNextPage();
        }
        int e = cursor.claim(span);
        value.asByteBuffer().get(0, cursor.image(), e + Page.ENTRY_SIZE, size);
        ItemEncoder.variable(cursor.image(), e, ns, ItemType.BLOB, span, Entry.NO_CHUNK, field, size, false);
    }
}
