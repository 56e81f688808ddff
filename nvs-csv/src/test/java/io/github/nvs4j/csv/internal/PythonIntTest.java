package io.github.nvs4j.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python {@code int()} syntax. Expected values: spec §8.3, the inputs of conformance case {@code int_python_syntax}
 * (recorded with the generator), and CPython 3.11.7 (the version the corpus was recorded with) for the edge cases.
 */
class PythonIntTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "' 42 '|42", "+7|7", "1_000|1000", "007|7", "-0|0", "'\t-5\t'|-5",
        "\u0663|3", "\u0661\u0662|12", "\uff11\uff12|12",           // Arabic-Indic and fullwidth digits
        "\u20005|5", "5\u3000|5", "\u00855|5", "\u000b5|5",         // Unicode and ASCII whitespace
        "0|0", "18446744073709551615|18446744073709551615", "-9223372036854775808|-9223372036854775808",
        "0_7|7", "1_2_3|123",
        "\uD81A\uDEC1\uD81A\uDEC2|12",   // Tangsa digits U+16AC1 U+16AC2 (Unicode 14: Python 3.11, not Java 17)
        "\uD835\uDFCF|1"})               // U+1D7CF MATHEMATICAL BOLD DIGIT ONE
    void acceptsWhatPythonAccepts(String text, String expected) {
        assertThat(PythonInt.parse(text)).contains(new BigInteger(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0x10", "1e3", "5.0", "_1", "1_", "1__0", "- 5", "+", "--5", "1 2",
        "\u001c5", "5\u001f", "\u00e95", "12a", "\u00bd",
        "\uD807\uDF51"})                 // Kawi digit one U+11F51 (Unicode 15: not a digit for Python 3.11)
    void refusesWhatPythonRefuses(String text) {
        assertThat(PythonInt.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' 42\n'|42", "'\u000b5'|5", "-12|-12"})
    void bytesAcceptAsciiOnly(String text, String expected) {
        assertThat(PythonInt.parse(text.getBytes(StandardCharsets.UTF_8))).contains(new BigInteger(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0663", "\u001c5", "4\u00002", "", "\u20005"})
    void bytesRefuseNonAsciiDigitsAndSpaces(String text) {
        assertThat(PythonInt.parse(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void hugeNumbersStayCheapAndOutOfRange() {
        Optional<BigInteger> big = PythonInt.parse("9".repeat(100_000));
        assertThat(big).hasValueSatisfying(v -> assertThat(v).isGreaterThan(BigInteger.ONE.shiftLeft(64)));
        assertThat(PythonInt.parse("-" + "9".repeat(50))).hasValueSatisfying(
                v -> assertThat(v).isLessThan(BigInteger.ONE.shiftLeft(63).negate()));
        assertThat(PythonInt.parse("0".repeat(1000) + "42")).contains(BigInteger.valueOf(42));
    }
}
