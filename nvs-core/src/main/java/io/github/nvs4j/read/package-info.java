/**
 * Reading NVS images: as the ESP-IDF runtime sees them after boot, and back into the model.
 *
 * <ul>
 *   <li>{@link io.github.nvs4j.read.NvsReader#boot(byte[], io.github.nvs4j.read.PartitionMode)} gives the
 *       {@link io.github.nvs4j.read.DeviceView}: what {@code nvs_flash_init}, {@code nvs_get_stats}, the entry
 *       iterator and {@code nvs_get_*} return on a device (ESP-IDF v6.1 rules, docs/nvs-format.md §7), the repairs
 *       boot made on the way, the live key set as a model, and the device-oracle JSON of
 *       {@code testdata/device-images}. It accepts any bytes.</li>
 *   <li>{@link io.github.nvs4j.read.NvsReader#readModel(byte[])} reads a clean image back into the model and refuses
 *       anything a correct writer would not produce.</li>
 * </ul>
 */
package io.github.nvs4j.read;
