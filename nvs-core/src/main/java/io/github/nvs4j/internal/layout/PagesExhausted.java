package io.github.nvs4j.internal.layout;

/**
 * Signals that the layout needed a new page but the partition has none left. Internal control flow only: the
 * layout turns it into an {@link io.github.nvs4j.NvsInputException} that names the key that did not fit. Carries
 * no stack trace.
 */
final class PagesExhausted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PagesExhausted() {
        super(null, null, false, false);
    }
}
