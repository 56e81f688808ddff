package io.github.nvs4j.model;

import io.github.nvs4j.NvsInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of an NVS partition as an application sees it: namespaces, and in them keys with typed values.
 * Immutable; build one with {@link #builder()}.
 *
 * <p>Order matters, because it decides the bytes the generator writes: {@link #items()} lists the items in write
 * order and {@link #namespaceStart(int)} says where among them each namespace was defined. The
 * {@linkplain Builder builder} records both as calls are made, the way {@code nvs_partition_gen.py} walks its CSV: a
 * namespace is defined by its first {@link Builder#namespace(String)} call and items go to the current namespace.
 *
 * <p>Validated at construction: keys and namespace names of at most {@value #MAX_KEY_BYTES} bytes (UTF-8) without
 * NUL, at most {@value #MAX_NAMESPACES} namespaces, no key twice in one namespace, every item in a defined
 * namespace. Value ranges are checked by the {@link NvsValue} records themselves.
 */
public final class NvsData {

    /** Longest key or namespace name, in bytes: the 16-byte key field holds 15 bytes and a NUL. */
    public static final int MAX_KEY_BYTES = 15;

    /** Most namespaces a partition can hold: indices 1 to 254 (0 and 255 are reserved). */
    public static final int MAX_NAMESPACES = 254;

    private static final NvsData EMPTY = new Builder().build();

    private final List<String> namespaces;
    private final int[] namespaceStarts;
    private final List<Item> items;
    private final Map<String, Map<String, Item>> byNamespace;

    private NvsData(List<String> namespaces, int[] namespaceStarts, List<Item> items,
                    Map<String, Map<String, Item>> byNamespace) {
        this.namespaces = namespaces;
        this.namespaceStarts = namespaceStarts;
        this.items = items;
        this.byNamespace = byNamespace;
    }

    /**
     * One key with its value, in a namespace.
     *
     * @param namespace the namespace name
     * @param key the key
     * @param value the value
     */
    public record Item(String namespace, String key, NvsValue value) {
        /** Checks that no component is null and that the names are valid NVS keys. */
        public Item {
            checkName(namespace, "namespace");
            checkName(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the content with no namespace and no item */
    public static NvsData empty() {
        return EMPTY;
    }

    /** @return the namespace names in the order they were defined (index 1, 2, … in a generated image) */
    public List<String> namespaces() {
        return namespaces;
    }

    /**
     * Returns where a namespace was defined among the items: the number of items written before its definition.
     *
     * @param ordinal the position of the namespace in {@link #namespaces()}
     * @return the number of items that precede the namespace's definition
     */
    public int namespaceStart(int ordinal) {
        return namespaceStarts[ordinal];
    }

    /** @return every item, in write order */
    public List<Item> items() {
        return items;
    }

    /**
     * @param namespace a namespace name
     * @return the items of that namespace in write order; empty if the namespace is not defined
     */
    public List<Item> items(String namespace) {
        Map<String, Item> keys = byNamespace.get(namespace);
        return keys == null ? List.of() : List.copyOf(keys.values());
    }

    /**
     * @param namespace a namespace name
     * @param key a key
     * @return the value of that key, if present
     */
    public Optional<NvsValue> get(String namespace, String key) {
        Map<String, Item> keys = byNamespace.get(namespace);
        Item item = keys == null ? null : keys.get(key);
        return item == null ? Optional.empty() : Optional.of(item.value());
    }

    /** @return the number of items */
    public int size() {
        return items.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NvsData other && namespaces.equals(other.namespaces)
                && Arrays.equals(namespaceStarts, other.namespaceStarts) && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return 31 * namespaces.hashCode() + items.hashCode();
    }

    @Override
    public String toString() {
        return "NvsData[namespaces=" + namespaces + ", items=" + items + "]";
    }

    /**
     * Checks that a key or namespace name can be stored: at most {@value #MAX_KEY_BYTES} bytes in UTF-8 and no NUL.
     *
     * @param name the key or namespace name
     * @param what {@code "key"} or {@code "namespace"}, for the message
     * @throws NvsInputException naming the key when it cannot be stored
     */
    public static void checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.indexOf('\0') >= 0) {
            throw new NvsInputException(what + " contains a NUL character, which would end it early",
                    null, 0, name, null);
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new NvsInputException(what + " is " + bytes + " bytes long in UTF-8; at most " + MAX_KEY_BYTES
                    + " bytes fit the 16-byte key field (with its NUL)", null, 0, name, null);
        }
    }

    /**
     * Builds an {@link NvsData}. Not thread-safe. Every method validates its arguments at once and throws
     * {@link NvsInputException} naming the key at fault.
     */
    public static final class Builder {
        private final List<String> namespaces = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();
        private final List<Item> items = new ArrayList<>();
        private final Map<String, Map<String, Item>> byNamespace = new HashMap<>();
        private String current;

        private Builder() {
        }

        /**
         * Makes {@code name} the current namespace, defining it first if it is new.
         *
         * @param name the namespace name
         * @return this builder
         */
        public Builder namespace(String name) {
            checkName(name, "namespace");
            if (!byNamespace.containsKey(name)) {
                if (namespaces.size() == MAX_NAMESPACES) {
                    throw new NvsInputException("too many namespaces: NVS holds at most " + MAX_NAMESPACES
                            + " (indices 1 to 254)", null, 0, name, null);
                }
                namespaces.add(name);
                starts.add(items.size());
                byNamespace.put(name, new LinkedHashMap<>());
            }
            current = name;
            return this;
        }

        /**
         * Adds a key to the current namespace.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, NvsValue value) {
            if (current == null) {
                throw new NvsInputException("no namespace defined yet: every key needs a namespace before it",
                        null, 0, key, null);
            }
            return add(new Item(current, key, value));
        }

        /**
         * Makes {@code namespace} current (defining it if new) and adds a key to it.
         *
         * @param namespace the namespace name
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String namespace, String key, NvsValue value) {
            namespace(namespace);
            return put(key, value);
        }

        private Builder add(Item item) {
            Map<String, Item> keys = byNamespace.get(item.namespace());
            if (keys.containsKey(item.key())) {
                throw new NvsInputException("key is already set in namespace '" + item.namespace()
                        + "'; each key may appear once per namespace", null, 0, item.key(), null);
            }
            keys.put(item.key(), item);
            items.add(item);
            return this;
        }

        /** @return the number of items added so far */
        public int size() {
            return items.size();
        }

        /** @return the immutable content */
        public NvsData build() {
            Map<String, Map<String, Item>> copy = new HashMap<>();
            byNamespace.forEach((ns, keys) -> copy.put(ns, Collections.unmodifiableMap(new LinkedHashMap<>(keys))));
            return new NvsData(List.copyOf(namespaces), starts.stream().mapToInt(Integer::intValue).toArray(),
                    List.copyOf(items), Collections.unmodifiableMap(copy));
        }
    }
}
