package io.github.nvs4j.read;

import io.github.nvs4j.model.NvsValue;

import java.util.Objects;

/**
 * A value the device lists and can read: the namespace name and key the iterator reports, and what the matching
 * {@code nvs_get_*} call returns. A string is its stored bytes without the terminating NUL.
 *
 * @param namespace the namespace name (UTF-8 decoded; can be borrowed from the previous item, see README)
 * @param key the key, at most 15 bytes
 * @param value the value
 */
public record ViewEntry(String namespace, String key, NvsValue value) {
    /** Checks that no component is null. */
    public ViewEntry {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
