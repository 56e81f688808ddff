package io.github.nvs4j.internal.format;

/**
 * The CRC verdicts of one image's entries, each computed at most once: whether an entry's stored CRC (bytes 4..7)
 * matches its bytes 0..3 and 8..31, and whether a string or blob payload matches its data CRC (the u16 size at byte
 * 24 of the header, the payload from byte 32, the CRC at byte 28). The integrity checker's format checks, its
 * device checks and its boot look at the same entries; with one set of verdicts each CRC is computed once instead
 * of three times (ReadBenchmark.check: see nvs-benchmarks/RESULTS.md). One byte per entry and verdict; the image
 * is read in place and must not change while the verdicts are used.
 */
public final class CrcVerdicts {

    private static final byte UNKNOWN = 0;
    private static final byte VALID = 1;
    private static final byte INVALID = 2;

    private final byte[] image;
    private final byte[] entry;
    private final byte[] data;

    /** @param image the image (whole pages; a trailing partial page has no entries) */
    public CrcVerdicts(byte[] image) {
        this.image = image;
        int slots = image.length / Page.SIZE * Page.ENTRY_COUNT;
        this.entry = new byte[slots];
        this.data = new byte[slots];
    }

    /** @return the image the verdicts are about */
    public byte[] image() {
        return image;
    }

    /**
     * @param page a physical page index
     * @param index an entry index
     * @return whether the entry's stored CRC matches its header bytes
     */
    public boolean entryValid(int page, int index) {
        int slot = page * Page.ENTRY_COUNT + index;
        byte v = entry[slot];
        if (v == UNKNOWN) {
            v = Entry.crcValid(image, Page.entryOffset(page, index)) ? VALID : INVALID;
            entry[slot] = v;
        }
        return v == VALID;
    }

    /**
     * Tells whether the payload of a string, legacy blob or blob chunk header matches its data CRC. The caller must
     * know that the payload lies in the page (a header that passed the consistency rules, or a span that covers it).
     *
     * @param page a physical page index
     * @param index the header's entry index
     * @return whether the CRC of the u16 size bytes from the header's entry + 32 equals the u32 at byte 28
     */
    public boolean dataValid(int page, int index) {
        int slot = page * Page.ENTRY_COUNT + index;
        byte v = data[slot];
        if (v == UNKNOWN) {
            int e = Page.entryOffset(page, index);
            int size = Bytes.u16(image, e + 24);
            v = NvsCrc.of(image, e + Page.ENTRY_SIZE, size) == Bytes.u32(image, e + 28) ? VALID : INVALID;
            data[slot] = v;
        }
        return v == VALID;
    }
}
