/** Internal: JSON text output in the exact styles nvs4j must reproduce; not exported. */
package io.github.nvs4j.internal.json;
