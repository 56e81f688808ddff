package io.github.nvs4j.internal.format;

/** The state word of a page header (page offset 0). Transitions only clear bits. */
public enum PageState {
    /** {@code 0xFFFFFFFF}: erased, no header. */
    UNINITIALIZED(0xFFFFFFFF),
    /** {@code 0xFFFFFFFE}: accepts new entries. */
    ACTIVE(0xFFFFFFFE),
    /** {@code 0xFFFFFFFC}: no new entries. */
    FULL(0xFFFFFFFC),
    /** {@code 0xFFFFFFF8}: being reclaimed (its entries are being copied away). */
    FREEING(0xFFFFFFF8),
    /** Any other value, or a header that fails its CRC; never written. */
    CORRUPT(0xFFFFFFF0);

    private final int word;

    PageState(int word) {
        this.word = word;
    }

    /** @return the state word as stored (little-endian u32) */
    public int word() {
        return word;
    }

    /**
     * @param word a state word
     * @return the state it names; {@link #CORRUPT} for any value that is not one of the four written states
     */
    public static PageState ofWord(int word) {
        return switch (word) {
            case 0xFFFFFFFF -> UNINITIALIZED;
            case 0xFFFFFFFE -> ACTIVE;
            case 0xFFFFFFFC -> FULL;
            case 0xFFFFFFF8 -> FREEING;
            default -> CORRUPT;
        };
    }
}
