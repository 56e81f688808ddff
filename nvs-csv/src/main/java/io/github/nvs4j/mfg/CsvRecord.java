package io.github.nvs4j.mfg;

import java.util.List;

/**
 * One record of a config or values file: its fields and the physical line it starts on in the original file.
 *
 * @param line the 1-based physical line of the original file where the record starts
 * @param fields the fields, as Python's {@code csv.reader} returns them
 */
record CsvRecord(int line, List<String> fields) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    int size() {
        return fields.size();
    }

    String field(int index) {
        return fields.get(index);
    }
}
