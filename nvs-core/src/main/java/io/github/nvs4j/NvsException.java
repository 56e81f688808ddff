package io.github.nvs4j;

/**
 * The one exception family of nvs4j. Every failure that nvs4j reports is an unchecked subclass of this type and
 * carries a location that names where the problem is: a file, line and key for input such as CSV files and models
 * ({@link NvsInputException}), or a page, entry and byte offset for images ({@link NvsFormatException}).
 *
 * <p>{@link #getMessage()} is a complete sentence meant for a person, with the location first;
 * {@link #reason()} is the same text without the location, and {@link #location()} the location alone.
 */
public abstract sealed class NvsException extends RuntimeException permits NvsInputException, NvsFormatException {

    private final String reason;

    NvsException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /**
     * Returns what went wrong, without the location.
     *
     * @return the reason, never {@code null}
     */
    public final String reason() {
        return reason;
    }

    /**
     * Returns where the problem is, for example {@code nvs.csv:12: key 'cert'} or
     * {@code page 3, entry 17 (offset 0x3260)}; empty when nothing more precise than the whole input is known.
     *
     * @return the location, never {@code null}
     */
    public abstract String location();

    @Override
    public final String getMessage() {
        String location = location();
        return location.isEmpty() ? reason : location + ": " + reason;
    }
}
