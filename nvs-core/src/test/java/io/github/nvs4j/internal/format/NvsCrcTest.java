package io.github.nvs4j.internal.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Known answers from the specification (docs/nvs-format.md §2.3, §12). */
class NvsCrcTest {

    @Test
    void checkValue() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(NvsCrc.of(digits, 0, digits.length)).isEqualTo(0xD202D277);
    }

    @Test
    void emptyInputAndFourZeros() {
        assertThat(NvsCrc.of(new byte[0], 0, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(NvsCrc.of(new byte[4], 0, 4)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void workedExampleEntryAndHeader() {
        byte[] entry = HexFormat.of().parseHex(
                "010101ff64d07801" + "636f756e7400000000000000000000" + "00" + "2affffffffffffff");
        assertThat(NvsCrc.entry(entry, 0)).isEqualTo(0x0178D064);

        byte[] page = new byte[Page.SIZE];
        Page.writeHeader(page, 0, PageState.ACTIVE, 0, Page.VERSION_2);
        assertThat(Page.storedHeaderCrc(page, 0)).isEqualTo(0xB9BA2D84);
        Page.writeHeader(page, 0, PageState.ACTIVE, 0, Page.VERSION_1);
        assertThat(Page.storedHeaderCrc(page, 0)).isEqualTo(0xDCDD16C2);
    }
}
