package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.read.BootRepair.Kind;

/**
 * The page list and the free list of {@code nvs::PageManager}, and its load pass (nvs-format.md §7.4): pages
 * ordered by sequence number, the last-item duplicate check, the FREEING recovery and the free-page requirement.
 * The list orders are plain int arrays of physical page numbers.
 */
final class PageManager {

    final PageSet pages;
    /** Physical pages in logical order (ascending sequence number, physical order among equals). */
    int[] order;
    int orderSize;
    /** Free pages (blank, corrupt or invalid) in the order the runtime takes them. */
    int[] free;
    int freeHead;
    int freeTail;
    private int nextSeq;

    PageManager(PageSet pages) {
        this.pages = pages;
        int n = pages.pageCount;
        this.order = new int[n];
        this.free = new int[2 * n + 2];
    }

    /**
     * {@code PageManager::load} after every page was loaded.
     *
     * @return the init result
     */
    int load() {
        PageSet ps = pages;
        for (int p = 0; p < ps.pageCount; p++) {
            if (ps.searchable(p)) {
                // stable insertion before the first page with a greater sequence number
                int s = ps.seq[p];
                int pos = orderSize;
                while (pos > 0 && Integer.compareUnsigned(ps.seq[order[pos - 1]], s) > 0) {
                    pos--;
                }
                System.arraycopy(order, pos, order, pos + 1, orderSize - pos);
                order[pos] = p;
                orderSize++;
            } else {
                free[freeTail++] = p;
            }
        }
        if (orderSize == 0) {
            nextSeq = 0;
            return activatePage();
        }
        nextSeq = ps.seq[order[orderSize - 1]] + 1;
        if (ps.readOnly) {
            return Esp.OK;
        }
        lastItemCheck();
        for (int k = 0; k < orderSize; k++) {
            int p = order[k];
            if (ps.state[p] == PageSet.FREEING) {
                int rc = recoverFreeing(p);
                if (rc != Esp.OK) {
                    return rc;
                }
                break;
            }
        }
        return freeTail > freeHead ? Esp.OK : Esp.ERR_NVS_NO_FREE_PAGES;
    }

    /** §7.4 step 2. */
    private void lastItemCheck() {
        PageSet ps = pages;
        byte[] b = ps.flash;
        int newest = order[orderSize - 1];
        int last = PageSet.NONE;
        int index = 0;
        int found;
        while ((found = ps.nextItem(newest, index)) >= 0) {
            last = found;
            index = found + (b[PageSet.entryOffset(newest, found) + 2] & 0xFF);
        }
        if (last == PageSet.NONE) {
            return;
        }
        int e = PageSet.entryOffset(newest, last);
        int ns = b[e] & 0xFF;
        int type = b[e + 1] & 0xFF;
        int chunk = b[e + 3] & 0xFF;
        byte[] key = PageSet.normalisedKey(b, e);
        String where = "page " + newest + ", entry " + last;
        if (eraseOnOlderPage(ns, type, key, chunk, Kind.OLDER_COPY_ERASED,
                "the newest page's last item (" + where + ") has the same namespace, key, type and chunk index: "
                        + "the runtime erases this older copy")) {
            return;
        }
        if (type == ItemHeader.T_BLOB_IDX) {
            eraseOnOlderPage(ns, ItemHeader.T_BLOB, key, chunk, Kind.LEGACY_BLOB_REPLACED,
                    "the newest page's last item (" + where + ") is a blob index of the same key: the runtime "
                            + "erases this legacy blob it replaces");
        }
    }

    private boolean eraseOnOlderPage(int ns, int type, byte[] key, int chunk, Kind kind, String detail) {
        PageSet ps = pages;
        for (int k = 0; k < orderSize - 1; k++) {
            int p = order[k];
            if (ps.state[p] == PageSet.FREEING) {
                continue;
            }
            int idx = ps.findItem(p, ns, type, key, chunk, 0xFF, 0);
            if (idx >= 0 && ps.eraseLogged(p, idx, kind, detail) == Esp.OK) {
                return true;
            }
        }
        return false;
    }

    /** §7.4 step 3. */
    private int recoverFreeing(int freeing) {
        PageSet ps = pages;
        int newest = order[orderSize - 1];
        if (ps.state[newest] == PageSet.ACTIVE) {
            ps.log(Kind.PARTIAL_COPY_DISCARDED, newest, -1, 0, true,
                    "the newest page is ACTIVE while page " + freeing + " is FREEING: it holds a partial copy, "
                            + "the runtime erases it");
            ps.erasePage(newest);
            orderSize--;
            free[freeTail++] = newest;
        }
        int rc = activatePage();
        if (rc != Esp.OK) {
            return rc;
        }
        int target = order[orderSize - 1];
        ps.log(Kind.FREEING_PAGE_RECOVERED, freeing, -1, 0, true,
                "page is FREEING: the runtime copies its written entries to page " + target
                        + " (the end of the page order) and erases it");
        int first = ps.firstUsed[freeing];
        if (first != PageSet.NONE) {
            ps.initialize(target, ps.seq[target]);
            byte[] b = ps.flash;
            int read = first;
            while (read < PageSet.N) {
                if (ps.pair(freeing, read) != PageSet.WRITTEN) {
                    read++;
                    continue;
                }
                int e = PageSet.entryOffset(freeing, read);
                ps.node[target * PageSet.N + ps.nextFree[target]] = ItemHeader.storedHash(b, e);
                ps.appendEntry(target, e);
                int end = read + Math.max(1, b[e + 2] & 0xFF);
                if (end > PageSet.N) {
                    return Esp.FAIL;
                }
                for (int i = read + 1; i < end; i++) {
                    ps.appendEntry(target, PageSet.entryOffset(freeing, i));
                }
                read = end;
            }
        }
        ps.erasePage(freeing);
        int k = indexInOrder(freeing);
        System.arraycopy(order, k + 1, order, k, orderSize - k - 1);
        orderSize--;
        free[freeTail++] = freeing;
        return Esp.OK;
    }

    private int indexInOrder(int page) {
        for (int k = 0; k < orderSize; k++) {
            if (order[k] == page) {
                return k;
            }
        }
        throw new IllegalStateException("page " + page + " is not in the page list");
    }

    /** {@code PageManager::activatePage}: takes the first free page (erasing it if corrupt) into the page list. */
    private int activatePage() {
        PageSet ps = pages;
        if (freeTail == freeHead) {
            return Esp.ERR_NVS_NOT_ENOUGH_SPACE;
        }
        int p = free[freeHead];
        if (ps.state[p] == PageSet.CORRUPT) {
            if (ps.readOnly) {
                ps.log(Kind.CORRUPT_PAGE_ERASED, p, -1, 0, false,
                        "the runtime must erase this corrupt page to activate it, but the partition is read-only");
                return Esp.ERR_NOT_ALLOWED;
            }
            ps.log(Kind.CORRUPT_PAGE_ERASED, p, -1, 0, true,
                    "the runtime erases this corrupt page to activate it");
            ps.erasePage(p);
        }
        freeHead++;
        order[orderSize++] = p;
        ps.seq[p] = nextSeq++;
        return Esp.OK;
    }

    /** @return the number of pages in the free list */
    int freeCount() {
        return freeTail - freeHead;
    }

    /** @return the logical rank of each physical page (-1 for free pages) */
    int[] ranks() {
        int[] rank = new int[pages.pageCount];
        java.util.Arrays.fill(rank, -1);
        for (int k = 0; k < orderSize; k++) {
            rank[order[k]] = k;
        }
        return rank;
    }
}
