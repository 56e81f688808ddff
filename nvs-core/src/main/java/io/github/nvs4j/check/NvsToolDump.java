package io.github.nvs4j.check;

import io.github.nvs4j.internal.check.MinimalJson;
import java.util.Objects;

/**
 * Output compatible with ESP-IDF's {@code nvs_tool.py} (section 11 of {@code docs/nvs-format.md}). The tool parses
 * an image its own way (every page, by spans, whatever the states say), so this output shows what the tool shows,
 * not what a device reads; for the device's view use the reader.
 */
public final class NvsToolDump {

    private NvsToolDump() {
    }

    /**
     * Returns exactly what {@code nvs_tool.py IMAGE -f json -d minimal} prints: a JSON list of
     * {@code {namespace, key, encoding, data, state, is_empty}} records for the written entries whose namespace is
     * defined, four-space indentation, ASCII escapes, a newline at the end. Keys are decoded as Latin-1, strings lose
     * their trailing NULs, every format-2 blob chunk is its own {@code blob_data} record with base64 data, and blob
     * indexes are left out. Where the tool would crash, the dump of what is there is returned instead (see
     * {@link #minimal}).
     *
     * @param image a plain (not encrypted) NVS partition image; any length
     * @return the JSON text
     */
    public static String minimalJson(byte[] image) {
        return minimal(image).json();
    }

    /**
     * Like {@link #minimalJson}, with notes on where {@code nvs_tool.py} itself would fail: an image whose length is
     * not a multiple of 4096 (the whole pages are dumped), an entry in namespace 0 that is not a namespace definition
     * (left out of the namespace list), a fixed-size entry with a span above 1 (dumped normally), or a string that is
     * not valid UTF-8 (malformed bytes as U+FFFD).
     *
     * @param image a plain NVS partition image; any length
     * @return the dump and its notes
     */
    public static MinimalDump minimal(byte[] image) {
        Objects.requireNonNull(image, "image");
        MinimalJson.Result result = MinimalJson.of(image);
        return new MinimalDump(result.json(), result.notes());
    }
}
