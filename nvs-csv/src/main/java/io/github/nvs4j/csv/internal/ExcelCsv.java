package io.github.nvs4j.csv.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import io.github.nvs4j.NvsInputException;

import java.io.Reader;
import java.util.function.LongToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV syntax that the generator and mass-manufacturing inputs share: Python's {@code csv} module with the
 * default "excel" dialect (comma, double quotes, {@code ""} for a quote inside quotes, no trimming, line breaks
 * inside quoted fields), as FastCSV parses it in strict mode. Rows may have any number of fields; blank lines are
 * skipped. Text after the closing quote of a field ({@code "ab"cd}) is refused with a message, where Python would
 * append it (see {@code docs/differences.md} and {@code docs/mfg-differences.md}); a quote that is never closed
 * takes the rest of the file, as in Python.
 */
public final class ExcelCsv {

    /** What FastCSV's messages say, compiled when a message is read (not when every CSV is: start-up time). */
    private static final class Messages {
        static final Pattern LINE = Pattern.compile("line (\\d+)");
        static final Pattern SIZE_LIMIT = Pattern.compile("(?:max(?:imum)? (?:buffer|field|record) size of)"
                + " (\\d+)");
    }

    private ExcelCsv() {
    }

    /**
     * @param text the whole text, after the tool's line handling
     * @return FastCSV's records of it, with FastCSV's default size limits
     */
    public static CsvReader<CsvRecord> records(String text) {
        return builder().ofCsvRecord(text);
    }

    /**
     * @param text           the text, after the tool's line handling; read as the records are
     * @param maxRecordChars the most characters one record may hold (field by field and in all)
     * @return FastCSV's records of it
     */
    public static CsvReader<CsvRecord> records(Reader text, int maxRecordChars) {
        return builder().maxBufferSize(maxRecordChars)
                .build(CsvRecordHandler.of(h -> h.maxFieldSize(maxRecordChars).maxRecordSize(maxRecordChars)), text);
    }

    private static CsvReader.CsvReaderBuilder builder() {
        return CsvReader.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .trimWhitespacesAroundQuotes(false);
    }

    /**
     * Turns FastCSV's complaint into a message a person can act on, located at the physical line.
     *
     * @param source       the file name
     * @param originalLine maps a line number of the parsed text to the physical line of the file
     * @param lastLine     the parsed line of the last record read (0 before the first)
     * @param e            FastCSV's exception
     * @return the exception to throw
     */
    public static NvsInputException syntaxError(String source, LongToIntFunction originalLine, long lastLine,
            CsvParseException e) {
        long parsedLine = lastLine + 1;
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : Messages.LINE.matcher(t.getMessage());
            if (m != null && m.find()) {
                parsedLine = Long.parseLong(m.group(1));
                break;
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        String detail = message.isEmpty() ? "" : " (" + message + ")";
        Matcher limit = Messages.SIZE_LIMIT.matcher(message);
        String reason;
        if (message.contains("closing quote")) {
            reason = "text follows the closing quote of a quoted field" + detail + ": put the whole field in quotes"
                    + " and write a quote inside it as \"\"";
        } else if (limit.find()) {
            reason = "the record is longer than " + limit.group(1) + " characters; values this large belong in a"
                    + " file referenced by a 'file' row";
        } else {
            reason = "the CSV cannot be parsed" + detail;
        }
        return new NvsInputException(reason, source, originalLine.applyAsInt(parsedLine), null, e);
    }
}
