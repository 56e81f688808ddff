package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.model.NvsValue;

/**
 * One line of the device view: an item the iterator listed (or a legacy blob found by the {@code unlisted} rule),
 * with the value its {@code nvs_get_*} call returned or the error it failed with.
 *
 * @param namespace the namespace name bytes (at most 15, no NUL)
 * @param key the key bytes (at most 15, no NUL)
 * @param type the type byte the iterator reports ({@code 0x42} for blobs)
 * @param value the value read, or {@code null} when the read failed
 * @param error the ESP-IDF error code of the read ({@link Esp#OK} when a value was read)
 * @param position the item's place in the page log: page rank × 126 + entry index
 * @param page the physical page of the listed entry
 * @param entry the entry index of the listed entry
 * @param keyPrefix the first 8 key bytes as an unsigned big-endian number (zero-padded), to order rows quickly
 */
public record ViewRow(byte[] namespace, byte[] key, int type, NvsValue value, int error, long position, int page,
                      int entry, long keyPrefix) {

    /** Creates a row, computing its key prefix. */
    static ViewRow of(byte[] namespace, byte[] key, int type, NvsValue value, int error, long position, int page,
                      int entry) {
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix = (prefix << 8) | (i < key.length ? key[i] & 0xFF : 0);
        }
        return new ViewRow(namespace, key, type, value, error, position, page, entry, prefix);
    }

    /** Compares rows as the device view orders them: namespace bytes, key bytes, then type code. */
    static int compare(ViewRow a, ViewRow b) {
        int c = a.namespace == b.namespace ? 0 : compareBytes(a.namespace, b.namespace);
        if (c == 0) {
            c = Long.compareUnsigned(a.keyPrefix, b.keyPrefix);
            if (c == 0) {
                c = compareBytes(a.key, b.key);
            }
        }
        return c != 0 ? c : Integer.compare(a.type, b.type);
    }

    /** Unsigned lexicographic order of short arrays (a plain loop beats the vectorised mismatch at this size). */
    static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return (a[i] & 0xFF) - (b[i] & 0xFF);
            }
        }
        return a.length - b.length;
    }

    /** @return whether both rows name the same namespace and key */
    static boolean sameKey(ViewRow a, ViewRow b) {
        return (a.namespace == b.namespace || compareBytes(a.namespace, b.namespace) == 0)
                && compareBytes(a.key, b.key) == 0;
    }
}
