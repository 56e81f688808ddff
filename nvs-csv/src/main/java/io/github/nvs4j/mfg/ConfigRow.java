package io.github.nvs4j.mfg;

import java.util.Objects;

/**
 * One row of a mass-manufacturing config file: a namespace row ({@code name,namespace,}) or a key row
 * ({@code key,type,encoding} with an optional fourth field {@code REPEAT}).
 */
public sealed interface ConfigRow permits ConfigRow.Namespace, ConfigRow.Key {

    /** @return the 1-based physical line of the config file the row starts on */
    int line();

    /** @return the namespace name or the key */
    String name();

    /**
     * A namespace row: the key rows after it belong to this namespace.
     *
     * @param line the 1-based line in the config file
     * @param name the namespace name
     * @param encoding the third field as written (normally empty); the generator ignores it, and it is copied to
     *                 the per-device CSV as {@code mfg_gen.py} does
     */
    record Namespace(int line, String name, String encoding) implements ConfigRow {
        /** Checks that no component is null. */
        public Namespace {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(encoding, "encoding");
        }
    }

    /**
     * A key row: one value per device, taken from the values file column of the same name.
     *
     * @param line the 1-based line in the config file
     * @param name the key, also the name of its column in the values file
     * @param type {@code data} or {@code file} (the value is a path whose content is read)
     * @param encoding one of {@link MfgConfig#ENCODINGS}
     * @param repeat whether the row is marked {@code REPEAT}: every device gets the value of the first device line
     */
    record Key(int line, String name, String type, String encoding, boolean repeat) implements ConfigRow {
        /** Checks that no component is null. */
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(encoding, "encoding");
        }
    }
}
