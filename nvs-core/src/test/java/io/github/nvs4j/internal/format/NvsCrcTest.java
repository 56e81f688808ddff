package io.github.nvs4j.internal.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

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

    /** The spec's reference definition (§2.3): the JDK's CRC32 over {@code FF FF FF FF ‖ x}. */
    private static int reference(byte[]... pieces) {
        CRC32 crc = new CRC32();
        crc.update(new byte[] {-1, -1, -1, -1});
        for (byte[] piece : pieces) {
            crc.update(piece);
        }
        return (int) crc.getValue();
    }

    @Test
    void everyLengthAndOffsetAgreesWithTheSpecDefinition() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] buf = new byte[4100 + 16];
        random.nextBytes(buf);
        for (int len = 0; len <= 4100; len += len < 200 ? 1 : 37) {
            for (int off = 0; off < 16; off += 5) {
                byte[] x = java.util.Arrays.copyOfRange(buf, off, off + len);
                assertThat(NvsCrc.of(buf, off, len)).as("length %d offset %d", len, off).isEqualTo(reference(x));
            }
        }
        assertThat(NvsCrc.of(buf, 3, 4001)).isEqualTo(reference(java.util.Arrays.copyOfRange(buf, 3, 4004)));
        assertThat(NvsCrc.of(buf, 3, 4100)).isEqualTo(reference(java.util.Arrays.copyOfRange(buf, 3, 4103)));
    }

    @Test
    void entryCrcAgreesWithTheSpecDefinition() {
        SplittableRandom random = new SplittableRandom(32);
        byte[] image = new byte[32 * 300 + 7];
        random.nextBytes(image);
        for (int e = 0; e + 32 <= image.length; e += 31) {
            byte[] head = java.util.Arrays.copyOfRange(image, e, e + 4);
            byte[] rest = java.util.Arrays.copyOfRange(image, e + 8, e + 32);
            assertThat(NvsCrc.entry(image, e)).as("entry at %d", e).isEqualTo(reference(head, rest));
        }
    }

    @Test
    void rangesOutsideTheArrayAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NvsCrc.of(new byte[10], 5, 6))
                .isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NvsCrc.entry(new byte[40], 9))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
