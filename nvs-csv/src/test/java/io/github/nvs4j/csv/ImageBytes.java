package io.github.nvs4j.csv;

import java.util.zip.CRC32;

/** Reading an NVS image in the harness, straight from the spec (§1, §2), independent of the code under test. */
final class ImageBytes {

    static final int PAGE = 4096;
    static final int FIRST_ENTRY = 64;
    static final int ENTRY = 32;

    private ImageBytes() {
    }

    /** @return the offset of entry {@code entry} of page {@code page} */
    static int entryOffset(int page, int entry) {
        return page * PAGE + FIRST_ENTRY + entry * ENTRY;
    }

    /** @return where the first difference lies, as page/entry/field, or null when the images are equal */
    static String firstDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                return describe(i) + String.format(": expected 0x%02X, got 0x%02X", expected[i] & 0xFF, actual[i] & 0xFF);
            }
        }
        return expected.length == actual.length ? null
                : "length: expected " + expected.length + " bytes, got " + actual.length;
    }

    /** @return an offset as page, then header / bitmap / entry and byte within */
    static String describe(int offset) {
        int page = offset / PAGE;
        int inPage = offset % PAGE;
        String where;
        if (inPage < 32) {
            where = "header byte " + inPage;
        } else if (inPage < FIRST_ENTRY) {
            where = "entry-state bitmap byte " + (inPage - 32);
        } else {
            where = "entry " + (inPage - FIRST_ENTRY) / ENTRY + " byte " + (inPage - FIRST_ENTRY) % ENTRY;
        }
        return String.format("offset 0x%X (page %d, %s)", offset, page, where);
    }

    /** The NVS CRC of spec §2.3: CRC-32 with the register starting at 0, i.e. the standard CRC over FF FF FF FF ‖ data. */
    static int nvsCrc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(new byte[] {-1, -1, -1, -1});
        c.update(b, off, len);
        return (int) c.getValue();
    }

    /** @return the CRC an entry should carry: over bytes 0–3 and 8–31 (spec §2.4) */
    static int entryCrc(byte[] image, int entry) {
        CRC32 c = new CRC32();
        c.update(new byte[] {-1, -1, -1, -1});
        c.update(image, entry, 4);
        c.update(image, entry + 8, 24);
        return (int) c.getValue();
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int u32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    /** @return the key of an entry, decoded as UTF-8 up to its NUL */
    static String key(byte[] b, int entry) {
        int end = entry + 8;
        while (end < entry + 24 && b[end] != 0) {
            end++;
        }
        return new String(b, entry + 8, end - entry - 8, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @return the offset of the first entry on page 0 with this namespace index, type and key; -1 if none */
    static int find(byte[] image, int nsIndex, int type, String key) {
        for (int page = 0; page * PAGE < image.length; page++) {
            for (int e = 0; e < 126; e++) {
                int off = entryOffset(page, e);
                if (off + ENTRY > image.length) {
                    return -1;
                }
                if (u8(image, off) == nsIndex && u8(image, off + 1) == type && key(image, off).equals(key)) {
                    return off;
                }
            }
        }
        return -1;
    }
}
