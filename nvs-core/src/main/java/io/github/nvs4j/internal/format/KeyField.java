package io.github.nvs4j.internal.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 16-byte key field of an entry (entry offset 8–23) as two little-endian words: for writers a key packed once
 * ({@link #pack}) and stored with two 8-byte writes ({@link #put}); for readers, the field's shape eight bytes at a
 * time.
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
     * Packs a key into the two little-endian words of its 16-byte key field: its UTF-8 bytes, then zeros.
     *
     * @param key a key of at most 15 UTF-8 bytes (callers validate this; the model does)
     * @param into receives bytes 0–7 of the field at {@code [at]} and bytes 8–15 at {@code [at + 1]}
     * @param at where to store
     * @throws IllegalArgumentException if the key is longer than 15 bytes in UTF-8
     */
    public static void pack(String key, long[] into, int at) {
        long low = 0;
        long high = 0;
        int length = key.length();
        boolean ascii = length < Entry.KEY_SIZE;
        // Hot path (once per key, when the model is built): an ASCII key is its characters, one byte each.
        for (int i = 0; i < length && ascii; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (i < 8) {
                low |= (long) c << (i << 3);
            } else {
                high |= (long) c << ((i - 8) << 3);
            }
        }
        if (!ascii) {
            byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
            if (utf8.length >= Entry.KEY_SIZE) {
                throw new IllegalArgumentException("key of " + utf8.length + " UTF-8 bytes does not fit the key field");
            }
            byte[] field = Arrays.copyOf(utf8, Entry.KEY_SIZE);
            low = Bytes.u64(field, 0);
            high = Bytes.u64(field, 8);
        }
        into[at] = low;
        into[at + 1] = high;
    }

    /**
     * @param low key field bytes 0–7, little-endian
     * @param high key field bytes 8–15
     * @return whether every byte is below 0x80 (an ASCII key)
     */
    public static boolean isAscii(long low, long high) {
        return ((low | high) & 0x8080_8080_8080_8080L) == 0;
    }

    /**
     * Writes a packed key field (see {@link #pack}) into the entry at {@code e}.
     *
     * @param b the image
     * @param e the entry offset
     * @param low key field bytes 0–7, little-endian
     * @param high key field bytes 8–15
     */
    public static void put(byte[] b, int e, long low, long high) {
        Bytes.putU64(b, e + Entry.KEY_OFFSET, low);
        Bytes.putU64(b, e + Entry.KEY_OFFSET + 8, high);
    }
}
