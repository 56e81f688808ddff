package io.github.nvs4j.cli;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Integers as Python's {@code int(text, 0)} and {@code int(text)} read them, for the size and number arguments of the
 * Python tools ({@code nvs-format.md} §6.1): surrounding whitespace, a sign, the prefixes {@code 0x}, {@code 0o} and
 * {@code 0b} (any letter case, base 0 only), single {@code _} separators between digits (and after a prefix), and
 * Unicode decimal digits. In base 0 a decimal number may not start with {@code 0} unless every digit is {@code 0}
 * ({@code 012288} is refused, as by Python).
 */
final class PythonInt {

    private PythonInt() {
    }

    /**
     * Parses like {@code int(text, 0)}.
     *
     * @param text the argument
     * @return the value, or empty if Python would raise {@code ValueError}
     */
    static Optional<BigInteger> parseAnyBase(String text) {
        return parse(text, true);
    }

    /**
     * Parses like {@code int(text)} (base 10).
     *
     * @param text the argument
     * @return the value, or empty if Python would raise {@code ValueError}
     */
    static Optional<BigInteger> parseDecimal(String text) {
        return parse(text, false);
    }

    private static Optional<BigInteger> parse(String text, boolean anyBase) {
        String s = ascii(strip(text));
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        boolean negative = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int radix = 10;
        boolean prefixed = false;
        if (anyBase && s.length() >= i + 2 && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
            if (radix != 10) {
                i += 2;
                prefixed = true;
            }
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean lastUnderscore = !prefixed; // an underscore may follow a prefix, never lead a plain number
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '_') {
                if (lastUnderscore) {
                    return Optional.empty();
                }
                lastUnderscore = true;
                continue;
            }
            if (Character.digit(c, radix) < 0) {
                return Optional.empty();
            }
            digits.append(c);
            lastUnderscore = false;
        }
        if (digits.length() == 0 || lastUnderscore) {
            return Optional.empty();
        }
        if (anyBase && radix == 10 && digits.charAt(0) == '0' && digits.chars().anyMatch(c -> c != '0')) {
            return Optional.empty(); // Python 3 refuses 012288 in base 0
        }
        BigInteger value = new BigInteger(digits.toString(), radix);
        return Optional.of(negative ? value.negate() : value);
    }

    /** Strips Python's whitespace (ASCII and Unicode spaces) from both ends. */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F) || c == 0x85
                || (c > 0x7F && Character.isWhitespace(c)) || Character.isSpaceChar(c);
    }

    /** Maps Unicode decimal digits to ASCII; any other non-ASCII character makes the text invalid (null). */
    private static String ascii(String s) {
        StringBuilder sb = null;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) {
                return null;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, k);
            }
            sb.append((char) ('0' + Character.digit(c, 10)));
        }
        return sb == null ? s : sb.toString();
    }
}
