package io.github.nvs4j.internal.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Known outputs of glibc's {@code printf("%.17g")} and {@code printf("%.9g", (double) f)}. */
class CFloatFormatTest {

    @Test
    void doublesWithSeventeenDigits() {
        assertThat(CFloatFormat.g(0.1, 17)).isEqualTo("0.10000000000000001");
        assertThat(CFloatFormat.g(1.0, 17)).isEqualTo("1");
        assertThat(CFloatFormat.g(2.5, 17)).isEqualTo("2.5");
        assertThat(CFloatFormat.g(100.0, 17)).isEqualTo("100");
        assertThat(CFloatFormat.g(1e16, 17)).isEqualTo("10000000000000000");
        assertThat(CFloatFormat.g(1e17, 17)).isEqualTo("1e+17");
        assertThat(CFloatFormat.g(1e100, 17)).isEqualTo("1e+100");
        assertThat(CFloatFormat.g(123456789012345678.0, 17)).isEqualTo("1.2345678901234568e+17");
        assertThat(CFloatFormat.g(1e-5, 17)).isEqualTo("1.0000000000000001e-05");
        assertThat(CFloatFormat.g(Math.PI, 17)).isEqualTo("3.1415926535897931");
        assertThat(CFloatFormat.g(-Math.E, 17)).isEqualTo("-2.7182818284590451");
        assertThat(CFloatFormat.g(Double.MAX_VALUE, 17)).isEqualTo("1.7976931348623157e+308");
        assertThat(CFloatFormat.g(Double.MIN_VALUE, 17)).isEqualTo("4.9406564584124654e-324");
        assertThat(CFloatFormat.g(0.0, 17)).isEqualTo("0");
        assertThat(CFloatFormat.g(-0.0, 17)).isEqualTo("-0");
    }

    @Test
    void floatsWithNineDigits() {
        assertThat(CFloatFormat.g(0.1f, 9)).isEqualTo("0.100000001");
        assertThat(CFloatFormat.g((float) Math.PI, 9)).isEqualTo("3.14159274");
        assertThat(CFloatFormat.g(1e-5f, 9)).isEqualTo("9.99999975e-06");
        assertThat(CFloatFormat.g(0.0001f, 9)).isEqualTo("9.99999975e-05");
        assertThat(CFloatFormat.g(0.001f, 9)).isEqualTo("0.00100000005");
        assertThat(CFloatFormat.g(16777216f, 9)).isEqualTo("16777216");
        assertThat(CFloatFormat.g(123456789f, 9)).isEqualTo("123456792");
        assertThat(CFloatFormat.g(1e9f, 9)).isEqualTo("1e+09");
        assertThat(CFloatFormat.g(-1.5f, 9)).isEqualTo("-1.5");
    }

    @Test
    void specialValues() {
        assertThat(CFloatFormat.g(Double.NaN, 17)).isEqualTo("nan");
        assertThat(CFloatFormat.g(Double.longBitsToDouble(0xFFF8000000000000L), 17)).isEqualTo("-nan");
        assertThat(CFloatFormat.g(Double.POSITIVE_INFINITY, 9)).isEqualTo("inf");
        assertThat(CFloatFormat.g(Double.NEGATIVE_INFINITY, 9)).isEqualTo("-inf");
    }
}
