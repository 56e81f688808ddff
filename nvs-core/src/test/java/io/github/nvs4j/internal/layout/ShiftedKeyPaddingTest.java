package io.github.nvs4j.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generator's zero run for non-ASCII keys (spec §2.5). Expected counts: Python's {@code len(key.encode())
 * - len(key)}; expected bytes: {@code testdata/oracle-cases/key_utf8_fixed_padding} (recorded with the generator).
 */
class ShiftedKeyPaddingTest {

    @ParameterizedTest
    @CsvSource({"abc,0", "\u00e9,1", "\u00e9\u00e9,2", "\u20ac\u20ac,4", "\u0436\u20ac\u20ac,5",
        "\u20ac\u20ac\u20ac\u20ac\u20ac,10", "\uD83D\uDE00,3", "a\uD83D\uDE00\u00e9,4"})
    void extraBytesAreUtf8BytesMinusCodePoints(String key, int extra) {
        assertThat(ShiftedKeyPadding.extraBytes(key)).isEqualTo(extra);
    }

    @Test
    void zerosOnlyTheUnusedBytesTheRunReachesAndResealsTheCrc() {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 0xFF);
        b[24] = 5;
        ShiftedKeyPadding.apply(b, 0, ShiftedKeyPadding.extraBytes("\u00e9\u00e9"), 25, 32); // u8: run of 2 covers bytes 24-25, 24 is the value
        assertThat(b[24]).isEqualTo((byte) 5);
        assertThat(b[25]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(b, 26, 32)).containsOnly((byte) 0xFF);
        assertThat(Arrays.copyOfRange(b, 4, 8)).isNotEqualTo(new byte[] {-1, -1, -1, -1});

        byte[] ascii = new byte[32];
        Arrays.fill(ascii, (byte) 0xFF);
        ShiftedKeyPadding.apply(ascii, 0, ShiftedKeyPadding.extraBytes("plain"), 25, 32);
        assertThat(ascii).containsOnly((byte) 0xFF);
    }
}
