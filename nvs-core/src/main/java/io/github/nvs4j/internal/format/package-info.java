/**
 * Internal: the bytes of the NVS format and nothing else — page header, entry state bitmap, entries, item types,
 * the NVS CRC, little-endian fields. No placement or interpretation decisions; not exported.
 */
package io.github.nvs4j.internal.format;
