/**
 * The CSV dialect of Espressif's {@code nvs_partition_gen.py} 0.2.0, both ways.
 *
 * <ul>
 *   <li>{@link io.github.nvs4j.csv.NvsCsvReader} reads one or several CSV files (or text in memory) into a
 *       {@link io.github.nvs4j.csv.CsvInput}: the {@link io.github.nvs4j.model.NvsData} plus the file and line each
 *       namespace and item came from, for locating later errors
 *       ({@link io.github.nvs4j.csv.CsvInput#locate(io.github.nvs4j.NvsInputException)}).</li>
 *   <li>{@link io.github.nvs4j.csv.CsvRowConverter} converts {@link io.github.nvs4j.csv.CsvRow}s with a
 *       {@link io.github.nvs4j.csv.SourceRef} each, for rows built in memory (mass manufacturing) that must behave
 *       exactly like CSV rows.</li>
 *   <li>{@link io.github.nvs4j.csv.NvsCsvWriter} writes data back as such a CSV
 *       ({@link io.github.nvs4j.csv.CsvOutput}, with {@link io.github.nvs4j.csv.CsvWarning}s for what cannot
 *       round-trip).</li>
 * </ul>
 * Options: {@link io.github.nvs4j.csv.CsvOptions} (base folder for {@code file} rows, format version). Every refusal
 * is an {@link io.github.nvs4j.NvsInputException} naming the file, line and key. Where nvs4j reads differently from
 * the generator is listed in {@code docs/differences.md}.
 */
package io.github.nvs4j.csv;
