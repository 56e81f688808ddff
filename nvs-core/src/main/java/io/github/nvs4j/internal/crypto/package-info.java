/** Internal: not exported, no compatibility promise. */
package io.github.nvs4j.internal.crypto;
