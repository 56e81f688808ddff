/**
 * ESP32 partition tables: finding the NVS partition in a whole-flash dump (spec §14).
 *
 * <ul>
 *   <li>{@link io.github.nvs4j.partition.PartitionTable} reads and validates a table at a known offset, or looks
 *       for one ({@code 0x8000} first, then every 4 KiB boundary), and answers lookups by label and by type;</li>
 *   <li>{@link io.github.nvs4j.partition.Partition} is one entry: label, type, subtype, offset, size, flags; it cuts
 *       its bytes out of a dump with the checks an NVS partition needs;</li>
 *   <li>{@link io.github.nvs4j.partition.NvsLocation} is the choice of NVS image (by label, by range, or automatic)
 *       and {@link io.github.nvs4j.partition.NvsSelection} what it selected, including the {@code readonly} flag
 *       that the NVS reader must honour ({@link io.github.nvs4j.partition.NvsSelection#mode()}).</li>
 * </ul>
 *
 * <p>Errors: {@link io.github.nvs4j.NvsFormatException} for a dump that cannot give what was asked (no table, a
 * damaged table, a partition past the end of the dump), {@link io.github.nvs4j.NvsInputException} for a request that
 * does not fit (a label that is not there or not data/nvs, a bad offset). Nothing else, for any input.
 */
package io.github.nvs4j.partition;
