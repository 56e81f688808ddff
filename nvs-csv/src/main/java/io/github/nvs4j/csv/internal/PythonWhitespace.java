package io.github.nvs4j.csv.internal;

/**
 * Python's two notions of whitespace, as the generator meets them: {@code str.strip()} and {@code str.isspace()} for
 * text (Unicode whitespace), and {@code bytes.strip()} for file contents (ASCII whitespace only).
 */
public final class PythonWhitespace {

    private PythonWhitespace() {
    }

    /**
     * Tells whether Python's {@code str.isspace()} is true for a code point: the ASCII whitespace characters, the
     * separators U+001C…U+001F, and the Unicode spaces and line separators.
     *
     * @param cp a code point
     * @return whether Python strips it from text
     */
    public static boolean isTextSpace(int cp) {
        if (cp < 0x80) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * Tells whether Python's {@code bytes.strip()} (and C's {@code isspace} in the {@code C} locale) treats a byte as
     * whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
     *
     * @param b a byte value (0…255)
     * @return whether it is ASCII whitespace
     */
    public static boolean isByteSpace(int b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D);
    }

    /**
     * Python's {@code str.strip()} without arguments.
     *
     * @param text the text
     * @return the text without leading and trailing whitespace
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end) {
            int cp = text.codePointAt(start);
            if (!isTextSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = text.codePointBefore(end);
            if (!isTextSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(start, end);
    }

    /**
     * Python's {@code bytes.strip()} without arguments.
     *
     * @param bytes the bytes
     * @return a copy without leading and trailing ASCII whitespace
     */
    public static byte[] strip(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        while (start < end && isByteSpace(bytes[start] & 0xFF)) {
            start++;
        }
        while (end > start && isByteSpace(bytes[end - 1] & 0xFF)) {
            end--;
        }
        return java.util.Arrays.copyOfRange(bytes, start, end);
    }
}
