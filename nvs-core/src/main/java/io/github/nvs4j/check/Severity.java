package io.github.nvs4j.check;

/**
 * How serious a {@link Finding} is.
 *
 * <ul>
 *   <li>{@link #ERROR}: the device loses, hides or misreads data because of it, refuses the partition, or the image
 *       is damaged in a way that a tool or the device reports as an error;</li>
 *   <li>{@link #WARNING}: unusual or inconsistent, but harmless to current ESP-IDF runtimes, or harmful only to some
 *       runtime versions or readers (the message says which).</li>
 * </ul>
 */
public enum Severity {
    /** Data is lost, hidden or misread, or the partition is refused. */
    ERROR,
    /** Unusual or inconsistent, but harmless to the current runtime. */
    WARNING;

    /** @return the lower-case name used in text and JSON output ({@code "error"}, {@code "warning"}) */
    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
