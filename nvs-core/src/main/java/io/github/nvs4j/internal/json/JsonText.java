package io.github.nvs4j.internal.json;

/**
 * JSON string literals in the two exact styles nvs4j reproduces. Numbers and structure are left to the callers,
 * whose layouts (indentation, one entry per line) are part of the formats they reproduce.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** How string literals are escaped. */
    public enum Style {
        /**
         * The ESP-IDF device view ({@code *.expected.json}): {@code "} and {@code \} escaped, {@code \n \r \t \b \f},
         * other characters below U+0020 and U+007F as a six-character {@code u00XX} escape; everything else
         * (non-ASCII included) as is.
         */
        DEVICE,
        /**
         * Python's {@code json.dumps} with {@code ensure_ascii=True} (as {@code nvs_tool.py} prints): like
         * {@link #DEVICE}, but every character outside U+0020…U+007E is escaped, non-ASCII as {@code uXXXX} escapes of
         * UTF-16 code units.
         */
        PYTHON_ASCII
    }

    /**
     * Appends {@code s} as a quoted JSON string.
     *
     * @param out where to append
     * @param s the text
     * @param style the escaping style
     * @return {@code out}
     */
    public static StringBuilder appendString(StringBuilder out, CharSequence s, Style style) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F || (style == Style.PYTHON_ASCII && c > 0x7E)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /**
     * @param s the text
     * @param style the escaping style
     * @return {@code s} as a quoted JSON string
     */
    public static String quote(CharSequence s, Style style) {
        return appendString(new StringBuilder(s.length() + 2), s, style).toString();
    }
}
