package io.github.nvs4j.csv;

import java.util.Objects;

/**
 * Where a CSV row (or a row built in memory, for example by mass manufacturing) came from, so that an error about it
 * can name the place a person has to look at.
 *
 * @param source  the file or other source as the user knows it, for example {@code nvs.csv}; never {@code null}
 * @param line    the 1-based physical line in {@code source} where the row starts, or 0 when unknown
 * @param context extra words for the message, for example {@code "column 'serial' of values.csv:7"}; empty when
 *                there is nothing to add, never {@code null}
 */
public record SourceRef(String source, int line, String context) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if {@code source} or {@code context} is {@code null}
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public SourceRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(context, "context");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or positive, not " + line);
        }
    }

    /**
     * Creates a reference without extra context.
     *
     * @param source the file or other source
     * @param line   the 1-based line, or 0 when unknown
     * @return the reference
     */
    public static SourceRef of(String source, int line) {
        return new SourceRef(source, line, "");
    }

    /** @return {@code source:line}, or {@code source} when the line is unknown, followed by the context if any */
    @Override
    public String toString() {
        String place = line > 0 ? source + ':' + line : source;
        return context.isEmpty() ? place : place + " (" + context + ')';
    }
}
