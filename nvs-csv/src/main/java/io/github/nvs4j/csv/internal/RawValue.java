package io.github.nvs4j.csv.internal;

/**
 * The value of a row before its encoding is applied: the text of a {@code data} row, or the bytes of the file that
 * a {@code file} row names. Python hands the generator a {@code str} in the first case and {@code bytes} in the
 * second, and several encodings treat them differently (whitespace, digits, non-ASCII characters).
 */
public sealed interface RawValue permits RawValue.Text, RawValue.FileContent {

    /**
     * Says what the value is, for a message: {@code value 'abc'} or {@code file 'a.bin' ('abc')}.
     *
     * @return the description
     */
    String describe();

    /**
     * The value of a {@code data} row.
     *
     * @param text the text as read from the CSV
     */
    record Text(String text) implements RawValue {
        @Override
        public String describe() {
            return "value " + Shown.text(text);
        }
    }

    /**
     * The content of the file that a {@code file} row names.
     *
     * @param path  the path as written in the row
     * @param bytes the file's content (not copied; callers do not modify it)
     */
    record FileContent(String path, byte[] bytes) implements RawValue {
        @Override
        public String describe() {
            return "file " + Shown.text(path) + " (" + Shown.bytes(bytes) + ")";
        }
    }
}
