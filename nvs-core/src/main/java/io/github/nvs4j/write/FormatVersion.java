package io.github.nvs4j.write;

/** The NVS format version an image is written in ({@code --version} of the generator). */
public enum FormatVersion {
    /** Format 1: page version byte {@code 0xFF}; blobs as one legacy single-page item of at most 1984 bytes. */
    V1(0xFF),
    /** Format 2 (default): page version byte {@code 0xFE}; blobs as chunks plus an index, spanning pages. */
    V2(0xFE);

    private final int headerByte;

    FormatVersion(int headerByte) {
        this.headerByte = headerByte;
    }

    /** @return the version byte written at page offset 8 */
    public int headerByte() {
        return headerByte;
    }

    /**
     * @param number 1 or 2, as given to {@code --version}
     * @return the version
     * @throws IllegalArgumentException for any other number
     */
    public static FormatVersion of(int number) {
        return switch (number) {
            case 1 -> V1;
            case 2 -> V2;
            default -> throw new IllegalArgumentException("format version must be 1 or 2, not " + number);
        };
    }
}
