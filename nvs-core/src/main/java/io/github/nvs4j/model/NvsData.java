package io.github.nvs4j.model;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.model.EncodedItems;

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

    static {
        // nvs-core's writer reads the pre-encoded items through this (internal, not exported)
        EncodedItems.install(data -> data.encoded);
    }

    private static final NvsData EMPTY = new Builder().build();

    private final List<String> namespaces;
    private final int[] namespaceStarts;
    private final List<Item> items;
    private final Map<String, Map<String, Item>> byNamespace;
    /** The items again, as flat arrays for the writer (see {@link EncodedItems}); derived, not part of equality. */
    private final EncodedItems encoded;

    private NvsData(List<String> namespaces, int[] namespaceStarts, List<Item> items,
                    Map<String, Map<String, Item>> byNamespace, EncodedItems encoded) {
        this.namespaces = namespaces;
        this.namespaceStarts = namespaceStarts;
        this.items = items;
        this.byNamespace = byNamespace;
        this.encoded = encoded;
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
        // Fast path, a pass over the characters without encoding: ASCII without NUL has one byte per character.
        int length = name.length();
        if (length <= MAX_KEY_BYTES) {
            boolean plain = true;
            for (int i = 0; i < length && plain; i++) {
                char c = name.charAt(i);
                plain = c != 0 && c < 0x80;
            }
            if (plain) {
                return;
            }
        }
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
        // build() hands these to the NvsData it makes, wrapped read-only instead of copied (copying every
        // namespace's map was a fifth of reading a CSV; EncodeBenchmark.fromCsv). A builder used again after build()
        // copies them first, so that the NvsData already built never changes.
        private List<String> namespaces = new ArrayList<>();
        private int[] starts = new int[8];
        private List<Item> items = new ArrayList<>();
        private Map<String, Map<String, Item>> byNamespace = new HashMap<>();
        /** The items pre-encoded for the writer; shares its arrays with built content until its next change. */
        private final EncodedItems.Appender encoded = new EncodedItems.Appender();
        private boolean handedOut;
        private String current;
        /** The index of the current namespace, 1…254. */
        private int currentIndex;
        /** Every namespace's index (builder-only, never handed out). */
        private final Map<String, Integer> indexes = new HashMap<>();
        /** The map of the current namespace. */
        private Map<String, Item> currentKeys;

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
            if (name.equals(current)) {
                return this;
            }
            beforeChange();
            Map<String, Item> keys = byNamespace.get(name);
            if (keys == null) {
                if (namespaces.size() == MAX_NAMESPACES) {
                    throw new NvsInputException("too many namespaces: NVS holds at most " + MAX_NAMESPACES
                            + " (indices 1 to 254)", null, 0, name, null);
                }
                if (namespaces.size() == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[namespaces.size()] = items.size();
                namespaces.add(name);
                indexes.put(name, namespaces.size());
                keys = new LinkedHashMap<>();
                byNamespace.put(name, keys);
            }
            current = name;
            currentIndex = indexes.get(name);
            currentKeys = keys;
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
            Item item = new Item(current, key, value);
            beforeChange();
            if (currentKeys.putIfAbsent(key, item) != null) {
                throw new NvsInputException("key is already set in namespace '" + current
                        + "'; each key may appear once per namespace", null, 0, key, null);
            }
            items.add(item);
            encoded.add(currentIndex, key, value);
            return this;
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

        /** @return the number of items added so far */
        public int size() {
            return items.size();
        }

        /** @return the immutable content */
        public NvsData build() {
            handedOut = true;
            Map<String, Map<String, Item>> readOnly = new HashMap<>();
            for (Map.Entry<String, Map<String, Item>> keys : byNamespace.entrySet()) {
                readOnly.put(keys.getKey(), Collections.unmodifiableMap(keys.getValue()));
            }
            return new NvsData(Collections.unmodifiableList(namespaces), Arrays.copyOf(starts, namespaces.size()),
                    Collections.unmodifiableList(items), Collections.unmodifiableMap(readOnly), encoded.view());
        }

        /** After {@link #build()}: takes copies, so that changes do not reach the content already built. */
        private void beforeChange() {
            if (!handedOut) {
                return;
            }
            handedOut = false;
            namespaces = new ArrayList<>(namespaces);
            items = new ArrayList<>(items);
            Map<String, Map<String, Item>> copy = new HashMap<>();
            for (Map.Entry<String, Map<String, Item>> keys : byNamespace.entrySet()) {
                copy.put(keys.getKey(), new LinkedHashMap<>(keys.getValue()));
            }
            byNamespace = copy;
            currentKeys = current == null ? null : byNamespace.get(current);
        }
    }
}
