/** Reading NVS images: back into the model, and as the ESP-IDF runtime sees them after boot. */
package io.github.nvs4j.read;
