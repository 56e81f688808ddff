/**
 * nvs4j core: the ESP-IDF NVS partition format in Java, with no dependency beyond the JDK.
 *
 * <ul>
 *   <li>{@link io.github.nvs4j.model} — namespaces, keys and typed values;</li>
 *   <li>{@link io.github.nvs4j.write} — images byte-identical to {@code nvs_partition_gen.py};</li>
 *   <li>{@link io.github.nvs4j.read} — images as the ESP-IDF runtime sees them after boot;</li>
 *   <li>{@link io.github.nvs4j.check} — integrity findings;</li>
 *   <li>{@link io.github.nvs4j.crypto} — NVS encryption keys and XTS-AES;</li>
 *   <li>{@link io.github.nvs4j.partition} — ESP32 partition tables in whole-flash dumps.</li>
 * </ul>
 */
module io.github.nvs4j.core {
    exports io.github.nvs4j;
    exports io.github.nvs4j.model;
    exports io.github.nvs4j.write;
    exports io.github.nvs4j.read;
    exports io.github.nvs4j.check;
    exports io.github.nvs4j.crypto;
    exports io.github.nvs4j.partition;
}
