package io.github.nvs4j.internal.format;

/** The two-bit state of an entry in the page's entry state bitmap. */
public enum EntryState {
    /** {@code 0b00}: written, then discarded. */
    ERASED,
    /** {@code 0b01}: cannot arise normally. */
    ILLEGAL,
    /** {@code 0b10}: holds an item header or payload. */
    WRITTEN,
    /** {@code 0b11}: never written. */
    EMPTY;

    private static final EntryState[] BY_BITS = values();

    /**
     * @param bits the two bits (0…3)
     * @return the state
     */
    public static EntryState ofBits(int bits) {
        return BY_BITS[bits & 3];
    }

    /** @return the two bits */
    public int bits() {
        return ordinal();
    }
}
