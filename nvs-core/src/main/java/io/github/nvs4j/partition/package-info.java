/** ESP32 partition tables: finding the NVS partition in a whole-flash dump. */
package io.github.nvs4j.partition;
