package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.model.NvsValue;

/**
 * Places strings (SZ): the bytes plus a NUL, never split across pages.
 *
 * <p>Up to 3968 bytes with the NUL (span ≤ 125) the generator's strict fit rule applies (spec §6.2): the string
 * goes on the current page only if it ends before entry 125, otherwise on the next page. A string of 3969–4000
 * bytes (span 126) can never pass that rule and makes {@code nvs_partition_gen.py} crash; nvs4j places it as the
 * ESP-IDF runtime does, at entry 0 of a fresh page, opening one unless the current page is still unused.
 */
final class StringPlacer {

    /** Largest string with its NUL in format 1 (the generator's limit). */
    static final int MAX_BYTES_V1 = 1984;

    /** Largest string with its NUL in format 2 (one page of payload). */
    static final int MAX_BYTES_V2 = Page.MAX_PAYLOAD;

    private final PageCursor cursor;
    private final int maxBytes;
    private final String versionName;

    /**
     * @param cursor the write position
     * @param maxBytes the version's limit for a string with its NUL
     * @param versionName the version's name, for messages
     */
    StringPlacer(PageCursor cursor, int maxBytes, String versionName) {
        this.cursor = cursor;
        this.maxBytes = maxBytes;
        this.versionName = versionName;
    }

    /**
     * Places a string.
     *
     * @param ns the namespace index
     * @param names the item's namespace name and key, for messages
     * @param field the key as written
     * @param value the string
     * @throws NvsInputException naming the key if the string exceeds the version's limit
     */
    void place(int ns, ItemNames names, ItemKey field, NvsValue.Str value) {
        int length = value.length();
        int size = length + 1;
        if (size > maxBytes) {
            throw new NvsInputException("string in namespace '" + names.namespace() + "' is " + size
                    + " bytes long with its terminating NUL; format " + versionName + " stores at most " + maxBytes
                    + " bytes" + (maxBytes < MAX_BYTES_V2 ? " (format version 2 stores up to " + MAX_BYTES_V2 + ")" : ""),
                    null, 0, names.key(), null);
        }
        int span = Entry.spanOf(size);
        if (span == Page.ENTRY_COUNT) {
            if (!cursor.isUnused()) {
                cursor.openNextPage();
            }
        } else if (!cursor.fitsStrictly(span)) {
            cursor.openNextPage();
        }
        int e = cursor.claim(span);
        value.asByteBuffer().get(0, cursor.image(), e + Page.ENTRY_SIZE, length);
        ItemEncoder.variable(cursor.image(), e, ns, ItemType.SZ, span, Entry.NO_CHUNK, field, length, true);
    }
}
