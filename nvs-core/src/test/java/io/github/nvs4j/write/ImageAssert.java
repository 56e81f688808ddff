package io.github.nvs4j.write;

import static org.assertj.core.api.Assertions.fail;

/** Whole-image comparison that reports the first difference as page / header, bitmap or entry. */
final class ImageAssert {

    private ImageAssert() {
    }

    /**
     * Fails unless {@code actual} equals {@code expected} byte for byte.
     *
     * @param what a name for the image, for the message
     * @param actual the bytes written
     * @param expected the recorded bytes
     */
    static void assertSameImage(String what, byte[] actual, byte[] expected) {
        int common = Math.min(actual.length, expected.length);
        for (int i = 0; i < common; i++) {
            if (actual[i] != expected[i]) {
                fail("%s: first difference at offset 0x%x (%s): expected %02x, got %02x%s", what, i, locate(i),
                        expected[i] & 0xFF, actual[i] & 0xFF,
                        actual.length == expected.length ? "" : "; lengths also differ: expected " + expected.length
                                + ", got " + actual.length);
            }
        }
        if (actual.length != expected.length) {
            fail("%s: expected %d bytes, got %d (equal up to offset 0x%x, %s)", what, expected.length, actual.length,
                    common, locate(common));
        }
    }

    /**
     * @param offset an image offset
     * @return where it lies: page, and header / bitmap / entry with the byte inside it
     */
    static String locate(int offset) {
        int page = offset / 4096;
        int inPage = offset % 4096;
        if (inPage < 32) {
            return "page " + page + ", header byte " + inPage;
        }
        if (inPage < 64) {
            return "page " + page + ", bitmap byte " + (inPage - 32);
        }
        return "page " + page + ", entry " + (inPage - 64) / 32 + ", byte " + (inPage - 64) % 32;
    }
}
