package io.github.nvs4j.write;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** The "more layouts" of docs/nvs-format.md §12, each checked there by running the generator. */
class MoreLayoutsTest {

    private static NvsData.Builder u8Run(int count) {
        NvsData.Builder b = NvsData.builder().namespace("ns");
        for (int i = 0; i < count; i++) {
            b.put("k" + i, new NvsValue.U8(i));
        }
        return b;
    }

    private static int entry(int page, int index) {
        return page * 4096 + 64 + 32 * index;
    }

    private static int u16(byte[] image, int offset) {
        return ByteBuffer.wrap(image, offset, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }

    private static int u32(byte[] image, int offset) {
        return ByteBuffer.wrap(image, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] write(NvsData data, long size) {
        byte[] image = NvsWriter.write(data, size, FormatVersion.V2);
        ImageWalker.Result walk = ImageWalker.walk(image, 0xFE);
        assertThat(walk.problems()).isEmpty();
        assertThat(walk.events()).containsExactlyElementsOf(ImageWalker.expectedEvents(data));
        return image;
    }

    /** Asserts type, span, chunk index and size of the variable-length header at {@code offset}. */
    private static void assertChunk(byte[] image, int offset, int chunkIndex, int span, int size) {
        assertThat(image[offset + 1]).isEqualTo((byte) 0x42);
        assertThat(image[offset + 2] & 0xFF).as("span").isEqualTo(span);
        assertThat(image[offset + 3] & 0xFF).as("chunk index").isEqualTo(chunkIndex);
        assertThat(u16(image, offset + 24)).as("size").isEqualTo(size);
    }

    @Test
    void stringThatWouldEndInEntry125MovesToTheNextPage() {
        byte[] image = write(u8Run(119).put("s", NvsValue.Str.of("t".repeat(159))).build(), 0x4000);
        assertThat(u32(image, 0)).isEqualTo(0xFFFFFFFC);
        assertThat(image[32 + 120 / 4] & 0xFF).as("entries 120…123 empty").isEqualTo(0xFF);
        assertThat(image[entry(1, 0) + 1]).isEqualTo((byte) 0x21);
        assertThat(image[entry(1, 0) + 2]).isEqualTo((byte) 6);
        assertThat(u32(image, 4096)).isEqualTo(0xFFFFFFFE);
    }

    @Test
    void fixedSizeValueFillsEntry125() {
        byte[] image = write(u8Run(126).build(), 0x4000);
        assertThat(u32(image, 0)).isEqualTo(0xFFFFFFFC);
        assertThat(image[entry(0, 125) + 8]).isEqualTo((byte) 'k');
        assertThat(image[63] & 0xFF).as("last bitmap byte: entries 124, 125 written").isEqualTo(0xFA);
        assertThat(new String(image, entry(1, 0) + 8, 4)).isEqualTo("k125");
    }

    @Test
    void nineThousandByteBlobOverFourPages() {
        byte[] blob = new byte[9000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) (i % 251);
        }
        byte[] image = write(u8Run(100).put("big", NvsValue.Blob.of(blob)).build(), 0x6000);
        assertChunk(image, entry(0, 101), 0, 25, 768);
        assertChunk(image, entry(1, 0), 1, 126, 4000);
        assertChunk(image, entry(2, 0), 2, 126, 4000);
        assertChunk(image, entry(3, 0), 3, 9, 232);
        int index = entry(3, 9);
        assertThat(image[index + 1]).isEqualTo((byte) 0x48);
        assertThat(u32(image, index + 24)).isEqualTo(9000);
        assertThat(image[index + 28]).isEqualTo((byte) 4);
        assertThat(image[index + 29]).isEqualTo((byte) 0);
        for (int page = 0; page < 3; page++) {
            assertThat(u32(image, page * 4096)).isEqualTo(0xFFFFFFFC);
        }
        assertThat(u32(image, 3 * 4096)).isEqualTo(0xFFFFFFFE);
        for (int i = 4 * 4096; i < 6 * 4096; i++) {
            assertThat(image[i]).isEqualTo((byte) 0xFF);
        }
    }

    @Test
    void blobAtEntry125StartsWithAZeroByteChunk() {
        byte[] image = write(u8Run(124).put("b", NvsValue.Blob.of(new byte[] {1, 2, 3, 4, 5})).build(), 0x4000);
        assertChunk(image, entry(0, 125), 0, 1, 0);
        assertThat(u32(image, entry(0, 125) + 28)).as("CRC of no bytes").isEqualTo(0xFFFFFFFF);
        assertChunk(image, entry(1, 0), 1, 2, 5);
        assertThat(image[entry(1, 2) + 1]).isEqualTo((byte) 0x48);
        assertThat(image[entry(1, 2) + 28]).isEqualTo((byte) 2);
    }
}
