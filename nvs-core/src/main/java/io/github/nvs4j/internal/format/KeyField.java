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

    /**
     * @param key a key
     * @return whether it is ASCII and at most 15 characters long: then {@link #word} gives its key field
     */
    public static boolean isShortAscii(String key) {
        int length = key.length();
        if (length >= Entry.KEY_SIZE) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Eight bytes of the key field of a key accepted by {@link #isShortAscii}, as a little-endian long: the
     * characters {@code from .. from + 7}, zeros past the end of the key.
     *
     * @param key a short ASCII key
     * @param from 0 for entry bytes 8..15, 8 for entry bytes 16..23
     * @return the word
     */
    public static long word(String key, int from) {
        long word = 0;
        for (int i = Math.min(key.length(), from + 8) - 1; i >= from; i--) {
            word = (word << 8) | key.charAt(i);
        }
        return word;
    }
}
