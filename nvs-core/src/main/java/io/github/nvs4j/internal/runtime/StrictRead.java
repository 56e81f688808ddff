package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.read.BootRepair;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The strict reader of clean images: the image must be exactly what a correct writer produces (whole pages, valid
 * page headers, no repair for the runtime to make, every listed value readable, every item in a defined namespace,
 * each key once). It shares the runtime emulation with the device view: it checks the raw pages, boots the image
 * read-only (no page-manager pass, no spare-page rule, so the generator's 1- and 2-page read-only images are
 * accepted), then requires that boot changed nothing.
 */
public final class StrictRead {

    private static final int N = Page.ENTRY_COUNT;

    private StrictRead() {
    }

    /**
     * @param image the image
     * @return its content
     * @throws NvsFormatException naming page, entry and offset of the first problem
     */
    public static NvsData readModel(byte[] image) {
        if (image.length == 0) {
            throw new NvsFormatException("the image is empty; an NVS partition has at least one 4096-byte page");
        }
        if (image.length % Page.SIZE != 0) {
            int pages = image.length / Page.SIZE;
            throw new NvsFormatException("the image is " + image.length + " bytes long, not a multiple of the "
                    + "4096-byte page size; " + image.length % Page.SIZE + " trailing bytes do not make a page",
                    (long) pages * Page.SIZE, pages, -1);
        }
        for (int p = 0; p < image.length / Page.SIZE; p++) {
            checkPage(image, p);
        }
        BootOutcome outcome = Boot.run(image, true);
        List<BootRepair> repairs = outcome.repairs();
        if (!repairs.isEmpty()) {
            BootRepair r = repairs.get(0);
            String what = r.key() == null ? "" : " (key '" + r.key() + "')";
            throw new NvsFormatException(r.detail() + what, r.offset(), r.page(), r.entry());
        }
        if (outcome.init() != Esp.OK) {
            throw new NvsFormatException("the ESP-IDF runtime cannot mount this image: " + Esp.name(outcome.init()));
        }
        checkNamespaces(image, outcome);
        ViewRows listed = outcome.listed();
        if (listed.unreadable().length > 0) {
            int r = listed.unreadable()[0];
            throw new NvsFormatException("key '" + str(listed.key(r)) + "' (listed in namespace '"
                    + str(listed.namespace(r)) + "') cannot be read: " + Esp.name(listed.error(r)),
                    Page.entryOffset(listed.page(r), listed.entry(r)), listed.page(r), listed.entry(r));
        }
        checkKeys(image, outcome);
        return ModelAssembly.toModel(outcome);
    }

    private static void checkPage(byte[] b, int p) {
        int off = p * Page.SIZE;
        int word = Bytes.u32(b, off);
        if (word == 0xFFFFFFFF) {
            if (!Page.isErased(b, off, off + Page.SIZE)) {
                throw new NvsFormatException("the page's state word says uninitialised (ff ff ff ff) but the page "
                        + "is not blank", off, p, -1);
            }
            return;
        }
        if (!Page.headerCrcValid(b, off)) {
            throw new NvsFormatException(String.format("page header CRC is 0x%08x but the header hashes to 0x%08x",
                    Page.storedHeaderCrc(b, off), NvsCrc.pageHeader(b, off)), off, p, -1);
        }
        if (Page.version(b, off) < Page.VERSION_2) {
            throw new NvsFormatException(String.format("page version byte 0x%02x is newer than format 2 (0xfe)",
                    Page.version(b, off)), off + 8, p, -1);
        }
        if (word == 0xFFFFFFF8) {
            throw new NvsFormatException("the page is FREEING: the runtime was interrupted while reclaiming it "
                    + "(boot it to see what a device makes of it)", off, p, -1);
        }
        if (word != 0xFFFFFFFE && word != 0xFFFFFFFC) {
            throw new NvsFormatException(String.format("page state word 0x%08x is not ACTIVE (0xfffffffe) or FULL "
                    + "(0xfffffffc)", word), off, p, -1);
        }
        boolean active = word == 0xFFFFFFFE;
        boolean hole = false;
        for (int i = 0; i < N; i++) {
            int s = (b[off + Page.BITMAP_OFFSET + (i >> 2)] >> ((i & 3) << 1)) & 3;
            int e = Page.entryOffset(p, i);
            if (s == PageSet.ILLEGAL) {
                throw new NvsFormatException("entry state pair is 0b01, which no writer produces", e, p, i);
            }
            if (s == PageSet.EMPTY) {
                if (!Page.isErased(b, e, e + Page.ENTRY_SIZE)) {
                    throw new NvsFormatException("the entry is marked EMPTY in the bitmap but holds data", e, p, i);
                }
                hole = true;
            } else if (s == PageSet.WRITTEN && hole && active) {
                throw new NvsFormatException("a written entry follows an empty one on the ACTIVE page; the runtime "
                        + "never reads it", e, p, i);
            }
        }
    }

    private static void checkNamespaces(byte[] b, BootOutcome outcome) {
        Set<String> names = new HashSet<>();
        boolean[] defined = new boolean[256];
        for (BootOutcome.LoadedNamespace ns : outcome.namespaces()) {
            int e = Page.entryOffset(ns.page(), ns.entry());
            if (!names.add(str(ns.name()))) {
                throw new NvsFormatException("namespace '" + str(ns.name()) + "' is defined twice", e, ns.page(),
                        ns.entry());
            }
            if (ns.index() == 0 || ns.index() == 0xFF || defined[ns.index()]) {
                throw new NvsFormatException("namespace '" + str(ns.name()) + "' gets index " + ns.index()
                        + (defined[ns.index()] ? ", which another namespace already has" : ", which is reserved"),
                        e, ns.page(), ns.entry());
            }
            defined[ns.index()] = true;
        }
        checkRows(b, defined, outcome.listed(), outcome.listed().readable());
        checkRows(b, defined, outcome.listed(), outcome.listed().unreadable());
        checkRows(b, defined, outcome.unlisted(), outcome.unlisted().readable());
        // Entries of namespace 0 that are not namespace definitions (the generator's rows before the first
        // namespace row) stop the runtime's namespace scan and are invisible.
        int loaded = outcome.namespaces().size();
        int seen = 0;
        for (int p = 0; p < b.length / Page.SIZE; p++) {
            if (Bytes.u32(b, p * Page.SIZE) == 0xFFFFFFFF) {
                continue;
            }
            for (int i = 0; i < N; i += step(b, p, i)) {
                int e = Page.entryOffset(p, i);
                if (pair(b, p, i) != PageSet.WRITTEN || b[e] != 0) {
                    continue;
                }
                if (b[e + 1] != ItemHeader.T_U8) {
                    throw new NvsFormatException("an item of type 0x" + Integer.toHexString(b[e + 1] & 0xFF)
                            + " sits in namespace index 0, which holds only namespace definitions", e, p, i);
                }
                seen++;
            }
        }
        if (seen != loaded) {
            throw new NvsFormatException(seen + " namespace entries are stored but the runtime loads " + loaded);
        }
    }

    /** Every row's key field is well formed and its namespace index is defined. */
    private static void checkRows(byte[] b, boolean[] defined, ViewRows rows, int[] order) {
        for (int r : order) {
            int e = Page.entryOffset(rows.page(r), rows.entry(r));
            checkKeyField(b, e, rows, r);
            int ns = b[e] & 0xFF;
            if (!defined[ns]) {
                throw new NvsFormatException("key '" + str(rows.key(r)) + "' uses namespace index " + ns
                        + ", which no namespace entry defines", e, rows.page(r), rows.entry(r));
            }
        }
    }

    private static void checkKeyField(byte[] b, int e, ViewRows rows, int r) {
        int nul = 0;
        while (nul < 16 && b[e + 8 + nul] != 0) {
            nul++;
        }
        if (nul == 16) {
            throw new NvsFormatException("the key field holds 16 bytes without a terminating NUL; the runtime "
                    + "compares 15 and can never find this key", e + 8, rows.page(r), rows.entry(r));
        }
        for (int j = nul; j < 16; j++) {
            if (b[e + 8 + j] != 0) {
                throw new NvsFormatException("the key field has non-zero bytes after the NUL that ends key '"
                        + str(rows.key(r)) + "'; the runtime hashes all 16 bytes and can never find it", e + 8,
                        rows.page(r), rows.entry(r));
            }
        }
    }

    private static void checkKeys(byte[] b, BootOutcome outcome) {
        Set<String> keys = new HashSet<>();
        int legacy = 0;
        for (ViewRows rows : List.of(outcome.listed(), outcome.unlisted())) {
            for (int r : rows.readable()) {
                if (!keys.add(str(rows.namespace(r)) + '\0' + str(rows.key(r)))) {
                    int e = Page.entryOffset(rows.page(r), rows.entry(r));
                    throw new NvsFormatException("key '" + str(rows.key(r)) + "' is stored twice in namespace '"
                            + str(rows.namespace(r)) + "'", e, rows.page(r), rows.entry(r));
                }
            }
        }
        for (int p = 0; p < b.length / Page.SIZE; p++) {
            if (Bytes.u32(b, p * Page.SIZE) == 0xFFFFFFFF) {
                continue;
            }
            for (int i = 0; i < N; i += step(b, p, i)) {
                if (pair(b, p, i) == PageSet.WRITTEN && b[Page.entryOffset(p, i) + 1] == ItemHeader.T_BLOB) {
                    legacy++;
                }
            }
        }
        if (legacy != outcome.unlisted().size()) {
            throw new NvsFormatException(legacy + " legacy blobs are stored but only " + outcome.unlisted().size()
                    + " can be read: a legacy blob shares its key with a format-2 blob");
        }
    }

    private static int pair(byte[] b, int p, int i) {
        return (b[p * Page.SIZE + Page.BITMAP_OFFSET + (i >> 2)] >> ((i & 3) << 1)) & 3;
    }

    /** @return how far the page's walk moves from entry i: the span of a written variable-length header, else 1 */
    private static int step(byte[] b, int p, int i) {
        int e = Page.entryOffset(p, i);
        int span = b[e + 2] & 0xFF;
        return pair(b, p, i) == PageSet.WRITTEN && ItemHeader.isVariableLength(b[e + 1] & 0xFF) && span > 0
                ? span : 1;
    }

    private static String str(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
