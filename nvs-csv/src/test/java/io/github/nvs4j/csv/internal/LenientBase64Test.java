package io.github.nvs4j.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's lenient {@code a2b_base64}: the recorded results of spec §8.4 and conformance case {@code base64_lenient}. */
class LenientBase64Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'MTIz YWJj\nZA=='|313233616263 64",
        "abc-_d|69b71d",
        "MTIzYQ===|31323361",
        "MTIzYQ==MTIz|31323361",
        "=MTIz|313233",
        "MT=Iz|313233",
        "''|''",
        "MTIzYQ==|31323361",
        "MTIzYWI=|3132336162",
        "MTIzYWJj|313233616263"})
    void decodesAsPythonDoes(String encoded, String hex) {
        byte[] expected = HexFormat.of().parseHex(hex.replace(" ", ""));
        assertThat(LenientBase64.decode(encoded.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void missingPaddingIsAnError() {
        assertThatThrownBy(() -> LenientBase64.decode("MTIzYQ".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding")
                .hasMessageContaining("'=='");
    }

    @org.junit.jupiter.api.Test
    void oneCharacterMoreThanAGroupIsAnError() {
        // CPython: "number of data characters (5) cannot be 1 more than a multiple of 4"
        assertThatThrownBy(() -> LenientBase64.decode("MTIzY".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 data characters");
    }

    @org.junit.jupiter.api.Test
    void nonAsciiBytesOfAFileAreSkipped() {
        byte[] input = "MTIz\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(LenientBase64.decode(input)).isEqualTo("123".getBytes(StandardCharsets.US_ASCII));
    }
}
