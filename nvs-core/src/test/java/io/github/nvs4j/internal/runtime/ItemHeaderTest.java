package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.NvsCrc;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The header checks of nvs-format.md §2.7 and the table CRC against the shared {@link NvsCrc}. */
class ItemHeaderTest {

    private static final byte[] COUNT = HexFormat.of().parseHex(
            "010101ff64d07801" + "636f756e740000000000000000000000" + "2affffffffffffff");

    @Test
    void workedExampleOfSection12IsValid() {
        assertThat(ItemHeader.entryCrc(COUNT, 0)).isEqualTo(0x0178D064);
        assertThat(ItemHeader.check(COUNT, 0, 1)).isEqualTo(ItemHeader.VALID);
    }

    @Test
    void tableCrcAgreesWithTheSharedCrc() {
        Random random = new Random(1);
        byte[] b = new byte[32];
        for (int i = 0; i < 1000; i++) {
            random.nextBytes(b);
            assertThat(ItemHeader.entryCrc(b, 0)).isEqualTo(NvsCrc.entry(b, 0));
            byte[] in = new byte[18];
            in[0] = b[0];
            System.arraycopy(b, 8, in, 1, 16);
            in[17] = b[3];
            assertThat(ItemHeader.storedHash(b, 0)).isEqualTo(NvsCrc.of(in, 0, 18) & 0xFFFFFF);
        }
    }

    private static byte[] header(int type, int span, int chunk, int size) {
        byte[] b = COUNT.clone();
        b[1] = (byte) type;
        b[2] = (byte) span;
        b[3] = (byte) chunk;
        b[24] = (byte) size;
        b[25] = (byte) (size >> 8);
        b[26] = (byte) (size >> 16);
        b[27] = (byte) (size >> 24);
        int crc = NvsCrc.entry(b, 0);
        b[4] = (byte) crc;
        b[5] = (byte) (crc >> 8);
        b[6] = (byte) (crc >> 16);
        b[7] = (byte) (crc >> 24);
        return b;
    }

    @Test
    void rulesOfSection27() {
        assertThat(ItemHeader.check(header(0x01, 2, 0xFF, 0), 0, 0)).isEqualTo(ItemHeader.INCONSISTENT);
        assertThat(ItemHeader.check(header(0x24, 1, 0xFF, 0), 0, 0)).isEqualTo(ItemHeader.VALID);
        assertThat(ItemHeader.check(header(0x33, 1, 0xFF, 0), 0, 0)).isEqualTo(ItemHeader.UNKNOWN_TYPE);
        // strings: span = 1 + ceil(size / 32), inside the page
        assertThat(ItemHeader.check(header(0x21, 2, 0xFF, 10), 0, 124)).isEqualTo(ItemHeader.VALID);
        assertThat(ItemHeader.check(header(0x21, 2, 0xFF, 10), 0, 125)).isEqualTo(ItemHeader.INCONSISTENT);
        assertThat(ItemHeader.check(header(0x21, 3, 0xFF, 10), 0, 0)).isEqualTo(ItemHeader.INCONSISTENT);
        assertThat(ItemHeader.check(header(0x21, 126, 0xFF, 4000), 0, 0)).isEqualTo(ItemHeader.VALID);
        // blob chunks need a chunk index, blob indexes must not have one
        assertThat(ItemHeader.check(header(0x42, 1, 0xFF, 0), 0, 0)).isEqualTo(ItemHeader.INCONSISTENT);
        assertThat(ItemHeader.check(header(0x42, 1, 0x00, 0), 0, 0)).isEqualTo(ItemHeader.VALID);
        assertThat(ItemHeader.check(header(0x48, 1, 0x00, 10), 0, 0)).isEqualTo(ItemHeader.INCONSISTENT);
        assertThat(ItemHeader.check(header(0x48, 1, 0xFF, 508000), 0, 0)).isEqualTo(ItemHeader.VALID);
        assertThat(ItemHeader.check(header(0x48, 1, 0xFF, 508001), 0, 0)).isEqualTo(ItemHeader.INCONSISTENT);
        byte[] bad = header(0x01, 1, 0xFF, 0);
        bad[30] ^= 1;
        assertThat(ItemHeader.check(bad, 0, 0)).isEqualTo(ItemHeader.BAD_CRC);
    }
}
