package io.github.nvs4j.internal.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf("%.Pg", x)} as glibc prints it: P significant digits from the exact binary value, rounded half
 * to even; style {@code %e} when the decimal exponent X is below -4 or at least P, style {@code %f} otherwise;
 * trailing zeros and a trailing decimal point removed; exponents with a sign and at least two digits;
 * {@code inf}, {@code -inf}, {@code nan}, {@code -nan}.
 */
final class CFloatFormat {

    private CFloatFormat() {
    }

    /**
     * @param x the value
     * @param precision P, at least 1
     * @return the text {@code %.Pg} prints
     */
    static String g(double x, int precision) {
        boolean negative = (Double.doubleToRawLongBits(x) & Long.MIN_VALUE) != 0;
        if (Double.isNaN(x)) {
            return negative ? "-nan" : "nan";
        }
        if (Double.isInfinite(x)) {
            return negative ? "-inf" : "inf";
        }
        if (x == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(x).abs().round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        StringBuilder out = new StringBuilder(32);
        if (negative) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= precision) {
            String digits = rounded.unscaledValue().toString();
            out.append(digits.charAt(0));
            String fraction = stripZeros(digits.substring(1));
            if (!fraction.isEmpty()) {
                out.append('.').append(fraction);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else {
            String plain = rounded.toPlainString();
            int dot = plain.indexOf('.');
            if (dot >= 0) {
                String fraction = stripZeros(plain.substring(dot + 1));
                out.append(plain, 0, dot);
                if (!fraction.isEmpty()) {
                    out.append('.').append(fraction);
                }
            } else {
                out.append(plain);
            }
        }
        return out.toString();
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }
}
