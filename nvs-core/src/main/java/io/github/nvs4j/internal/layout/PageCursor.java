package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;

import java.util.Arrays;

/**
 * The generator's write position: the current page and its next free entry. Pages are opened in physical order,
 * each with a fresh ACTIVE header whose sequence number is its physical index; opening the next page marks the
 * current one FULL. The generator never goes back to an earlier page.
 *
 * <p>A cursor either writes into an image with a fixed number of data pages, or <em>measures</em>: it then has no
 * page limit and every page is laid out in the same 4096-byte scratch buffer, which tells how many pages some data
 * needs without holding them.
 */
final class PageCursor {

    private final byte[] image;
    private final int versionByte;
    private final int pageLimit;
    private final boolean measuring;
    private int page;
    private int pageOffset;
    private int next;

    private PageCursor(byte[] image, int versionByte, int pageLimit, boolean measuring) {
        this.image = image;
        this.versionByte = versionByte;
        this.pageLimit = pageLimit;
        this.measuring = measuring;
        this.page = 0;
        startPage();
    }

    /**
     * Starts writing at page 0 of an image that is already filled with {@code 0xFF}.
     *
     * @param image the image, at least {@code dataPages} pages long
     * @param dataPages how many pages may hold data (at least 1)
     * @param versionByte the page header version byte
     * @return a cursor at entry 0 of page 0
     */
    static PageCursor over(byte[] image, int dataPages, int versionByte) {
        return new PageCursor(image, versionByte, dataPages, false);
    }

    /**
     * Starts a cursor that only counts pages.
     *
     * @param versionByte the page header version byte
     * @return a cursor at entry 0 of page 0 with no page limit
     */
    static PageCursor measuring(int versionByte) {
        return new PageCursor(new byte[Page.SIZE], versionByte, Integer.MAX_VALUE, true);
    }

    private void startPage() {
        pageOffset = measuring ? 0 : Page.offset(page);
        next = 0;
        Page.writeHeader(image, pageOffset, PageState.ACTIVE, page, versionByte);
        if (measuring) {
            Arrays.fill(image, Page.BITMAP_OFFSET, Page.FIRST_ENTRY_OFFSET, (byte) 0xFF);
        }
    }

    /** @return the bytes entries are written to (the scratch page when measuring) */
    byte[] image() {
        return image;
    }

    /** @return the index of the next free entry on the current page, 0…126 */
    int nextEntry() {
        return next;
    }

    /** @return whether every entry of the current page is used ({@code n == 126}) */
    boolean isFull() {
        return next >= Page.ENTRY_COUNT;
    }

    /** @return whether no entry of the current page is used yet */
    boolean isUnused() {
        return next == 0;
    }

    /**
     * The generator's fit test for strings and legacy blobs (spec §6.2): {@code n < 126 && n + span < 126}. An item
     * that would end exactly in entry 125 does not fit.
     *
     * @param span the item's span
     * @return whether the item fits on the current page by that rule
     */
    boolean fitsStrictly(int span) {
        return next < Page.ENTRY_COUNT && next + span < Page.ENTRY_COUNT;
    }

    /**
     * @return the payload bytes a variable-length item starting at the next free entry can carry on this page:
     *         {@code (126 - n - 1) * 32}; only meaningful when the page is not full
     */
    int tailroom() {
        return (Page.ENTRY_COUNT - next - 1) * Page.ENTRY_SIZE;
    }

    /**
     * Marks the current page FULL and opens the next physical page.
     *
     * @throws PagesExhausted if the partition has no page left for data
     */
    void openNextPage() {
        if (page + 1 >= pageLimit) {
            throw new PagesExhausted();
        }
        finish();
        Bytes.putU32(image, pageOffset, PageState.FULL.word());
        page++;
        startPage();
    }

    /**
     * Takes the next {@code span} entries of the current page. They are marked WRITTEN in the bitmap when the page is
     * left ({@link #openNextPage}) or {@linkplain #finish() finished}: a page's entries are claimed from 0 without
     * gaps, so its bitmap is written once, a byte for four entries, instead of a pair of bits per claim.
     *
     * @param span the number of entries, 1…(126 − n)
     * @return the image offset of the first of them
     */
    int claim(int span) {
        assert next + span <= Page.ENTRY_COUNT : "claim beyond the page end";
        int first = next;
        next = first + span;
        return pageOffset + Page.FIRST_ENTRY_OFFSET + first * Page.ENTRY_SIZE;
    }

    /**
     * Writes the current page's bitmap: every entry claimed so far WRITTEN. Called when the page is left and, for the
     * last page, by the layout when it is done.
     */
    void finish() {
        Page.markWritten(image, pageOffset, next);
    }

    /** @return the number of pages opened so far (the current one included) */
    int pagesUsed() {
        return page + 1;
    }
}
