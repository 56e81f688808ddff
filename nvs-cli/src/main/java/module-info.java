/** The {@code nvs} command line. Not an API: nothing is exported. */
module io.github.nvs4j.cli {
    requires io.github.nvs4j.core;
    requires io.github.nvs4j.csv;
    requires info.picocli;
}
