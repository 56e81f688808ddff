/** The nvs4j exception family: {@link io.github.nvs4j.NvsException} and its two kinds. */
package io.github.nvs4j;
