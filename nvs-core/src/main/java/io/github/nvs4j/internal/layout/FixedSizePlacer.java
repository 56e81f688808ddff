package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.ItemType;

/**
 * Places one-entry items: namespace definitions and fixed-size values (integers, float, double). Such an item fits
 * while the current page has any free entry, entry 125 included; on a full page it opens the next one (spec §6.2).
 */
final class FixedSizePlacer {

    private final PageCursor cursor;

    FixedSizePlacer(PageCursor cursor) {
        this.cursor = cursor;
    }

    /**
     * Places a namespace definition: namespace 0, type U8, key = name, value = the namespace's index.
     *
     * @param name the namespace name
     * @param index the index it gets, 1…254
     */
    void placeNamespace(String name, int index) {
        place(Entry.NAMESPACE_TABLE, ItemKey.of(name), ItemType.U8, index);
    }

    /**
     * Places a fixed-size value.
     *
     * @param ns the namespace index
     * @param key the key as written
     * @param type a fixed-size item type
     * @param bits the value's bits (low {@code type.width()} bytes are stored)
     */
    void place(int ns, ItemKey key, ItemType type, long bits) {
        if (cursor.isFull()) {
            cursor.openNextPage();
        }
        int e = cursor.claim(1);
        ItemEncoder.fixed(cursor.image(), e, ns, type, key, bits);
    }
}
