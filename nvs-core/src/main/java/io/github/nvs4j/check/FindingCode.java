package io.github.nvs4j.check;

/**
 * The stable codes of {@link Finding}s: one constant per kind of problem, with the severity it normally has and a
 * sentence saying what it means. The names never change once released; tools may match on them. Codes marked
 * "nvs_tool.py" are problems that ESP-IDF's {@code nvs_tool.py -i} also reports (section 11.4 of
 * {@code docs/nvs-format.md}); the others are found by nvs4j alone. The last group says what the ESP-IDF runtime does
 * when it boots on the image, as the reader ({@link io.github.nvs4j.read.NvsReader#boot}) decides it; the others come
 * from the bytes.
 *
 * <p>A finding usually has {@link #severity()}; a few findings are milder than their code's usual severity, and
 * their message says why (for example a key-field problem on a namespace definition, which the runtime tolerates).
 */
public enum FindingCode {

    // ---- the image as a whole ----

    /**
     * The image length is not a multiple of 4096: the runtime ignores the partial page at the end, nvs_tool.py refuses
     * the image.
     */
    PARTIAL_PAGE(Severity.ERROR),
    /** The image has fewer than 3 pages; only a partition flagged read-only may be that small (nvs_tool.py). */
    PARTITION_TOO_SMALL(Severity.WARNING),
    /** No page is erased (state word 0xFFFFFFFF), so a writable partition has no spare page (nvs_tool.py). */
    NO_FREE_PAGE(Severity.ERROR),
    /**
     * Nearly every written entry fails its CRC, as happens when an encrypted image is checked without decrypting it.
     */
    LOOKS_ENCRYPTED(Severity.WARNING),

    // ---- pages ----

    /**
     * The page header CRC does not match bytes 4..27: the runtime treats the page as corrupt and ignores it
     * (nvs_tool.py).
     */
    PAGE_HEADER_CRC(Severity.ERROR),
    /**
     * The page state word is none of the written states (ACTIVE, FULL, FREEING, erased): the runtime treats the page as
     * corrupt.
     */
    UNKNOWN_PAGE_STATE(Severity.ERROR),
    /**
     * A valid page header carries a format version below 0xFE: the runtime refuses the whole partition
     * (ESP_ERR_NVS_NEW_VERSION_FOUND).
     */
    NEW_VERSION(Severity.ERROR),
    /** The state word says erased but other header bytes are not 0xFF: the runtime treats the page as corrupt. */
    EMPTY_PAGE_HEADER(Severity.ERROR),
    /** The state word says erased but the entry state bitmap is not all 0xFF: the page is corrupt (nvs_tool.py). */
    EMPTY_PAGE_BITMAP(Severity.ERROR),
    /**
     * The state word says erased but entries hold data: the page is corrupt and its contents are ignored (nvs_tool.py).
     */
    EMPTY_PAGE_DATA(Severity.ERROR),
    /** Two pages carry the same sequence number, so the runtime orders them by their physical position. */
    DUPLICATE_SEQUENCE(Severity.WARNING),
    /**
     * The ACTIVE page is older (lower sequence number) than a FULL or FREEING page; the runtime never leaves pages so.
     */
    SEQUENCE_ORDER(Severity.WARNING),
    /** A page carries sequence number 0xFFFFFFFF: the next page the runtime opens wraps around to 0 and sorts first. */
    SEQUENCE_EXHAUSTED(Severity.WARNING),
    /**
     * More than one page is ACTIVE: the runtime never does this, and the bootloader's NVS reader refuses the partition.
     */
    MULTIPLE_ACTIVE_PAGES(Severity.ERROR),
    /** More than one page is FREEING: the runtime recovers only the first, and nvs_get_stats fails. */
    MULTIPLE_FREEING_PAGES(Severity.ERROR),

    // ---- entries ----

    /** An entry is marked written in the bitmap but all its 32 bytes are 0xFF (nvs_tool.py). */
    WRITTEN_BUT_EMPTY(Severity.ERROR),
    /** An entry is marked erased but all its 32 bytes are 0xFF; only empty entries should be blank (nvs_tool.py). */
    ERASED_BUT_EMPTY(Severity.WARNING),
    /** An entry is marked empty but holds data, as after a write whose bitmap update was lost (torn write). */
    EMPTY_BUT_NOT_BLANK(Severity.WARNING),
    /**
     * An entry has the bitmap state 0b01, which the runtime never writes (it erases such entries on the ACTIVE page).
     */
    ILLEGAL_ENTRY_STATE(Severity.WARNING),
    /** The entry header CRC does not match: the runtime erases the entry at boot (nvs_tool.py). */
    ENTRY_CRC(Severity.ERROR),
    /** The payload CRC of a string or blob does not match its data: a read fails and erases the item (nvs_tool.py). */
    DATA_CRC(Severity.ERROR),
    /** The type byte names no item type: runtimes erase the entry at boot (nvs_tool.py). */
    UNKNOWN_TYPE(Severity.ERROR),
    /**
     * A FLOAT or DOUBLE entry (ESP-IDF v6.1+): runtimes from v5.0.8/5.1.6/5.2.5/5.3.2/5.4 up to v6.0 erase it at boot.
     */
    FLOAT_DOUBLE(Severity.WARNING),
    /** The span of an item reaches past the end of its page (nvs_tool.py). */
    SPAN_OUT_OF_PAGE(Severity.ERROR),
    /**
     * The span does not fit the type (1 for fixed-size items and blob indexes, 1 + ceil(size / 32) for strings and
     * blobs): the runtime erases the entry.
     */
    SPAN_MISMATCH(Severity.ERROR),
    /**
     * A written string or blob header has payload entries that are not marked written: the runtime erases the item
     * (nvs_tool.py).
     */
    INCONSISTENT_DATA_STATE(Severity.ERROR),
    /**
     * The 16-byte key field has no NUL: the device lists the item under its first 15 bytes but can never find it by
     * key.
     */
    KEY_NOT_TERMINATED(Severity.ERROR),
    /** The key field has non-zero bytes after its NUL: the device lists the item but can never find it by key. */
    KEY_PADDING(Severity.ERROR),
    /**
     * An item other than a blob chunk has a chunk index other than 0xFF: the device can never find it by key (a blob
     * index is erased).
     */
    CHUNK_INDEX_NOT_FF(Severity.ERROR),
    /**
     * The same key is written more than once in one namespace, so which copy a device returns depends on page order
     * (nvs_tool.py).
     */
    DUPLICATE_KEY(Severity.ERROR),

    // ---- namespaces ----

    /** Items use a namespace index that no namespace definition gives (nvs_tool.py). */
    UNDEFINED_NAMESPACE(Severity.ERROR),
    /** A namespace is defined but no item uses it (nvs_tool.py). */
    UNUSED_NAMESPACE(Severity.WARNING),
    /**
     * An item in namespace 0 (the namespace table) is not a u8 namespace definition; the runtime stops reading
     * namespaces on that page there.
     */
    NAMESPACE_ENTRY_TYPE(Severity.ERROR),
    /** A namespace is given index 0 or 255, which the runtime reserves. */
    NAMESPACE_INDEX_RESERVED(Severity.ERROR),
    /** Two different namespace names are given the same index, so their items mix. */
    NAMESPACE_INDEX_REUSED(Severity.ERROR),
    /** More than 254 namespaces are defined; the runtime has indices 1…254 only. */
    TOO_MANY_NAMESPACES(Severity.ERROR),

    // ---- blobs ----

    /** A blob chunk has no blob index with its namespace and key: the runtime erases it as an orphan (nvs_tool.py). */
    BLOB_CHUNK_WITHOUT_INDEX(Severity.ERROR),
    /** A blob index counts a chunk that is not there: the blob cannot be read (nvs_tool.py). */
    BLOB_MISSING_CHUNK(Severity.ERROR),
    /** The chunks of a blob hold less data than its index records (nvs_tool.py). */
    BLOB_MISSING_DATA(Severity.ERROR),
    /**
     * A blob chunk's index lies outside the chunk range of every blob index of its key (or is 0xFF): the runtime erases
     * it.
     */
    BLOB_CHUNK_OUT_OF_RANGE(Severity.ERROR),
    /** A blob index counts more chunks than its version's chunk index range (0…127 or 128…254) holds. */
    BLOB_INDEX_RANGE(Severity.ERROR),
    /**
     * A blob index starts its chunks at neither 0x00 (version 0) nor 0x80 (version 1), which the runtime never writes.
     */
    BLOB_INDEX_VERSION(Severity.WARNING),
    /** A blob index records more than 508000 bytes (127 chunks of 4000): the runtime erases it at boot. */
    BLOB_TOO_LARGE(Severity.ERROR),

    // ---- what the runtime does at boot (from the reader's repairs and init result) ----

    /** nvs_flash_init fails on the image (the message names the esp_err_t): the device cannot use the partition. */
    INIT_FAILED(Severity.ERROR),
    /** After boot, nvs_get_stats fails with ESP_FAIL because a FREEING page is still in use. */
    STATS_UNAVAILABLE(Severity.WARNING),
    /**
     * An entry at or after the first empty entry of the ACTIVE page is not blank: the runtime takes it for an
     * interrupted write and erases it at boot.
     */
    HALF_WRITTEN_ENTRY(Severity.ERROR),
    /**
     * A written header fails the runtime's consistency rules (span, size, chunk index) in a way no more specific code
     * names: it is erased at boot.
     */
    INCONSISTENT_HEADER(Severity.ERROR),
    /**
     * Boot erases this item because a later copy of the same key supersedes it (duplicate in the ACTIVE page,
     * last-entry or last-item check).
     */
    OLDER_COPY_ERASED(Severity.WARNING),
    /**
     * The newest page is the partial copy of an interrupted garbage collection: boot erases it and copies the FREEING
     * page again.
     */
    PARTIAL_COPY_DISCARDED(Severity.WARNING),
    /**
     * A FREEING page (an interrupted garbage collection): boot copies its written entries to a fresh page and erases
     * it.
     */
    FREEING_PAGE_RECOVERED(Severity.WARNING),
    /**
     * A blob index whose chunks do not add up to its size or count, for a reason no more specific code names: boot
     * erases it.
     */
    BLOB_INDEX_MISMATCH(Severity.ERROR),
    /** A blob chunk that belongs to no surviving blob index (its index was erased or never written): boot erases it. */
    ORPHAN_BLOB_CHUNK(Severity.ERROR),
    /**
     * A blob whose chunk is missing or too long when it is read: the read erases the index and every chunk of the key.
     */
    BLOB_UNREADABLE(Severity.ERROR),
    /**
     * Read-only partition: an erase the runtime needed failed, so the page turns invalid and all of its items become
     * invisible.
     */
    PAGE_INVALIDATED(Severity.ERROR);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /** @return the severity a finding with this code normally has */
    public Severity severity() {
        return severity;
    }
}
