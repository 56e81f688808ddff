/**
 * nvs4j CSV: the CSV dialect of {@code nvs_partition_gen.py}, both ways ({@link io.github.nvs4j.csv}), and the
 * mass-manufacturing inputs of {@code mfg_gen.py} ({@link io.github.nvs4j.mfg}).
 */
module io.github.nvs4j.csv {
    requires transitive io.github.nvs4j.core;
    requires de.siegmar.fastcsv;

    exports io.github.nvs4j.csv;
    exports io.github.nvs4j.mfg;
}
