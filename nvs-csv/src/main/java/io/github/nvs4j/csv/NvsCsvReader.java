package io.github.nvs4j.csv;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.internal.CsvLines;
import io.github.nvs4j.csv.internal.GeneratorCsvParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads CSV files in the dialect of Espressif's {@code nvs_partition_gen.py} 0.2.0 into an {@link CsvInput}.
 *
 * <p>The dialect (spec §8): UTF-8 text with universal newlines; physical lines starting with {@code #} are dropped
 * before parsing (even inside quoted values); then Python's CSV rules: comma, double quotes, {@code ""} for a quote
 * inside quotes, quoted values may span lines, no trimming, blank lines skipped. The first row is the header and
 * must name the columns {@code key}, {@code type}, {@code encoding} and {@code value} (any order; more columns are
 * ignored). Each following row is converted by {@link CsvRowConverter}. Several files are read in order as one run:
 * each needs its own header, and rows at the start of a file belong to the last namespace of the file before.
 *
 * <p>Where nvs4j differs from the generator (it refuses rows before the first namespace, duplicate keys, unknown
 * types; decodes encodings in any letter case; skips a byte order mark; and more) is listed in
 * {@code docs/differences.md}. Every refusal is an {@link NvsInputException} naming the file, the physical line
 * and, where there is one, the key.
 */
public final class NvsCsvReader {

    /** Largest CSV file read: far above what fills the largest NVS partition. */
    static final long MAX_CSV_BYTES = 64L << 20;

    private NvsCsvReader() {
    }

    /**
     * Reads one CSV file. Messages name the file as {@code file.toString()}.
     *
     * @param file    the CSV file
     * @param options the base folder for {@code file} rows and the format version whose limits apply
     * @return the data and where each item came from
     * @throws NvsInputException if the file cannot be read or a row is refused
     */
    public static CsvInput read(Path file, CsvOptions options) {
        return read(List.of(file), options);
    }

    /**
     * Reads several CSV files in order, as one generator run with several inputs.
     *
     * @param files   the CSV files, in order
     * @param options the base folder for {@code file} rows and the format version whose limits apply
     * @return the data and where each item came from
     * @throws NvsInputException if a file cannot be read or a row is refused
     */
    public static CsvInput read(List<Path> files, CsvOptions options) {
        CsvRowConverter converter = CsvRowConverter.start(options);
        for (Path file : files) {
            String source = file.toString();
            GeneratorCsvParser.parse(source, CsvLines.of(source, bytes(file)), rowsInto(converter));
        }
        return converter.finish();
    }

    /**
     * Reads CSV content held in memory, as if it were a file of that name.
     *
     * @param sourceName the name used in messages, for example {@code nvs.csv}
     * @param content    the file's bytes (UTF-8)
     * @param options    the base folder for {@code file} rows and the format version whose limits apply
     * @return the data and where each item came from
     * @throws NvsInputException if a row is refused
     */
    public static CsvInput read(String sourceName, byte[] content, CsvOptions options) {
        Objects.requireNonNull(sourceName, "sourceName");
        CsvRowConverter converter = CsvRowConverter.start(options);
        GeneratorCsvParser.parse(sourceName, CsvLines.of(sourceName, content), rowsInto(converter));
        return converter.finish();
    }

    /**
     * Reads CSV text held in memory, as if it were a file of that name.
     *
     * @param sourceName the name used in messages, for example {@code nvs.csv}
     * @param text       the file's text
     * @param options    the base folder for {@code file} rows and the format version whose limits apply
     * @return the data and where each item came from
     * @throws NvsInputException if a row is refused
     */
    public static CsvInput read(String sourceName, String text, CsvOptions options) {
        Objects.requireNonNull(sourceName, "sourceName");
        CsvRowConverter converter = CsvRowConverter.start(options);
        GeneratorCsvParser.parse(sourceName, CsvLines.of(text), rowsInto(converter));
        return converter.finish();
    }

    /**
     * The converter as the parser's row consumer: a class of its own rather than {@code converter::add}, because
     * linking a method reference costs the command line more at start-up than the whole of a small CSV (the
     * method-handle machinery is initialised on first use; see nvs-benchmarks/RESULTS.md, start-up).
     */
    private static Consumer<CsvRow> rowsInto(CsvRowConverter converter) {
        return new Consumer<>() {
            @Override
            public void accept(CsvRow row) {
                converter.add(row);
            }
        };
    }

    private static byte[] bytes(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new NvsInputException("is a directory, not a CSV file", source, 0, null, null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_CSV_BYTES + 1);
            if (bytes.length > MAX_CSV_BYTES) {
                throw new NvsInputException("the CSV file is larger than " + (MAX_CSV_BYTES >> 20) + " MiB",
                        source, 0, null, null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new NvsInputException("the CSV file does not exist", source, 0, null, e);
        } catch (AccessDeniedException e) {
            throw new NvsInputException("the CSV file cannot be read: access denied", source, 0, null, e);
        } catch (IOException e) {
            throw new NvsInputException("the CSV file cannot be read: " + e.getMessage(), source, 0, null, e);
        }
    }
}
