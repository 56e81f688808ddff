package io.github.nvs4j.write;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The lead's decisions where the generator is wrong (task decisions 1, 2 and 4; see {@link NvsWriter}). */
class GeneratorDifferencesTest {

    private static int entry(int page, int index) {
        return page * 4096 + 64 + 32 * index;
    }

    private static void assertWellFormed(byte[] image, FormatVersion version, NvsData data) {
        ImageWalker.Result walk = ImageWalker.walk(image, version.headerByte());
        assertThat(walk.problems()).isEmpty();
        assertThat(walk.events()).containsExactlyElementsOf(ImageWalker.expectedEvents(data));
    }

    // Decision 1: strings of 3969–4000 bytes (span 126) go to entry 0 of a fresh page.

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {3968, 3980, 3999})
    void pageFillingStringStartsAFreshPage(int characters) {
        NvsData data = NvsData.builder().namespace("ns")
                .put("s", NvsValue.Str.of("y".repeat(characters)))
                .put("after", new NvsValue.U8(5))
                .build();
        byte[] image = NvsWriter.write(data, 0x4000, FormatVersion.V2);
        assertWellFormed(image, FormatVersion.V2, data);

        int header = entry(1, 0);
        assertThat(image[header + 1]).as("type SZ").isEqualTo((byte) 0x21);
        assertThat(image[header + 2] & 0xFF).as("span").isEqualTo(126);
        assertThat(ByteBuffer.wrap(image, header + 24, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF)
                .as("size with NUL").isEqualTo(characters + 1);
        // page 0 keeps only the namespace and is FULL; page 1 is completely used; the u8 opens page 2
        assertThat(image[32] & 0xFF).isEqualTo(0xFE);
        assertThat(Arrays.copyOfRange(image, 4096, 4100)).containsExactly(0xFC, 0xFF, 0xFF, 0xFF);
        assertThat(image[entry(2, 0) + 8]).isEqualTo((byte) 'a');
        assertThat(Arrays.copyOfRange(image, 8192, 8196)).containsExactly(0xFE, 0xFF, 0xFF, 0xFF);
    }

    @Test
    void stringOf3968BytesKeepsTheGeneratorRule() {
        // 3967 characters + NUL (span 125) is the generator's own maximum, recorded as string_max_v2:
        // it needs n == 0, so it too starts a fresh page when the namespace entry is on the current one.
        NvsData data = NvsData.builder().namespace("ns").put("u", new NvsValue.U8(1))
                .put("s", NvsValue.Str.of("z".repeat(3967))).build();
        byte[] image = NvsWriter.write(data, 0x3000, FormatVersion.V2);
        assertWellFormed(image, FormatVersion.V2, data);
        assertThat(image[entry(1, 0) + 2] & 0xFF).isEqualTo(125);
    }

    // Decision 2: blobs that need more than 127 chunks are refused.

    private static NvsData.Builder u8Run(int count) {
        NvsData.Builder b = NvsData.builder().namespace("ns");
        for (int i = 0; i < count; i++) {
            b.put("k" + i, new NvsValue.U8(i));
        }
        return b;
    }

    @Test
    void blobOf128ChunksIsRefusedWithKeyCountAndLimit() {
        // namespace + 119 u8 → the blob starts at entry 120: the first chunk gets (126 − 120 − 1) × 32 = 160 bytes,
        // so 507000 bytes need 1 + ceil(506840 / 4000) = 128 chunks.
        NvsData data = u8Run(119).put("huge", NvsValue.Blob.of(new byte[507_000])).build();
        NvsInputException e = catchThrowableOfType(NvsInputException.class,
                () -> NvsWriter.write(data, 0x100000, FormatVersion.V2));
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("huge");
        assertThat(e.getMessage()).contains("128 chunks", "at most 127", "160 bytes here", "504160 bytes");
    }

    @Test
    void blobOf127ChunksFromTheSamePositionIsWritten() {
        byte[] payload = new byte[504_160];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >> 9));
        }
        NvsData data = u8Run(119).put("huge", NvsValue.Blob.of(payload)).build();
        byte[] image = NvsWriter.write(data, 0x100000, FormatVersion.V2);
        assertWellFormed(image, FormatVersion.V2, data);
        // chunks on pages 0…126, the last one fills page 126, so the index is entry 0 of page 127
        int index = entry(127, 0);
        assertThat(image[index + 1]).isEqualTo((byte) 0x48);
        assertThat(image[index + 28] & 0xFF).as("chunk count").isEqualTo(127);
        assertThat(NvsWriter.pagesNeeded(data, FormatVersion.V2)).isEqualTo(128);
    }

    @Test
    void zeroByteFirstChunkCountsTowardsTheLimit() {
        // namespace + 124 u8 → entry 125 is left: a 0-byte chunk 0, then chunks of 4000.
        NvsInputException e = catchThrowableOfType(NvsInputException.class, () -> NvsWriter.write(
                u8Run(124).put("b", NvsValue.Blob.of(new byte[504_001])).build(), 0x100000, FormatVersion.V2));
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("b");
        assertThat(e.getMessage()).contains("128 chunks", "0 bytes here");
        NvsData fits = u8Run(124).put("b", NvsValue.Blob.of(new byte[504_000])).build();
        assertWellFormed(NvsWriter.write(fits, 0x100000, FormatVersion.V2), FormatVersion.V2, fits);
    }

    @Test
    void largestBlobFitsWhenItStartsAPage() {
        // namespace + 125 u8 fill page 0; the blob starts on page 1 with a 4000-byte chunk: 127 × 4000 = 508000.
        NvsData data = u8Run(125).put("max", NvsValue.Blob.of(new byte[NvsValue.MAX_BLOB_BYTES])).build();
        byte[] image = NvsWriter.write(data, 0x100000, FormatVersion.V2);
        assertWellFormed(image, FormatVersion.V2, data);
    }

    // Decision 4: non-ASCII keys of at most 15 UTF-8 bytes have the normal entry layout.

    @Test
    void twoByteKeyMatchesTheRecordedEntry() throws Exception {
        // key_nonascii recorded 'é' (u8 7) as a normal entry at page 0, entry 1.
        byte[] recorded = java.nio.file.Files.readAllBytes(TestData.path("conformance/key_nonascii/expected.bin"));
        NvsData data = NvsData.builder().namespace("ns").put("é", new NvsValue.U8(7)).build();
        byte[] image = NvsWriter.write(data, 0x3000, FormatVersion.V2);
        assertThat(Arrays.copyOfRange(image, 64, 128)).containsExactly(Arrays.copyOfRange(recorded, 64, 128));
    }

    @Test
    void fifteenByteNonAsciiKeyIsUtf8ThenNul() {
        String key = "AAAAAAAAAAAAAé";
        assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize(15);
        NvsData data = NvsData.builder().namespace("ns")
                .put(key, NvsValue.Str.of("v")).put("next", new NvsValue.U16(11)).build();
        byte[] image = NvsWriter.write(data, 0x3000, FormatVersion.V2);
        assertWellFormed(image, FormatVersion.V2, data);
        int e = entry(0, 1);
        assertThat(Arrays.copyOfRange(image, e + 8, e + 24))
                .containsExactly(HexFormat.of().parseHex("41414141414141414141414141c3a900"));
        assertThat(Arrays.copyOfRange(image, e + 24, e + 28)).containsExactly(0x02, 0x00, 0xFF, 0xFF);
    }
}
