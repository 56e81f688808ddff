package io.github.nvs4j.read;

import io.github.nvs4j.model.ValueType;

import java.util.Objects;

/**
 * An item the device's iterator lists but whose {@code nvs_get_*} call fails: typically a string or blob whose
 * data CRC does not match, or an item whose namespace entry is gone (it is then listed under a borrowed name).
 *
 * @param namespace the namespace name the iterator reports
 * @param key the key the iterator reports
 * @param type the type the iterator reports
 * @param error the ESP-IDF error name the read returned, for example {@code ESP_ERR_NVS_NOT_FOUND}
 */
public record UnreadableEntry(String namespace, String key, ValueType type, String error) {
    /** Checks that no component is null. */
    public UnreadableEntry {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(error, "error");
    }
}
