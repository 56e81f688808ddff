package io.github.nvs4j.mfg;

import java.nio.charset.StandardCharsets;

/**
 * Writes the per-device CSV ({@code OUTDIR/csv/NAME.csv}) byte for byte as {@code mfg_gen.py} does with Python's
 * {@code csv.writer} (excel dialect, UTF-8): header {@code key,type,encoding,value}, then one row per config row;
 * every row ends in {@code CR LF}; a field is quoted when it contains a comma, a quote, {@code CR} or {@code LF},
 * and a quote inside is doubled. Line breaks inside a value are written as they are (mfg_gen opens the file with
 * {@code newline=''}).
 */
final class DeviceCsv {

    private static final String HEADER = "key,type,encoding,value\r\n";

    private final StringBuilder text = new StringBuilder(256).append(HEADER);

    /** Adds a namespace row: {@code name,namespace,ENCODING,} (the encoding field is normally empty). */
    void namespace(ConfigRow.Namespace row) {
        field(row.name()).append(',').append("namespace").append(',');
        field(row.encoding()).append(",\r\n");
    }

    /** Adds a key row: {@code key,type,encoding,value}. */
    void key(ConfigRow.Key row, String value) {
        field(row.name()).append(',');
        field(row.type()).append(',');
        field(row.encoding()).append(',');
        field(value).append("\r\n");
    }

    /** @return the CSV as UTF-8 bytes */
    byte[] toBytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder field(String value) {
        if (!needsQuotes(value)) {
            return text.append(value);
        }
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                text.append('"');
            }
            text.append(c);
        }
        return text.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
