package io.github.nvs4j.read;

import java.util.Objects;

/**
 * One thing the ESP-IDF runtime erased, discarded or refused while it booted on an image (nvs-format.md §7), or
 * while the device view read the values back ({@code nvs_get_*} erases an item whose data CRC fails). The integrity
 * checker turns these into findings; they are data, not errors.
 *
 * <p>Locations are physical: {@code page} is the page's index in the image (offset / 4096), {@code entry} the
 * entry index in that page (0…125) or -1 for something that concerns a whole page, {@code offset} the byte offset
 * in the image of the entry (or of the page). {@code nsIndex} and {@code key} are read from the entry's header as
 * stored and are -1 / {@code null} for page-level repairs; the key is the key field up to its first NUL, at most 15
 * bytes, decoded as UTF-8.
 *
 * @param kind what happened
 * @param page the physical page index
 * @param entry the entry index in the page, or -1
 * @param offset the byte offset in the image
 * @param nsIndex the namespace index byte of the entry, or -1
 * @param key the key of the entry, or {@code null}
 * @param span the number of entries concerned (1 for a single entry, the item's span for an item erased with its
 *             payload, 0 for a page-level repair)
 * @param applied {@code true} when the runtime changed the flash for it (erased entries or a page, copied entries);
 *                {@code false} when it only ignored something (a corrupt page, trailing bytes, a newer format) or
 *                when its erase failed because the partition is read-only (which either fails the init or makes the
 *                page invisible, see {@link Kind#PAGE_INVALIDATED})
 * @param detail a sentence saying what was wrong, for people
 */
public record BootRepair(Kind kind, int page, int entry, long offset, int nsIndex, String key, int span,
                         boolean applied, String detail) {

    /** Checks that kind and detail are present. */
    public BootRepair {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** What the runtime did, and the rule of nvs-format.md that made it do so. */
    public enum Kind {
        /** The image is not a multiple of 4096 bytes; the runtime ignores the trailing partial page (§1.1). */
        TRAILING_BYTES_IGNORED,
        /** A page whose state word is {@code 0xFFFFFFFF} but which is not blank: corrupt, counted free (§7.1). */
        PAGE_NOT_BLANK,
        /** A page whose header CRC does not match: corrupt, its contents ignored, counted free (§7.1). */
        PAGE_HEADER_CRC,
        /** A page with a valid header whose state word is not ACTIVE, FULL or FREEING: corrupt (§7.1). */
        PAGE_STATE_UNKNOWN,
        /** A page with a valid header and a version byte below {@code 0xFE}: the init fails (§1.7, §7.1). */
        PAGE_NEW_VERSION,
        /** An entry at or after the first EMPTY pair of an ACTIVE page that is not blank: erased (§7.2 step 2). */
        HALF_WRITTEN_ENTRY,
        /** An entry whose bitmap pair is {@code 0b01} on an ACTIVE page: erased (§7.2 step 3). */
        ILLEGAL_ENTRY_STATE,
        /** A written entry whose header CRC does not match: erased on its own (§2.7). */
        ENTRY_CRC,
        /** A written entry whose type byte names no type: erased on its own (§2.7). */
        UNKNOWN_TYPE,
        /** A written entry whose span, size or chunk index is inconsistent: erased on its own (§2.7). */
        INCONSISTENT_HEADER,
        /** A string or blob chunk whose span holds entries that are not WRITTEN: erased with its span (§7.2, §7.3). */
        INCOMPLETE_ITEM,
        /** An earlier item of the ACTIVE page with the same 24-bit hash as a later one: erased (§7.2 step 3). */
        DUPLICATE_IN_PAGE,
        /** An earlier copy of the last written entry of an ACTIVE page: erased (§7.2 step 4). */
        LAST_ENTRY_DUPLICATE,
        /** An older copy, on an older page, of the last item of the newest page: erased (§7.4 step 2). */
        OLDER_COPY_ERASED,
        /** A legacy blob on an older page replaced by the blob index that is the newest item: erased (§7.4 step 2). */
        LEGACY_BLOB_REPLACED,
        /** The newest page, ACTIVE, is the partial copy of a FREEING page: erased (§7.4 step 3). */
        PARTIAL_COPY_DISCARDED,
        /** A FREEING page whose entries were copied to a fresh page, after which it was erased (§7.4 step 3). */
        FREEING_PAGE_RECOVERED,
        /** A corrupt free page that was erased so that it could be activated (§7.4). */
        CORRUPT_PAGE_ERASED,
        /** A blob index whose chunks do not add up to its size or count: erased (§5.4, §7.5 step 2). */
        BLOB_INDEX_MISMATCH,
        /** A blob chunk that belongs to no surviving blob index: erased (§5.4, §7.5 step 3). */
        ORPHAN_BLOB_CHUNK,
        /**
         * Read-only partition: an erase whose result the runtime ignores failed, which turns the page INVALID. Its
         * items become invisible (§7.6 "Read-only partitions").
         */
        PAGE_INVALIDATED,
        /** Found while reading the values: a string, legacy blob or blob chunk whose data CRC fails is erased (§7.6). */
        DATA_CRC_ON_READ,
        /** Found while reading the values: a blob with a missing or oversized chunk is erased with all its chunks (§7.6). */
        BLOB_INCOMPLETE_ON_READ
    }
}
