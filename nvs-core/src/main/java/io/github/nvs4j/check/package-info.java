/** Integrity checking of NVS images: findings with a severity, a stable code and a location. */
package io.github.nvs4j.check;
