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
 */
public record ViewRow(byte[] namespace, byte[] key, int type, NvsValue value, int error, long position, int page,
                      int entry) {

    /** Compares rows as the device view orders them: namespace bytes, key bytes, then type code. */
    static int compare(ViewRow a, ViewRow b) {
        int c = java.util.Arrays.compareUnsigned(a.namespace, b.namespace);
        if (c == 0) {
            c = java.util.Arrays.compareUnsigned(a.key, b.key);
        }
        return c != 0 ? c : Integer.compare(a.type, b.type);
    }
}
