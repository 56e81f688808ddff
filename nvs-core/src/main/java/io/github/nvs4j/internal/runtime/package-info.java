/**
 * Internal: the ESP-IDF runtime's read policy — which pages count, which copy of a key wins, what boot erases — as
 * an emulation of {@code nvs::Page}, {@code nvs::PageManager} and {@code nvs::Storage} over a copy of the image:
 * {@link io.github.nvs4j.internal.runtime.PageLoader} (page load, §7.1–§7.3),
 * {@link io.github.nvs4j.internal.runtime.PageManager} (page order, last-item check, FREEING recovery, §7.4),
 * {@link io.github.nvs4j.internal.runtime.Storage} (namespaces, blob consistency, lookups, §7.5–§7.7) and
 * {@link io.github.nvs4j.internal.runtime.Boot}, which drives them as the device oracle did. Per-page state lives in
 * flat arrays ({@link io.github.nvs4j.internal.runtime.PageSet}); entries are read in place. Reads through
 * {@link io.github.nvs4j.internal.format}; not exported.
 */
package io.github.nvs4j.internal.runtime;
