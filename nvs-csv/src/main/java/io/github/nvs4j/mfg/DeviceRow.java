package io.github.nvs4j.mfg;

import java.util.List;
import java.util.Objects;

/**
 * One device line of a values file: the values of every column, in header order.
 *
 * @param number the device number: 1 for the first line after the header, 2 for the next, … (the default file id)
 * @param line the 1-based physical line of the values file the row starts on (0 for a row not read from a file)
 * @param values the values, one per column of the values file's header
 */
public record DeviceRow(int number, int line, List<String> values) {

    /** Checks the components and copies the values. */
    public DeviceRow {
        if (number < 1) {
            throw new IllegalArgumentException("device numbers start at 1, not " + number);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }
}
