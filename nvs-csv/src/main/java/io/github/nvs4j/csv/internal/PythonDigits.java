package io.github.nvs4j.csv.internal;

import java.util.Arrays;

/**
 * The decimal digits of Python 3.11 ({@code str.isdecimal()}, {@code \d} in {@code re}, the digits {@code int()}
 * accepts): Unicode 14.0 general category Nd. A fixed table, because Java's {@link Character} follows the Unicode
 * version of the running JDK (Java 17: Unicode 13, without the Tangsa digits U+16AC0…U+16AC9 that Python 3.11
 * accepts; Java 21: Unicode 15, with digits Python 3.11 refuses).
 */
final class PythonDigits {

    /** The first code point (digit zero) of each run of ten decimal digits of Unicode 14.0, in ascending order. */
    private static final int[] ZEROS = {
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
        0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
        0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950,
        0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
        0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};

    private PythonDigits() {
    }

    /**
     * @param cp a code point
     * @return its value 0…9 if Python 3.11 counts it as a decimal digit, otherwise −1
     */
    static int value(int cp) {
        int i = Arrays.binarySearch(ZEROS, cp);
        int zero = i >= 0 ? ZEROS[i] : i == -1 ? -1 : ZEROS[-i - 2];
        return zero >= 0 && cp - zero < 10 ? cp - zero : -1;
    }
}
