package io.github.nvs4j.csv.internal;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The integer syntax of Python's {@code int(value)} in base 10, which the generator applies to the values of
 * {@code u8} … {@code i64} rows: whitespace around the number, an optional sign, leading zeros, single {@code _}
 * between digits. For text (a {@code data} row) Unicode whitespace and Unicode decimal digits (for example
 * Arabic-Indic or fullwidth digits, as Python 3.11 knows them: {@link PythonDigits}) count too; for bytes (a
 * {@code file} row) only ASCII does.
 *
 * <p>Huge inputs stay cheap: a number with more than {@value #MAX_DIGITS} significant digits, far outside every NVS
 * range, is returned as &plusmn;10<sup>{@value #MAX_DIGITS}</sup> instead of being converted.
 */
public final class PythonInt {

    /** Significant digits beyond which a number is replaced by a stand-in that is out of every NVS range. */
    static final int MAX_DIGITS = 30;

    private static final char INVALID = '?';

    private PythonInt() {
    }

    /**
     * Parses text as {@code int(text)} does.
     *
     * @param text the value of a {@code data} row
     * @return the number, or empty when Python would raise {@code ValueError}
     */
    public static Optional<BigInteger> parse(String text) {
        long simple = simpleDecimal(text);
        if (simple != NOT_SIMPLE) {
            return Optional.of(BigInteger.valueOf(simple));
        }
        // CPython first maps Unicode whitespace to ' ' and Unicode decimal digits to ASCII digits; any other
        // non-ASCII character makes the literal invalid. Characters below U+007F are kept as they are.
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x7F) {
                ascii.append((char) cp);
            } else if (PythonWhitespace.isTextSpace(cp)) {
                ascii.append(' ');
            } else if (PythonDigits.value(cp) >= 0) {
                ascii.append((char) ('0' + PythonDigits.value(cp)));
            } else {
                ascii.append(INVALID);
                break;
            }
        }
        return parseAscii(ascii);
    }

    /**
     * Parses bytes as {@code int(bytes)} does (ASCII only).
     *
     * @param bytes the content of the file named by a {@code file} row
     * @return the number, or empty when Python would raise {@code ValueError}
     */
    public static Optional<BigInteger> parse(byte[] bytes) {
        StringBuilder ascii = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x80 || v == 0) {
                return Optional.empty();
            }
            ascii.append((char) v);
        }
        return parseAscii(ascii);
    }

    /** {@link #simpleDecimal}'s answer for text that needs the general parser. */
    private static final long NOT_SIMPLE = Long.MIN_VALUE;

    /**
     * The common case without copies (CsvBenchmark): an optional sign and 1 to 18 ASCII digits, nothing else, which
     * the general parser reads as the same number.
     *
     * @return the value, or {@link #NOT_SIMPLE}
     */
    private static long simpleDecimal(String text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (n == i || n - i > 18) {
            return NOT_SIMPLE;
        }
        long value = 0;
        for (int j = i; j < n; j++) {
            char c = text.charAt(j);
            if (c < '0' || c > '9') {
                return NOT_SIMPLE;
            }
            value = value * 10 + (c - '0');
        }
        return text.charAt(0) == '-' ? -value : value;
    }

    /** {@code PyLong_FromString} in base 10 on ASCII text; whitespace is C's {@code isspace}. */
    private static Optional<BigInteger> parseAscii(CharSequence s) {
        int i = 0;
        int n = s.length();
        while (i < n && PythonWhitespace.isByteSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        StringBuilder digits = new StringBuilder();
        char previous = '_'; // a leading '_' is invalid, like a doubled one
        int digitCount = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (previous == '_') {
                    return Optional.empty();
                }
            } else if (c >= '0' && c <= '9') {
                digitCount++;
                if (digits.length() > 0 || c != '0') {
                    digits.append(c);
                }
            } else {
                break;
            }
            previous = c;
        }
        if (digitCount == 0 || previous == '_') {
            return Optional.empty();
        }
        while (i < n && PythonWhitespace.isByteSpace(s.charAt(i))) {
            i++;
        }
        if (i != n) {
            return Optional.empty();
        }
        BigInteger magnitude = digits.length() == 0 ? BigInteger.ZERO
                : digits.length() > MAX_DIGITS ? BigInteger.TEN.pow(MAX_DIGITS)
                : new BigInteger(digits.toString());
        return Optional.of(negative ? magnitude.negate() : magnitude);
    }
}
