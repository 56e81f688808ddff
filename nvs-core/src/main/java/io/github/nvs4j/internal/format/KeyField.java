package io.github.nvs4j.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the 16-byte key field of an entry (entry offset 8–23) from a {@link String}: its UTF-8 bytes, then zeros up
 * to the end of the field. An ASCII key is copied character by character without allocating; any other key goes
 * through {@link String#getBytes(java.nio.charset.Charset)}. For readers, the field's shape eight bytes at a time.
 */
public final class KeyField {

    private KeyField() {
    }

    /**
     * Marks the zero bytes of a word: the top bit of each zero byte is set, and possibly of bytes above a zero byte
     * (borrows), so only the lowest set bit is exact, which marks the first zero byte of a little-endian word.
     *
     * @param word eight bytes, little-endian
     * @return 0 if no byte is zero
     */
    public static long zeroBytes(long word) {
        return (word - 0x0101_0101_0101_0101L) & ~word & 0x8080_8080_8080_8080L;
    }

    /**
     * @param zeroBytes the non-zero result of {@link #zeroBytes} for a word
     * @return a mask of the word's bytes up to and including its first zero byte
     */
    public static long throughFirstZero(long zeroBytes) {
        int bits = Long.numberOfTrailingZeros(zeroBytes) + 1; // the zero byte's top bit + 1: where it ends
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /**
     * @param b the image
     * @param e the entry offset
     * @return whether the key field holds a NUL and nothing but zeros after its first NUL (as every writer leaves it)
     */
    public static boolean isTerminatedAndPadded(byte[] b, int e) {
        long w0 = Bytes.u64(b, e + Entry.KEY_OFFSET);
        long w1 = Bytes.u64(b, e + Entry.KEY_OFFSET + 8);
        long z0 = zeroBytes(w0);
        if (z0 != 0) {
            return (w0 & ~throughFirstZero(z0)) == 0 && w1 == 0;
        }
        long z1 = zeroBytes(w1);
        return z1 != 0 && (w1 & ~throughFirstZero(z1)) == 0;
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
