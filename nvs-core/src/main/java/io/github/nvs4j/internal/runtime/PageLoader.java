package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.read.BootRepair.Kind;

/**
 * Loads one physical page as {@code Page::load} and {@code Page::mLoadEntryTable} do (nvs-format.md §7.1–§7.3):
 * classifies the page, and for ACTIVE, FULL and FREEING pages validates every entry the walk reaches, builds the
 * hash list and makes the repairs the runtime makes.
 */
final class PageLoader {

    private static final int VERSION_2 = Page.VERSION_2;

    private PageLoader() {
    }

    /**
     * @param pages the page set (its flash holds the image)
     * @param page the physical page to load
     * @return {@link Esp#OK}, {@link Esp#ERR_NVS_NEW_VERSION_FOUND}, or on a read-only partition
     *         {@link Esp#ERR_NOT_ALLOWED} when a repair whose failure the runtime reports was needed
     */
    static int load(PageSet pages, int page) {
        byte[] b = pages.flash;
        int off = page * Page.SIZE;
        int word = PageSet.u32(b, off);
        if (word == 0xFFFFFFFF) {
            if (Page.isErased(b, off, off + Page.SIZE)) {
                pages.state[page] = PageSet.UNINITIALIZED;
            } else {
                pages.state[page] = PageSet.CORRUPT;
                pages.log(Kind.PAGE_NOT_BLANK, page, -1, 0, false,
                        "state word is 0xffffffff (uninitialised) but the page is not blank: treated as corrupt "
                                + "and free, its contents ignored");
            }
            return Esp.OK;
        }
        if (!Page.headerCrcValid(b, off)) {
            pages.state[page] = PageSet.CORRUPT;
            pages.log(Kind.PAGE_HEADER_CRC, page, -1, 0, false, String.format(
                    "page header CRC is 0x%08x but the header hashes to 0x%08x: treated as corrupt and free, its "
                            + "contents ignored", Page.storedHeaderCrc(b, off),
                    io.github.nvs4j.internal.format.NvsCrc.pageHeader(b, off)));
            return Esp.OK;
        }
        pages.seq[page] = Page.sequence(b, off);
        int version = Page.version(b, off);
        if (version < VERSION_2) {
            pages.log(Kind.PAGE_NEW_VERSION, page, -1, 0, false, String.format(
                    "version byte 0x%02x is newer than format 2 (0xfe): the runtime refuses the whole partition",
                    version));
            return Esp.ERR_NVS_NEW_VERSION_FOUND;
        }
        switch (word) {
            case 0xFFFFFFFE -> {
                pages.state[page] = PageSet.ACTIVE;
                return loadActive(pages, page);
            }
            case 0xFFFFFFFC -> {
                pages.state[page] = PageSet.FULL;
                return loadFull(pages, page);
            }
            case 0xFFFFFFF8 -> {
                pages.state[page] = PageSet.FREEING;
                return loadFull(pages, page);
            }
            default -> {
                pages.state[page] = PageSet.CORRUPT;
                pages.log(Kind.PAGE_STATE_UNKNOWN, page, -1, 0, false, String.format(
                        "state word 0x%08x is not ACTIVE, FULL or FREEING: treated as corrupt and free", word));
                return Esp.OK;
            }
        }
    }

    private static int loadActive(PageSet pages, int page) {
        byte[] b = pages.flash;
        pages.countEntries(page);
        int nextFree = PageSet.N;
        for (int i = 0; i < PageSet.N; i++) {
            if (pages.pair(page, i) == PageSet.EMPTY) {
                nextFree = i;
                break;
            }
        }
        pages.nextFree[page] = nextFree;
        // §7.2 step 2: entries after the first EMPTY pair that are not blank were half written.
        while (pages.nextFree[page] < PageSet.N) {
            int i = pages.nextFree[page];
            if (PageSet.u32(b, PageSet.entryOffset(page, i)) == 0xFFFFFFFF) {
                break;
            }
            pages.log(Kind.HALF_WRITTEN_ENTRY, page, i, 1, !pages.readOnly,
                    "entry at or after the first EMPTY pair of the ACTIVE page does not start with ff ff ff ff: "
                            + "a write was interrupted, the runtime erases it");
            int rc = pages.eraseSingle(page, i);
            if (rc != Esp.OK) {
                return rc;
            }
            pages.nextFree[page] = i + 1;
        }
        // §7.2 step 3: the walk.
        int end = pages.nextFree[page];
        int last = PageSet.NONE;
        int span;
        for (int i = 0; i < end; i += span) {
            span = 1;
            int s = pages.pair(page, i);
            if (s == PageSet.ERASED) {
                last = PageSet.NONE;
                continue;
            }
            if (s == PageSet.ILLEGAL) {
                last = PageSet.NONE;
                int rc = pages.eraseLogged(page, i, Kind.ILLEGAL_ENTRY_STATE,
                        "entry state pair is 0b01 (illegal) on the ACTIVE page: the runtime erases the entry");
                if (rc != Esp.OK) {
                    return rc;
                }
                continue;
            }
            last = i;
            int e = PageSet.entryOffset(page, i);
            int problem = pages.checkHeader(page, i);
            if (problem != ItemHeader.VALID) {
                int rc = pages.eraseLogged(page, i, kindOf(problem), ItemHeader.describe(b, e, i, problem)
                        + "; the runtime erases this entry alone");
                if (rc != Esp.OK) {
                    return rc;
                }
                continue;
            }
            pages.insertNode(page, i);
            int duplicate = pages.hashFind(page, 0, pages.node[page * PageSet.N + i]);
            int type = b[e + 1] & 0xFF;
            if (ItemHeader.isVariableLength(type)) {
                span = b[e + 2] & 0xFF;
                if (!allWritten(pages, page, i, span)) {
                    last = PageSet.NONE;
                    pages.eraseLogged(page, i, Kind.INCOMPLETE_ITEM,
                            "not every entry of the item's span of " + span + " is WRITTEN: the runtime erases "
                                    + "the item with its span");
                    continue;
                }
            }
            if (duplicate >= 0 && duplicate < i) {
                pages.eraseLogged(page, duplicate, Kind.DUPLICATE_IN_PAGE,
                        "entry " + i + " of the same ACTIVE page has the same namespace, key and chunk index "
                                + "(24-bit hash): the runtime erases this earlier copy");
            }
        }
        // §7.2 step 4: the last written entry is looked up again, with its raw fields.
        if (last != PageSet.NONE) {
            int e = PageSet.entryOffset(page, last);
            int found = pages.findItem(page, b[e] & 0xFF, b[e + 1] & 0xFF, PageSet.normalisedKey(b, e), 0xFF, 0xFF,
                    0);
            if (found >= 0 && found < last) {
                int rc = pages.eraseLogged(page, found, Kind.LAST_ENTRY_DUPLICATE,
                        "entry " + last + ", the last written entry of the ACTIVE page, has the same namespace, "
                                + "type and key: the runtime erases this earlier copy");
                if (rc != Esp.OK) {
                    return rc;
                }
            }
        }
        return Esp.OK;
    }

    private static int loadFull(PageSet pages, int page) {
        byte[] b = pages.flash;
        pages.countEntries(page);
        int first = pages.firstUsed[page];
        if (first == PageSet.NONE) {
            return Esp.OK;
        }
        for (int i = first; i < PageSet.N; i++) {
            if (pages.pair(page, i) != PageSet.WRITTEN) {
                continue;
            }
            int e = PageSet.entryOffset(page, i);
            int problem = pages.checkHeader(page, i);
            if (problem != ItemHeader.VALID) {
                int rc = pages.eraseLogged(page, i, kindOf(problem), ItemHeader.describe(b, e, i, problem)
                        + "; the runtime erases this entry alone");
                if (rc != Esp.OK) {
                    return rc;
                }
                continue;
            }
            pages.insertNode(page, i);
            int span = b[e + 2] & 0xFF;
            if (ItemHeader.isVariableLength(b[e + 1] & 0xFF) && !allWritten(pages, page, i, span)) {
                pages.eraseLogged(page, i, Kind.INCOMPLETE_ITEM, "not every entry of the item's span of " + span
                        + " is WRITTEN: the runtime erases the item with its span");
            }
            i += span - 1;
        }
        return Esp.OK;
    }

    private static boolean allWritten(PageSet pages, int page, int from, int span) {
        for (int j = from; j < from + span; j++) {
            if (pages.pair(page, j) != PageSet.WRITTEN) {
                return false;
            }
        }
        return true;
    }

    private static Kind kindOf(int problem) {
        return switch (problem) {
            case ItemHeader.BAD_CRC -> Kind.ENTRY_CRC;
            case ItemHeader.UNKNOWN_TYPE -> Kind.UNKNOWN_TYPE;
            default -> Kind.INCONSISTENT_HEADER;
        };
    }
}
