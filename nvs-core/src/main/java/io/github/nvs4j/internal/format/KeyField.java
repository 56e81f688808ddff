package io.github.nvs4j.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the 16-byte key field of an entry (entry offset 8–23) from a {@link String}: its UTF-8 bytes, then zeros up
 * to the end of the field. An ASCII key is copied character by character without allocating; any other key goes
 * through {@link String#getBytes(java.nio.charset.Charset)}.
 */
public final class KeyField {

    private KeyField() {
    }

    /**
     * Writes {@code key} into the key field of the entry at {@code e}.
     *
     * @param b the image
     * @param e the entry offset
     * @param key a key of at most 15 UTF-8 bytes (callers validate this; the model does)
     * @throws IllegalArgumentException if the key is longer than 15 bytes in UTF-8
     */
    public static void put(byte[] b, int e, String key) {
        int start = e + Entry.KEY_OFFSET;
        int length = key.length();
        if (length < Entry.KEY_SIZE) {
            // Hot path: zero the 16-byte field with two stores, then copy an ASCII key over it.
            Bytes.putU64(b, start, 0L);
            Bytes.putU64(b, start + 8, 0L);
            int i = 0;
            while (i < length) {
                char c = key.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                b[start + i] = (byte) c;
                i++;
            }
            if (i == length) {
                return;
            }
        }
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        if (utf8.length >= Entry.KEY_SIZE) {
            throw new IllegalArgumentException("key of " + utf8.length + " UTF-8 bytes does not fit the key field");
        }
        Entry.putKey(b, e, utf8);
    }
}
