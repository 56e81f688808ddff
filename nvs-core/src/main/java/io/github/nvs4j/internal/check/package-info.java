/**
 * Internal: the integrity checks behind {@link io.github.nvs4j.check.IntegrityChecker} and the {@code nvs_tool.py}
 * compatible dump behind {@link io.github.nvs4j.check.NvsToolDump}. {@link io.github.nvs4j.internal.check.ToolParse}
 * reproduces how ESP-IDF's {@code nvs_tool.py} parses an image (another tool's view, not the device's); the device
 * checks read fields in place through {@link io.github.nvs4j.internal.format}. Not exported.
 */
package io.github.nvs4j.internal.check;
