package io.github.nvs4j.csv;

import java.util.List;
import java.util.Objects;

/**
 * A generator CSV written from data, with what does not survive the round trip.
 *
 * @param text     the CSV text: header {@code key,type,encoding,value}, LF line ends, UTF-8 when saved
 * @param warnings where reading {@link #text()} back gives different data; empty when it gives exactly the data
 *                 that was written
 */
public record CsvOutput(String text, List<CsvWarning> warnings) {

    /**
     * Copies the warnings.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public CsvOutput {
        Objects.requireNonNull(text, "text");
        warnings = List.copyOf(warnings);
    }

    /** @return whether reading the text back gives exactly the data that was written */
    public boolean isExact() {
        return warnings.isEmpty();
    }
}
