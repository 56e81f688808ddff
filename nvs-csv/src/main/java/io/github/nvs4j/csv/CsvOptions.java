package io.github.nvs4j.csv;

import io.github.nvs4j.write.FormatVersion;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How generator CSV rows are converted.
 *
 * @param baseFolder the folder that relative paths of {@code file} rows are resolved against. The generator uses
 *                   its working directory (not the CSV's folder); the command line passes the working directory too
 * @param version    the NVS format version the data is meant for: its limits (format 1: strings and blobs of at
 *                   most 1984 bytes; format 2: strings of at most 4000 bytes with the NUL) are checked while
 *                   reading, so that an error can name the line
 */
public record CsvOptions(Path baseFolder, FormatVersion version) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public CsvOptions {
        Objects.requireNonNull(baseFolder, "baseFolder");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Returns options for format 2 (the generator's default) with relative paths resolved against the current
     * working directory, as the generator does.
     *
     * @return the options
     */
    public static CsvOptions defaults() {
        return new CsvOptions(Path.of("").toAbsolutePath(), FormatVersion.V2);
    }

    /**
     * @param newVersion the format version
     * @return these options with another version
     */
    public CsvOptions withVersion(FormatVersion newVersion) {
        return new CsvOptions(baseFolder, newVersion);
    }
}
