package io.github.nvs4j.internal.check;

import io.github.nvs4j.check.FindingCode;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Device-level checks of page headers that {@code nvs_tool.py} does not make: state words the runtime never writes,
 * format versions it refuses, erased pages with a non-blank header, illegal entry states, and the order and number
 * of ACTIVE, FULL and FREEING pages (sections 1.3–1.7 and 7.1 of {@code docs/nvs-format.md}).
 */
public final class PageChecks {

    private PageChecks() {
    }

    /**
     * Tells which pages the runtime loads entries from: a valid header CRC, a known format version (0xFE or 0xFF)
     * and the state ACTIVE, FULL or FREEING.
     *
     * @param image the image
     * @param pageCount the number of whole pages
     * @return one flag per physical page
     */
    public static boolean[] loadedPages(byte[] image, int pageCount) {
        boolean[] loaded = new boolean[pageCount];
        for (int p = 0; p < pageCount; p++) {
            int off = Page.offset(p);
            PageState state = PageState.ofWord(Page.stateWord(image, off));
            loaded[p] = (state == PageState.ACTIVE || state == PageState.FULL || state == PageState.FREEING)
                    && Page.headerCrcValid(image, off) && Page.version(image, off) >= Page.VERSION_2;
        }
        return loaded;
    }

    /**
     * Runs the checks.
     *
     * @param image the image
     * @param pageCount the number of whole pages
     * @param loaded the result of {@link #loadedPages}
     * @param out where the findings go
     */
    public static void run(byte[] image, int pageCount, boolean[] loaded, Findings out) {
        for (int p = 0; p < pageCount; p++) {
            checkHeader(image, p, out);
            if (loaded[p]) {
                checkIllegalStates(image, p, out);
            }
        }
        checkOrder(image, pageCount, loaded, out);
    }

    private static void checkHeader(byte[] image, int p, Findings out) {
        int off = Page.offset(p);
        int word = Page.stateWord(image, off);
        if (word == PageState.UNINITIALIZED.word()) {
            if (!ToolParse.isBlank(image, off + 4, Page.BITMAP_OFFSET - 4)) {
                out.page(FindingCode.EMPTY_PAGE_HEADER, p, "the page is erased (state 0xFFFFFFFF) but header bytes"
                        + " 4..31 are not all 0xFF; the runtime treats the page as corrupt");
            }
            return;
        }
        if (PageState.ofWord(word) == PageState.CORRUPT) {
            out.page(FindingCode.UNKNOWN_PAGE_STATE, p, "state word " + Findings.hex32(word) + " is not ACTIVE"
                    + " (0xfffffffe), FULL (0xfffffffc) or FREEING (0xfffffff8); the runtime treats the page as"
                    + " corrupt and ignores its entries");
        }
        int version = Page.version(image, off);
        if (version < Page.VERSION_2 && Page.headerCrcValid(image, off)) {
            out.page(FindingCode.NEW_VERSION, p, "the page header (with a valid CRC) carries format version byte "
                    + Findings.hex8(version) + ", newer than any known (0xfe, 0xff): ESP-IDF refuses the whole"
                    + " partition with ESP_ERR_NVS_NEW_VERSION_FOUND");
        }
    }

    private static void checkIllegalStates(byte[] image, int p, Findings out) {
        int off = Page.offset(p);
        for (int i = 0; i < Page.ENTRY_COUNT; i++) {
            if (Page.entryState(image, off, i) == EntryState.ILLEGAL) {
                out.entry(FindingCode.ILLEGAL_ENTRY_STATE, p, i, "the entry's bitmap state is 0b01, which the"
                        + " runtime never writes; it erases such an entry on the ACTIVE page and skips it elsewhere");
            }
        }
    }

    private static void checkOrder(byte[] image, int pageCount, boolean[] loaded, Findings out) {
        // by sequence number (unsigned), then physical position: both in one long, whose top bit is flipped so that
        // signed order is the unsigned order
        long[] bySequence = new long[pageCount];
        int loadedCount = 0;
        for (int p = 0; p < pageCount; p++) {
            if (loaded[p]) {
                bySequence[loadedCount++] = (sequence(image, p) << 32 | p) ^ Long.MIN_VALUE;
            }
        }
        Arrays.sort(bySequence, 0, loadedCount);
        List<Integer> order = new ArrayList<>(loadedCount);
        for (int k = 0; k < loadedCount; k++) {
            order.add((int) bySequence[k]);
        }
        List<Integer> active = new ArrayList<>();
        List<Integer> freeing = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int p = order.get(k);
            long seq = sequence(image, p);
            if (k > 0 && sequence(image, order.get(k - 1)) == seq) {
                out.page(FindingCode.DUPLICATE_SEQUENCE, p, "sequence number " + seq + " is also carried by page "
                        + order.get(k - 1) + "; the runtime orders the two by physical position");
            }
            if (seq == 0xFFFF_FFFFL) {
                out.page(FindingCode.SEQUENCE_EXHAUSTED, p, "sequence number 0xffffffff is the largest possible;"
                        + " the next page the runtime opens gets 0 and sorts before every other page");
            }
            PageState state = PageState.ofWord(Page.stateWord(image, Page.offset(p)));
            if (state == PageState.ACTIVE) {
                active.add(p);
            } else if (state == PageState.FREEING) {
                freeing.add(p);
            }
        }
        if (active.isEmpty()) {
            checkFreeing(image, freeing, out);
            return;
        }
        int newest = active.get(active.size() - 1);
        for (int p : active.subList(0, active.size() - 1)) {
            out.page(FindingCode.MULTIPLE_ACTIVE_PAGES, p, "the page is ACTIVE, and so is the newer page " + newest
                    + " (sequence " + sequence(image, newest) + "); the runtime writes only to the newest page, and"
                    + " the bootloader's NVS reader refuses a partition with more than one ACTIVE page");
        }
        int newestIndex = order.indexOf(newest);
        for (int k = newestIndex + 1; k < order.size(); k++) {
            int p = order.get(k);
            String state = PageState.ofWord(Page.stateWord(image, Page.offset(p))) == PageState.FULL ? "FULL"
                    : "FREEING";
            out.page(FindingCode.SEQUENCE_ORDER, newest, "the ACTIVE page (sequence " + sequence(image, newest)
                    + ") is older than " + state + " page " + p + " (sequence " + sequence(image, p) + "); the runtime"
                    + " always keeps its ACTIVE page newest and appends to the newest page");
            break;
        }
        checkFreeing(image, freeing, out);
    }

    private static void checkFreeing(byte[] image, List<Integer> freeing, Findings out) {
        if (freeing.size() < 2) {
            return;
        }
        int first = freeing.get(0);
        for (int p : freeing.subList(1, freeing.size())) {
            out.page(FindingCode.MULTIPLE_FREEING_PAGES, p, "the page is FREEING, as is the older page " + first
                    + "; the runtime recovers only that one at boot and leaves this one in place, after which"
                    + " nvs_get_stats fails with ESP_FAIL and the bootloader's NVS reader refuses the partition");
        }
    }

    private static long sequence(byte[] image, int page) {
        return Page.sequence(image, Page.offset(page)) & 0xFFFF_FFFFL;
    }
}
