package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.model.NvsValue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Placement decisions of the individual placers, driven directly on a cursor. */
class PlacerTest {

    private final byte[] image = blank(4);
    private final PageCursor cursor = PageCursor.over(image, 4, Page.VERSION_2);

    private static byte[] blank(int pages) {
        byte[] bytes = new byte[pages * Page.SIZE];
        Arrays.fill(bytes, (byte) 0xFF);
        return bytes;
    }

    @Test
    void pageFillingStringOnAnUnusedPageStaysThere() {
        new StringPlacer(cursor, StringPlacer.MAX_BYTES_V2, "version 2")
                .place(1, ItemNames.of("ns", "s"), ItemKey.of("s"), NvsValue.Str.of("q".repeat(3999)));
        assertThat(cursor.pagesUsed()).isEqualTo(1);
        assertThat(cursor.isFull()).isTrue();
        assertThat(Entry.span(image, 64)).isEqualTo(126);
        assertThat(Entry.dataSize(image, 64)).isEqualTo(4000);
        assertThat(Entry.dataCrc(image, 64)).isEqualTo(NvsCrc.of(image, 96, 4000));
        assertThat(image[96 + 3999]).isZero();
    }

    @Test
    void fixedSizeValueUsesEntry125ThenOpensTheNextPage() {
        FixedSizePlacer fixed = new FixedSizePlacer(cursor);
        for (int i = 0; i < 126; i++) {
            fixed.placeNamespace("n" + i, 1);
        }
        assertThat(cursor.pagesUsed()).isEqualTo(1);
        fixed.placeNamespace("next", 2);
        assertThat(cursor.pagesUsed()).isEqualTo(2);
        assertThat(Page.stateWord(image, 0)).isEqualTo(PageState.FULL.word());
        assertThat(Entry.key(image, Page.SIZE + 64)).isEqualTo("next");
    }

    @Test
    void legacyBlobFollowsTheStrictRule() {
        cursor.claim(100);
        // span 1 + 25 = 26 would end exactly in entry 125
        new LegacyBlobPlacer(cursor).place(1, ItemNames.of("ns", "b"), ItemKey.of("b"), NvsValue.Blob.of(new byte[800]));
        assertThat(cursor.pagesUsed()).isEqualTo(2);
        assertThat(Entry.typeCode(image, Page.SIZE + 64)).isEqualTo(0x41);
        assertThat(Entry.span(image, Page.SIZE + 64)).isEqualTo(26);
    }

    @Test
    void emptyBlobIsOneEmptyChunkAndAnIndex() {
        cursor.claim(3);
        new ChunkedBlobPlacer(cursor).place(1, ItemNames.of("ns", "e"), ItemKey.of("e"), NvsValue.Blob.of(new byte[0]));
        int chunk = 64 + 3 * 32;
        assertThat(Entry.typeCode(image, chunk)).isEqualTo(0x42);
        assertThat(Entry.span(image, chunk)).isEqualTo(1);
        assertThat(Entry.chunkIndex(image, chunk)).isZero();
        assertThat(Entry.dataSize(image, chunk)).isZero();
        assertThat(Entry.dataCrc(image, chunk)).isEqualTo(0xFFFFFFFF);
        int index = chunk + 32;
        assertThat(Entry.typeCode(image, index)).isEqualTo(0x48);
        assertThat(Entry.blobSize(image, index)).isZero();
        assertThat(Entry.blobChunkCount(image, index)).isEqualTo(1);
        assertThat(Entry.blobChunkStart(image, index)).isZero();
    }

    @Test
    void emptyBlobAtEntry125PutsItsIndexOnTheNextPage() {
        cursor.claim(125);
        new ChunkedBlobPlacer(cursor).place(1, ItemNames.of("ns", "e"), ItemKey.of("e"), NvsValue.Blob.of(new byte[0]));
        assertThat(Entry.typeCode(image, 64 + 125 * 32)).isEqualTo(0x42);
        assertThat(Entry.typeCode(image, Page.SIZE + 64)).isEqualTo(0x48);
        assertThat(Entry.blobChunkCount(image, Page.SIZE + 64)).isEqualTo(1);
    }
}
