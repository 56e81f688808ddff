package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mass-manufacturing config file: the schema every device image follows. It has no header line; each row is a
 * namespace row {@code name,namespace,} or a key row {@code key,type,encoding}, optionally followed by a fourth
 * field {@code REPEAT} (every device then gets the value of the first device line). Rows keep their file order,
 * which is the order the items are written in.
 *
 * <p>Checked as {@code mfg_gen.py} checks it, in its order (steps 4 and 5 of its validation; see
 * {@link MfgJob#open}), with messages that name the file, the line and the field:
 * <ol>
 *   <li>every row has exactly the fields {@code key,type,encoding}, or those and {@code REPEAT};</li>
 *   <li>row by row: the type is {@code data}, {@code file} or {@code namespace}, and a key row's encoding is one of
 *       {@link #ENCODINGS}.</li>
 * </ol>
 * Then nvs4j's own checks: {@code REPEAT} only on key rows, and no name starting with {@code #} (the generator
 * would drop that row of the per-device CSV as a comment). Blank and whitespace-only lines are skipped; line
 * numbers are physical lines of the file. Immutable.
 */
public final class MfgConfig {

    /** Accepted types: as in {@code mfg_gen.py}, compared case-sensitively. */
    public static final List<String> TYPES = List.of("data", "file", "namespace");

    /**
     * Accepted encodings: {@code mfg_gen.py}'s list plus {@code i16}, which it leaves out although the generator
     * supports it. Compared case-sensitively, as {@code mfg_gen.py} does.
     */
    public static final List<String> ENCODINGS = List.of("string", "binary", "hex2bin", "base64",
            "u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64");

    /** The optional fourth field of a key row. */
    public static final String REPEAT = "REPEAT";

    /** Most rows a config file may have (far more than any partition holds). */
    static final int MAX_ROWS = 100_000;

    private static final String NAMESPACE = "namespace";

    private final String source;
    private final List<ConfigRow> rows;
    private final List<ConfigRow.Key> keys;

    private MfgConfig(String source, List<ConfigRow> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
        List<ConfigRow.Key> keyRows = new ArrayList<>();
        for (ConfigRow row : rows) {
            if (row instanceof ConfigRow.Key key) {
                keyRows.add(key);
            }
        }
        this.keys = List.copyOf(keyRows);
    }

    /**
     * Reads and checks a config file.
     *
     * @param file the config file (UTF-8; its name must end in {@code .csv})
     * @return the config
     * @throws NvsInputException naming the file and line of the first problem
     */
    public static MfgConfig read(Path file) {
        InputFile input = new InputFile(file, "config");
        input.checkExtension();
        List<CsvRecord> records = readRecords(input);
        if (records.isEmpty()) {
            throw input.empty();
        }
        return fromRecords(records, input.source());
    }

    /**
     * Parses and checks config text, for callers that do not hold a file.
     *
     * @param text the content of a config file
     * @param source the name to use in messages
     * @return the config
     * @throws NvsInputException naming the source and line of the first problem
     */
    public static MfgConfig parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        List<CsvRecord> records = new ArrayList<>();
        try (ExcelCsvReader reader = new ExcelCsvReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source)) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        if (records.isEmpty()) {
            throw new NvsInputException("the config file is empty: it has no line other than blank ones", source,
                    0, null, null);
        }
        return fromRecords(records, source);
    }

    /** Reads every record of a config file (bounded by {@link #MAX_ROWS}). */
    static List<CsvRecord> readRecords(InputFile input) {
        List<CsvRecord> records = new ArrayList<>();
        try (ExcelCsvReader reader = input.open()) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                if (records.size() == MAX_ROWS) {
                    throw new NvsInputException("the config file has more than " + MAX_ROWS + " rows",
                            input.source(), r.line(), null, null);
                }
                records.add(r);
            }
        }
        return records;
    }

    /** Steps 4 and 5 of {@code mfg_gen.py}'s checks, then nvs4j's own, on records already read. */
    static MfgConfig fromRecords(List<CsvRecord> records, String source) {
        for (CsvRecord r : records) {
            checkFieldCount(r, source);
        }
        List<ConfigRow> rows = new ArrayList<>(records.size());
        for (CsvRecord r : records) {
            rows.add(toRow(r, source));
        }
        for (ConfigRow row : rows) {
            if (row.name().startsWith("#")) {
                throw new NvsInputException((row instanceof ConfigRow.Namespace ? "namespace" : "key")
                        + " name starts with '#': nvs_partition_gen.py drops such a line of the per-device CSV as"
                        + " a comment, so the row would be lost; rename it", source, row.line(), row.name(), null);
            }
        }
        return new MfgConfig(source, rows);
    }

    private static void checkFieldCount(CsvRecord r, String source) {
        int n = r.size();
        if (n == 3 || n == 4 && REPEAT.equals(r.field(3))) {
            return;
        }
        String found = n == 4
                ? "this row has a 4th field '" + r.field(3) + "', which is not REPEAT"
                : "this row has " + n + " field" + (n == 1 ? "" : "s");
        throw new NvsInputException("data missing or extra: a config row needs exactly the fields"
                + " key,type,encoding, optionally followed by REPEAT (a namespace row is 'name,namespace,'); "
                + found, source, r.line(), n > 0 ? r.field(0) : null, null);
    }

    private static ConfigRow toRow(CsvRecord r, String source) {
        String name = r.field(0);
        String type = r.field(1);
        String encoding = r.field(2);
        boolean repeat = r.size() == 4;
        if (!TYPES.contains(type)) {
            throw new NvsInputException("invalid datatype '" + type + "' in field 2: accepted are "
                    + String.join(", ", TYPES), source, r.line(), name, null);
        }
        if (NAMESPACE.equals(type)) {
            if (repeat) {
                throw new NvsInputException("REPEAT applies to key rows only, not to a namespace row", source,
                        r.line(), name, null);
            }
            return new ConfigRow.Namespace(r.line(), name, encoding);
        }
        if (!ENCODINGS.contains(encoding)) {
            throw new NvsInputException("invalid encoding '" + encoding + "' in field 3: accepted are "
                    + String.join(", ", ENCODINGS), source, r.line(), name, null);
        }
        return new ConfigRow.Key(r.line(), name, type, encoding, repeat);
    }

    /** @return the name of the config file (as given), used in messages */
    public String source() {
        return source;
    }

    /** @return every row, in file order */
    public List<ConfigRow> rows() {
        return rows;
    }

    /** @return the key rows, in file order */
    public List<ConfigRow.Key> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "MfgConfig[" + source + ", " + rows.size() + " rows]";
    }
}
