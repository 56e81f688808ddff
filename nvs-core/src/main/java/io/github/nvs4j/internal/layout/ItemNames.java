package io.github.nvs4j.internal.layout;

/**
 * The names of the item being placed, for messages only: a placer asks for them when it refuses a value, so that the
 * layout's per-item loop does not read them from the model for every item.
 */
interface ItemNames {

    /** @return the item's namespace name */
    String namespace();

    /** @return the item's key */
    String key();

    /**
     * @param namespace a namespace name
     * @param key a key
     * @return fixed names
     */
    static ItemNames of(String namespace, String key) {
        return new ItemNames() {
            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public String key() {
                return key;
            }
        };
    }
}
