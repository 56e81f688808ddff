package io.github.nvs4j.read;

import io.github.nvs4j.testing.ConformanceCase;
import io.github.nvs4j.write.FormatVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NvsReader#formatVersion(byte[])}: the version the generator was run with, read back from its images. */
class FormatVersionOfImagesTest {

    static List<ConformanceCase> generated() {
        List<ConformanceCase> cases = ConformanceCase.ofKind("generate").stream()
                .filter(c -> c.subcommand().equals("generate") && c.version().isPresent()).toList();
        assertThat(cases).hasSizeGreaterThan(40)
                .anySatisfy(c -> assertThat(c.version()).contains(FormatVersion.V1))
                .anySatisfy(c -> assertThat(c.version()).contains(FormatVersion.V2));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void isTheVersionTheGeneratorWasRunWith(ConformanceCase c) {
        assertThat(NvsReader.formatVersion(c.bytes("expected.bin"))).isEqualTo(c.version());
    }

    @Test
    void blankImagesAndPartialPagesHaveNone() {
        byte[] blank = new byte[3 * 4096 + 100];
        Arrays.fill(blank, (byte) 0xFF);
        assertThat(NvsReader.formatVersion(blank)).isEmpty();
        assertThat(NvsReader.formatVersion(new byte[0])).isEmpty();
        byte[] partial = new byte[4000]; // state word 0: initialised, but not a whole page
        assertThat(NvsReader.formatVersion(partial)).isEmpty();
    }

    @Test
    void aPageNewerThanFormat2HasNone() {
        byte[] image = ConformanceCase.named("string_basic").bytes("expected.bin");
        assertThat(NvsReader.formatVersion(image)).contains(FormatVersion.V2);
        image[8] = (byte) 0xFD;
        assertThat(NvsReader.formatVersion(image)).isEqualTo(Optional.empty());
    }

    @Test
    void oneFormat2PageMakesTheImageFormat2() {
        byte[] image = ConformanceCase.named("string_basic").bytes("expected.bin"); // 3 pages, only the first used
        image[8] = (byte) 0xFF;
        assertThat(NvsReader.formatVersion(image)).contains(FormatVersion.V1);
        image[2 * 4096] = (byte) 0xFE; // the last page: state word ACTIVE ...
        assertThat(NvsReader.formatVersion(image)).contains(FormatVersion.V1);
        image[2 * 4096 + 8] = (byte) 0xFE; // ... and version byte 0xFE
        assertThat(NvsReader.formatVersion(image)).contains(FormatVersion.V2);
    }
}
