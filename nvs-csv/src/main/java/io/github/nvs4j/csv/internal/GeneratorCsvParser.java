package io.github.nvs4j.csv.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.CsvRow;
import io.github.nvs4j.csv.SourceRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the text of one generator CSV into {@link CsvRow}s, as Python's {@code csv.DictReader} with the default
 * "excel" dialect does: comma, double quotes, {@code ""} for a quote inside quotes, no trimming, blank lines
 * skipped, the first (non-blank) row is the header and columns are found by name (any order, extra columns
 * ignored, the last of two equal names wins). A field that a short row lacks is {@code null}.
 *
 * <p>FastCSV does the CSV syntax ({@link ExcelCsv}). It runs in its strict quoting mode: text after the closing
 * quote of a field ({@code "ab"cd}) is refused with a message, where Python would append it (see
 * {@code docs/differences.md}). Text without quotes (nearly every generator CSV) is split here instead, with the
 * same result ({@link #isQuoteFree}).
 */
public final class GeneratorCsvParser {

    /** The column names the header must have, in the order the generator looks them up. */
    public static final List<String> COLUMNS = List.of("key", "type", "encoding", "value");

    private GeneratorCsvParser() {
    }

    /**
     * Parses one file's lines.
     *
     * @param source the file name, for row locations and messages
     * @param lines  the file's lines after the generator's line handling
     * @param rows   receives each row in file order
     * @throws NvsInputException for a missing or incomplete header, or text the CSV syntax does not allow
     */
    public static void parse(String source, CsvLines lines, Consumer<CsvRow> rows) {
        if (isQuoteFree(lines.text())) {
            parseQuoteFree(source, lines, rows);
        } else {
            parseWithFastCsv(source, lines, rows);
        }
    }

    /** Longest line the quote-free path takes; far below FastCSV's limits on fields and their count. */
    static final int QUOTE_FREE_MAX_LINE = 8192;

    /**
     * Tells whether the text is the common, simple kind: no quote, no NUL, no CR, no line longer than
     * {@value #QUOTE_FREE_MAX_LINE} characters. In such text every record is one line, blank lines are skipped and
     * every field runs from one comma to the next; {@link #parseQuoteFree} reads it so, exactly as FastCSV would
     * (QuoteFreeCsvProperties), without FastCSV's per-record objects and without loading FastCSV at all, which is
     * a good part of a small command's start-up (see nvs-benchmarks/RESULTS.md).
     */
    static boolean isQuoteFree(String text) {
        if (text.indexOf('"') >= 0 || text.indexOf('\0') >= 0 || text.indexOf('\r') >= 0) {
            return false;
        }
        for (int start = 0, n = text.length(); start < n; ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (end - start > QUOTE_FREE_MAX_LINE) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** Reads text that {@link #isQuoteFree}: lines split at commas, blank lines skipped. */
    static void parseQuoteFree(String source, CsvLines lines, Consumer<CsvRow> rows) {
        String text = lines.text();
        int[] columns = null;
        String[] fields = new String[8];
        long lineNumber = 0;
        for (int start = 0, n = text.length(); start < n; ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNumber++;
            if (end > start) {
                int count = 0;
                for (int from = start; ; ) {
                    // indexOf rather than a charAt loop: in a short command-line run this code is still
                    // interpreted, where one call per field is much cheaper than several per character.
                    int to = text.indexOf(',', from);
                    if (to < 0 || to > end) {
                        to = end;
                    }
                    if (count == fields.length) {
                        fields = Arrays.copyOf(fields, count * 2);
                    }
                    fields[count++] = text.substring(from, to);
                    if (to == end) {
                        break;
                    }
                    from = to + 1;
                }
                int line = lines.originalLine(lineNumber);
                if (columns == null) {
                    columns = header(source, line, Arrays.copyOf(fields, count));
                } else {
                    rows.accept(new CsvRow(field(fields, count, columns[0]), field(fields, count, columns[1]),
                            field(fields, count, columns[2]), field(fields, count, columns[3]),
                            SourceRef.of(source, line)));
                }
            }
            start = end + 1;
        }
    }

    private static String field(String[] fields, int count, int index) {
        return index < count ? fields[index] : null;
    }

    /** Reads any text with FastCSV. */
    static void parseWithFastCsv(String source, CsvLines lines, Consumer<CsvRow> rows) {
        CsvReader<CsvRecord> reader = ExcelCsv.records(closeQuoteLeftOpen(lines.text()));
        int[] columns = null;
        long lastLine = 0;
        try (reader) {
            for (CsvRecord record : reader) {
                lastLine = record.getStartingLineNumber();
                int line = lines.originalLine(lastLine);
                if (columns == null) {
                    columns = header(source, line, record.getFields().toArray(new String[0]));
                    continue;
                }
                rows.accept(new CsvRow(field(record, columns[0]), field(record, columns[1]),
                        field(record, columns[2]), field(record, columns[3]), SourceRef.of(source, line)));
            }
        } catch (CsvParseException e) {
            throw ExcelCsv.syntaxError(source, lines::originalLine, lastLine, e);
        } catch (IOException | UncheckedIOException e) {
            throw new NvsInputException("cannot read the CSV text: " + e.getMessage(), source, 0, null, e);
        }
    }

    /**
     * Python's CSV reader ends a quoted field that is still open at the end of the file with the text read so far;
     * FastCSV does too, except that it drops the last quote of a doubled quote ({@code ""}) that ends the file
     * ({@code "ab""} is {@code ab"} for Python, {@code ab} for FastCSV). When the text ends inside a quoted field
     * and with a quote, the closing quote the file lacks is added, which gives Python's value.
     */
    static String closeQuoteLeftOpen(String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        boolean inQuotes = false;
        boolean fieldStart = true;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i++; // a doubled quote inside quotes
                    } else {
                        inQuotes = false; // the closing quote; what follows it belongs to the same field
                    }
                }
            } else if (c == ',' || c == '\n') {
                fieldStart = true;
            } else {
                inQuotes = fieldStart && c == '"';
                fieldStart = false;
            }
        }
        return inQuotes ? text + '"' : text;
    }

    private static int[] header(String source, int line, String[] fields) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            byName.put(fields[i], i);
        }
        int[] columns = new int[COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            Integer index = byName.get(COLUMNS.get(c));
            if (index == null) {
                missing.add(COLUMNS.get(c));
            } else {
                columns[c] = index;
            }
        }
        if (!missing.isEmpty()) {
            throw new NvsInputException(headerProblem(fields, missing), source, line, null, null);
        }
        return columns;
    }

    private static String headerProblem(String[] fields, List<String> missing) {
        boolean nearMiss = false;
        List<String> found = new ArrayList<>();
        for (String name : fields) {
            found.add(Shown.text(name));
            String normalised = Encoding.asciiLowerCase(PythonWhitespace.strip(name));
            if (missing.contains(normalised)) {
                nearMiss = true;
            }
        }
        String first = missing.size() == COLUMNS.size()
                ? "the first line is not the header key,type,encoding,value"
                : "the header lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing);
        return first + " (found " + String.join(", ", found) + "): the first line must name the columns key, type,"
                + " encoding and value, in any order" + (nearMiss
                ? "; the names are case-sensitive and must not have spaces around them" : "");
    }

    private static String field(CsvRecord record, int index) {
        return index < record.getFieldCount() ? record.getField(index) : null;
    }
}
