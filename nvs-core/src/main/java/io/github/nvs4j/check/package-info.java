/**
 * Integrity checking of NVS images: {@link io.github.nvs4j.check.IntegrityChecker} reports
 * {@link io.github.nvs4j.check.Finding}s with a {@link io.github.nvs4j.check.Severity}, a stable
 * {@link io.github.nvs4j.check.FindingCode} and a location (page, entry, byte offset, key), collected in a
 * {@link io.github.nvs4j.check.CheckReport} that prints as text or JSON. {@link io.github.nvs4j.check.NvsToolDump}
 * prints what ESP-IDF's {@code nvs_tool.py} prints for an image.
 */
package io.github.nvs4j.check;
