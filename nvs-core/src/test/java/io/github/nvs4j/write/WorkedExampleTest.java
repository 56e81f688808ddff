package io.github.nvs4j.write;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static io.github.nvs4j.write.ImageAssert.assertSameImage;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/nvs-format.md §12 (recorded with the generator 0.2.0), byte for byte. */
class WorkedExampleTest {

    /** Page 0, offsets 0x000–0x11F, as printed in §12 (format 2). */
    private static final String PAGE0_V2 = """
            fe ff ff ff 00 00 00 00 fe ff ff ff ff ff ff ff
            ff ff ff ff ff ff ff ff ff ff ff ff 84 2d ba b9
            aa ea ff ff ff ff ff ff ff ff ff ff ff ff ff ff
            ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff
            00 01 01 ff 09 a9 50 07 73 74 6f 72 61 67 65 00
            00 00 00 00 00 00 00 00 01 ff ff ff ff ff ff ff
            01 01 01 ff 64 d0 78 01 63 6f 75 6e 74 00 00 00
            00 00 00 00 00 00 00 00 2a ff ff ff ff ff ff ff
            01 21 02 ff 22 6a 9e 7a 67 72 65 65 74 69 6e 67
            00 00 00 00 00 00 00 00 0a 00 ff ff 35 0e 3b 15
            48 65 6c 6c 6f 20 4e 56 53 00 ff ff ff ff ff ff
            ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff
            01 42 02 00 1c 26 a9 6e 62 6c 6f 62 00 00 00 00
            00 00 00 00 00 00 00 00 06 00 ff ff de 27 7a f7
            de ad be ef 01 02 ff ff ff ff ff ff ff ff ff ff
            ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff
            01 48 01 ff dd f6 bb ba 62 6c 6f 62 00 00 00 00
            00 00 00 00 00 00 00 00 06 00 00 00 01 00 ff ff
            """;

    /** The §12 CSV, built by hand. */
    static NvsData example() {
        return NvsData.builder()
                .namespace("storage")
                .put("count", new NvsValue.U8(42))
                .put("greeting", NvsValue.Str.of("Hello NVS"))
                .put("blob", NvsValue.Blob.of(HexFormat.of().parseHex("DEADBEEF0102")))
                .build();
    }

    private static byte[] expectedImage(String page0Head) {
        byte[] expected = new byte[0x3000];
        Arrays.fill(expected, (byte) 0xFF);
        byte[] head = HexFormat.of().parseHex(page0Head.replaceAll("\\s+", ""));
        System.arraycopy(head, 0, expected, 0, head.length);
        return expected;
    }

    @Test
    void formatTwoMatchesTheRecordedBytes() {
        byte[] image = NvsWriter.write(example(), 0x3000, FormatVersion.V2);
        assertSameImage("§12 format 2", image, expectedImage(PAGE0_V2));
    }

    @Test
    void formatOneChangesOnlyVersionCrcBlobAndBitmap() {
        // §12: version byte ff, header CRC c2 16 dd dc, the blob as one legacy item at entry 4
        // "01 41 02 ff 38 a7 58 c1 blob…" with the same size and data CRC, no index, bitmap aa fa.
        String v1 = PAGE0_V2
                .replace("fe ff ff ff 00 00 00 00 fe ff", "fe ff ff ff 00 00 00 00 ff ff")
                .replace("84 2d ba b9", "c2 16 dd dc")
                .replace("aa ea ff", "aa fa ff")
                .replace("01 42 02 00 1c 26 a9 6e", "01 41 02 ff 38 a7 58 c1")
                .replace("""
                        01 48 01 ff dd f6 bb ba 62 6c 6f 62 00 00 00 00
                        00 00 00 00 00 00 00 00 06 00 00 00 01 00 ff ff
                        """, "");
        assertThat(v1).isNotEqualTo(PAGE0_V2).doesNotContain("01 48 01");
        byte[] image = NvsWriter.write(example(), 0x3000, FormatVersion.V1);
        assertSameImage("§12 format 1", image, expectedImage(v1));
    }
}
