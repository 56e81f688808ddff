package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** File names as {@code mfg_gen.py} makes them (spec §10.2). */
class OutputNamesTest {

    /** Expected values: Python 3.11.7 {@code f"{n:0{w}}"}. */
    @ParameterizedTest
    @CsvSource({"-5,4,-005", "7,3,007", "123,2,123", "5,0,5", "0,1,0", "-1,1,-1", "42,5,00042", "-123,2,-123"})
    void zeroPaddingMatchesPythonFormat(long number, int width, String expected) {
        assertThat(OutputNames.zeroPadded(number, width)).isEqualTo(expected);
    }

    @Test
    void defaultIdIsTheDeviceNumber() {
        OutputNames names = new OutputNames(MfgOptions.builder("dev", 0x3000).build(), -1);
        assertThat(names.baseName(row(3, "x"), List.of("x"), "v.csv")).isEqualTo("dev-3");
    }

    @Test
    void prefixNumCountsFromStartPerDevice() {
        OutputNames names = new OutputNames(MfgOptions.builder("dev", 0x3000).prefixNum(98, 3).build(), -1);
        assertThat(names.baseName(row(1, "x"), List.of("x"), "v.csv")).isEqualTo("dev-098-1");
        assertThat(names.baseName(row(3, "x"), List.of("x"), "v.csv")).isEqualTo("dev-100-3");
        assertThat(names.namesCanRepeat()).isFalse();
    }

    @Test
    void fileidTakesTheColumnValue() {
        OutputNames names = new OutputNames(MfgOptions.builder("dev", 0x3000).fileid("sn").prefixNum(1, 2).build(),
                1);
        assertThat(names.baseName(row(1, "a", "SN-7"), List.of("a", "SN-7"), "v.csv")).isEqualTo("dev-01-SN-7");
    }

    @Test
    void keyFileNamesFollowMfgGen() {
        assertThat(OutputNames.keyFileName("dev-1")).isEqualTo("keys-dev-1.bin");
        assertThat(OutputNames.hmacKeyFileName("dev-1")).isEqualTo("hmac-keys-dev-1.bin");
        OutputNames named = new OutputNames(MfgOptions.builder("dev", 0x3000).keygen(true).keyProtectHmac(true)
                .kpHmacKeygen(true).kpHmacKeyfile("my_hmac").build(), -1);
        assertThat(named.hmacKeyFile(Path.of("out", "keys"), "dev-1")).isEqualTo(Path.of("out", "keys", "my_hmac.bin"));
    }

    @Test
    void overlongNamesAreRefused() {
        OutputNames names = new OutputNames(MfgOptions.builder("p".repeat(250), 0x3000).build(), -1);
        assertThatThrownBy(() -> names.baseName(row(1, "x"), List.of("x"), "v.csv"))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("longer than 255 bytes");
    }

    private static DeviceRow row(int number, String... values) {
        return new DeviceRow(number, number + 1, List.of(values));
    }
}
