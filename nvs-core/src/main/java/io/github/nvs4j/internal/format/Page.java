package io.github.nvs4j.internal.format;

/**
 * Geometry of an NVS page and read access to one page of an image held in a byte array. A page is 4096 bytes: a
 * 32-byte header, a 32-byte entry state bitmap and 126 entries of 32 bytes. This class makes no decision about
 * what the contents mean; the writer and the readers do.
 *
 * <p>Header: state u32 at 0, sequence number u32 at 4, version byte at 8 ({@code 0xFE} format 2, {@code 0xFF}
 * format 1), 19 reserved bytes {@code 0xFF}, CRC u32 at 28 over bytes 4..27.
 */
public final class Page {

    /** Bytes per page (one flash sector). */
    public static final int SIZE = 4096;
    /** Entries per page. */
    public static final int ENTRY_COUNT = 126;
    /** Bytes per entry. */
    public static final int ENTRY_SIZE = 32;
    /** Page offset of the entry state bitmap. */
    public static final int BITMAP_OFFSET = 32;
    /** Page offset of entry 0. */
    public static final int FIRST_ENTRY_OFFSET = 64;
    /** Most payload bytes a variable-length item can carry: 125 data entries after its header. */
    public static final int MAX_PAYLOAD = (ENTRY_COUNT - 1) * ENTRY_SIZE;
    /** Header version byte of format 2 (multi-page blobs). */
    public static final int VERSION_2 = 0xFE;
    /** Header version byte of format 1 (legacy blobs). */
    public static final int VERSION_1 = 0xFF;

    private Page() {
    }

    /**
     * @param page the physical page index
     * @return the offset of the page in the image
     */
    public static int offset(int page) {
        return page * SIZE;
    }

    /**
     * @param page the physical page index
     * @param entry the entry index 0…125
     * @return the offset of the entry in the image (also its XTS tweak)
     */
    public static int entryOffset(int page, int entry) {
        return page * SIZE + FIRST_ENTRY_OFFSET + entry * ENTRY_SIZE;
    }

    /**
     * @param image the image
     * @param pageOffset the page's offset
     * @return the raw state word
     */
    public static int stateWord(byte[] image, int pageOffset) {
        return Bytes.u32(image, pageOffset);
    }

    /**
     * @param image the image
     * @param pageOffset the page's offset
     * @return the sequence number as an unsigned value in an int
     */
    public static int sequence(byte[] image, int pageOffset) {
        return Bytes.u32(image, pageOffset + 4);
    }

    /**
     * @param image the image
     * @param pageOffset the page's offset
     * @return the version byte, 0…255
     */
    public static int version(byte[] image, int pageOffset) {
        return image[pageOffset + 8] & 0xFF;
    }

    /**
     * @param image the image
     * @param pageOffset the page's offset
     * @return the header CRC as stored
     */
    public static int storedHeaderCrc(byte[] image, int pageOffset) {
        return Bytes.u32(image, pageOffset + 28);
    }

    /**
     * @param image the image
     * @param pageOffset the page's offset
     * @return whether the stored header CRC matches bytes 4..27
     */
    public static boolean headerCrcValid(byte[] image, int pageOffset) {
        return storedHeaderCrc(image, pageOffset) == NvsCrc.pageHeader(image, pageOffset);
    }

    /**
     * @param image the image
     * @param pageOffset the page's offset
     * @param entry the entry index 0…125
     * @return the entry's state in the bitmap
     */
    public static EntryState entryState(byte[] image, int pageOffset, int entry) {
        int b = image[pageOffset + BITMAP_OFFSET + (entry >> 2)];
        return EntryState.ofBits(b >> ((entry & 3) << 1));
    }

    /**
     * Sets an entry's bitmap pair, clearing bits only as flash would.
     *
     * @param image the image
     * @param pageOffset the page's offset
     * @param entry the entry index 0…125
     * @param state the new state
     */
    public static void setEntryState(byte[] image, int pageOffset, int entry, EntryState state) {
        int index = pageOffset + BITMAP_OFFSET + (entry >> 2);
        int shift = (entry & 3) << 1;
        int cleared = image[index] & ~(3 << shift);
        image[index] = (byte) (cleared | (state.bits() << shift));
    }

    /**
     * Marks entries {@code 0 … count−1} WRITTEN in the bitmap at once (four per byte), leaving the others as they
     * are; for a writer that fills a page from entry 0 without gaps.
     *
     * @param image the image
     * @param pageOffset the page's offset
     * @param count the number of entries written, 0…126
     */
    public static void markWritten(byte[] image, int pageOffset, int count) {
        int bitmap = pageOffset + BITMAP_OFFSET;
        int whole = count >> 2;
        int pair = EntryState.WRITTEN.bits();
        java.util.Arrays.fill(image, bitmap, bitmap + whole, (byte) (pair | pair << 2 | pair << 4 | pair << 6));
        for (int entry = whole << 2; entry < count; entry++) {
            setEntryState(image, pageOffset, entry, EntryState.WRITTEN);
        }
    }

    /**
     * Writes a page header: state, sequence number, version, 19 reserved {@code 0xFF} bytes and the CRC.
     *
     * @param image the image
     * @param pageOffset the page's offset
     * @param state the state word
     * @param sequence the sequence number
     * @param version {@link #VERSION_2} or {@link #VERSION_1}
     */
    public static void writeHeader(byte[] image, int pageOffset, PageState state, int sequence, int version) {
        Bytes.putU32(image, pageOffset, state.word());
        Bytes.putU32(image, pageOffset + 4, sequence);
        image[pageOffset + 8] = (byte) version;
        java.util.Arrays.fill(image, pageOffset + 9, pageOffset + 28, (byte) 0xFF);
        Bytes.putU32(image, pageOffset + 28, NvsCrc.pageHeader(image, pageOffset));
    }

    /**
     * @param image the image
     * @param from the first byte
     * @param to one past the last byte
     * @return whether every byte in the range is {@code 0xFF}
     */
    public static boolean isErased(byte[] image, int from, int to) {
        int i = from;
        for (int end8 = to - 7; i < end8; i += 8) { // eight bytes per step: blank pages are scanned whole
            if (Bytes.u64(image, i) != -1L) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (image[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
