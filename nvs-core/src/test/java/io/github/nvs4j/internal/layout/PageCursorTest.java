package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write position of spec §6.2: pages in physical order, FULL when left, the strict fit rule, the bitmap. */
class PageCursorTest {

    private static byte[] blank(int pages) {
        byte[] image = new byte[pages * Page.SIZE];
        Arrays.fill(image, (byte) 0xFF);
        return image;
    }

    @Test
    void firstPageGetsAnActiveHeaderWithSequenceZero() {
        byte[] image = blank(2);
        PageCursor cursor = PageCursor.over(image, 2, Page.VERSION_2);
        assertThat(Page.stateWord(image, 0)).isEqualTo(PageState.ACTIVE.word());
        assertThat(Page.sequence(image, 0)).isZero();
        assertThat(Page.version(image, 0)).isEqualTo(0xFE);
        assertThat(Page.headerCrcValid(image, 0)).isTrue();
        assertThat(cursor.pagesUsed()).isEqualTo(1);
        assertThat(cursor.isUnused()).isTrue();
        assertThat(Page.isErased(image, Page.SIZE, 2 * Page.SIZE)).isTrue();
    }

    @Test
    void claimMarksEntriesWrittenAndReturnsTheirOffset() {
        byte[] image = blank(1);
        PageCursor cursor = PageCursor.over(image, 1, Page.VERSION_2);
        assertThat(cursor.claim(1)).isEqualTo(64);
        assertThat(cursor.claim(3)).isEqualTo(96);
        assertThat(cursor.nextEntry()).isEqualTo(4);
        assertThat(image[32] & 0xFF).as("the bitmap is written when the page is finished").isEqualTo(0xFF);
        cursor.finish();
        // §1.4: four written entries in one byte give 0xAA
        assertThat(image[32] & 0xFF).isEqualTo(0xAA);
        assertThat(image[33] & 0xFF).isEqualTo(0xFF);
        assertThat(Page.entryState(image, 0, 4)).isEqualTo(EntryState.EMPTY);
    }

    @Test
    void openingTheNextPageMarksTheCurrentOneFull() {
        byte[] image = blank(3);
        PageCursor cursor = PageCursor.over(image, 3, Page.VERSION_1);
        cursor.claim(5);
        cursor.openNextPage();
        assertThat(Page.stateWord(image, 0)).isEqualTo(PageState.FULL.word());
        // leaving the page writes its bitmap: entries 0-4 WRITTEN (0xAA, then 0b11111110), the rest EMPTY
        assertThat(image[32] & 0xFF).isEqualTo(0xAA);
        assertThat(image[33] & 0xFF).isEqualTo(0xFE);
        assertThat(image[34] & 0xFF).isEqualTo(0xFF);
        assertThat(Page.headerCrcValid(image, 0)).isTrue();
        assertThat(Page.stateWord(image, Page.SIZE)).isEqualTo(PageState.ACTIVE.word());
        assertThat(Page.sequence(image, Page.SIZE)).isEqualTo(1);
        assertThat(Page.version(image, Page.SIZE)).isEqualTo(0xFF);
        assertThat(cursor.nextEntry()).isZero();
        assertThat(cursor.claim(1)).isEqualTo(Page.SIZE + 64);
        assertThat(cursor.pagesUsed()).isEqualTo(2);
    }

    @Test
    void noPageLeftIsSignalled() {
        PageCursor cursor = PageCursor.over(blank(2), 2, Page.VERSION_2);
        cursor.openNextPage();
        assertThatThrownBy(cursor::openNextPage).isInstanceOf(PagesExhausted.class);
    }

    @Test
    void strictFitRejectsAnItemEndingInEntry125() {
        PageCursor cursor = PageCursor.over(blank(1), 1, Page.VERSION_2);
        cursor.claim(94);
        // §12 / varlen_page_boundary: 94 used + span 32 = 126 is not < 126
        assertThat(cursor.fitsStrictly(32)).isFalse();
        assertThat(cursor.fitsStrictly(31)).isTrue();
        assertThat(cursor.tailroom()).isEqualTo(31 * 32);
        cursor.claim(32);
        assertThat(cursor.isFull()).isTrue();
        assertThat(cursor.fitsStrictly(1)).isFalse();
    }

    @Test
    void tailroomAtEntry125IsZero() {
        PageCursor cursor = PageCursor.over(blank(1), 1, Page.VERSION_2);
        assertThat(cursor.tailroom()).isEqualTo(4000);
        cursor.claim(125);
        assertThat(cursor.tailroom()).isZero();
        assertThat(cursor.isFull()).isFalse();
    }

    @Test
    void measuringCursorCountsPagesWithoutLimit() {
        PageCursor cursor = PageCursor.measuring(Page.VERSION_2);
        for (int i = 0; i < 1000; i++) {
            cursor.claim(126);
            cursor.openNextPage();
        }
        assertThat(cursor.pagesUsed()).isEqualTo(1001);
        assertThat(cursor.image()).hasSize(Page.SIZE);
        assertThat(cursor.claim(1)).isEqualTo(64);
    }
}
