/**
 * Internal: the generator's layout policy — where each item goes, when a page is closed, how a blob is split, how
 * the image is finished. Drives {@link io.github.nvs4j.internal.format}; not exported.
 */
package io.github.nvs4j.internal.layout;
