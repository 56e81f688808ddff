package io.github.nvs4j.csv;

import java.util.Objects;

/**
 * Something that does not survive writing data as a generator CSV: reading the CSV back gives different data here.
 * For example a string that can only be written as {@code hex2bin} (it reads back as a blob), or a key that the
 * generator's Wi-Fi rule adds or replaces.
 *
 * @param namespace the namespace concerned
 * @param key       the key concerned
 * @param message   what differs and why
 */
public record CsvWarning(String namespace, String key, String message) {

    /**
     * Checks that no component is {@code null}.
     *
     * @throws NullPointerException if one is
     */
    public CsvWarning {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code namespace 'ns', key 'k': message} */
    @Override
    public String toString() {
        return "namespace '" + namespace + "', key '" + key + "': " + message;
    }
}
