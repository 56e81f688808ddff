/** The CSV dialect of {@code nvs_partition_gen.py}: reading it into an {@link io.github.nvs4j.model.NvsData}, and writing one back. */
package io.github.nvs4j.csv;
