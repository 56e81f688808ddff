/** Writing NVS images exactly as Espressif's {@code nvs_partition_gen.py} lays them out. */
package io.github.nvs4j.write;
