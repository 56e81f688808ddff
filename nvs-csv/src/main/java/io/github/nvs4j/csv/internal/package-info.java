/** Internal: not exported. */
package io.github.nvs4j.csv.internal;
