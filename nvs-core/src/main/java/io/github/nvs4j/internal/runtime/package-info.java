/**
 * Internal: the ESP-IDF runtime's read policy — which pages count, which copy of a key wins, what boot erases.
 * Reads through {@link io.github.nvs4j.internal.format}; not exported.
 */
package io.github.nvs4j.internal.runtime;
