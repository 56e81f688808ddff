package io.github.nvs4j.csv.internal;

import java.nio.charset.StandardCharsets;

/**
 * How user values appear inside error messages: quoted, control characters escaped, long values shortened, so that a
 * message stays one readable line whatever the input holds.
 */
public final class Shown {

    /** Longest value shown in full, in code points. */
    static final int MAX_SHOWN = 40;

    private Shown() {
    }

    /**
     * @param text a value
     * @return the value in single quotes, escaped, shortened to {@value #MAX_SHOWN} code points with a note of its
     *         length when longer
     */
    public static String text(String text) {
        int total = text.codePointCount(0, text.length());
        String quoted = quote(text);
        return total > MAX_SHOWN ? quoted + " (" + total + " characters)" : quoted;
    }

    /**
     * @param bytes file content
     * @return the start of the content as text (invalid UTF-8 replaced), quoted and escaped like
     *         {@link #text(String)}, with the byte count when the content is longer than what is shown
     */
    public static String bytes(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_SHOWN * 4), StandardCharsets.UTF_8);
        String quoted = quote(text);
        boolean cut = bytes.length > MAX_SHOWN * 4 || text.codePointCount(0, text.length()) > MAX_SHOWN;
        return cut ? quoted + " (" + bytes.length + " bytes)" : quoted;
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("'");
        int shown = 0;
        int i = 0;
        for (; i < text.length() && shown < MAX_SHOWN; shown++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                default -> {
                    int type = Character.getType(cp);
                    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        if (i < text.length()) {
            sb.append('…');
        }
        return sb.append('\'').toString();
    }

    /**
     * @param cp a code point
     * @return the character quoted and escaped, for example {@code 'z'} or {@code '\u00e9'}
     */
    public static String character(int cp) {
        return text(new String(Character.toChars(cp)));
    }
}
