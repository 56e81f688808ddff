package io.github.nvs4j.mfg;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.internal.CsvLineReader;
import io.github.nvs4j.csv.internal.DroppedLines;
import io.github.nvs4j.csv.internal.ExcelCsv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Reads the records of a config or values file the way {@code mfg_gen.py} does, one at a time:
 *
 * <ol>
 *   <li>the file is UTF-8 (a byte order mark at the very start is skipped, as nvs4j does for every CSV input),
 *       split into physical lines with Python's universal newlines;</li>
 *   <li>every line made only of whitespace (Python {@code str.isspace()}) is dropped ({@link DroppedLines#BLANK}).
 *       {@code mfg_gen.py} does this by writing {@code <name>_tmp.csv} copies; here it happens in the stream
 *       ({@link CsvLineReader}), without any file. Like the original it works on physical lines, so a
 *       whitespace-only line inside a quoted multi-line value is dropped too;</li>
 *   <li>the remaining lines are parsed with the CSV syntax every nvs4j input shares ({@link ExcelCsv}: Python's
 *       {@code excel} dialect, read by FastCSV in strict mode), so text after a closing quote is refused.</li>
 * </ol>
 *
 * Every record remembers the physical line of the original file it starts on, so messages point at the line a
 * person sees in an editor (blank lines included), not at a line of a temporary copy.
 *
 * <p>Input is untrusted: a record longer than {@link #MAX_RECORD_CHARS} characters, malformed UTF-8 and malformed
 * quoting are refused with an {@link NvsInputException} naming the file and line.
 */
final class ExcelCsvReader implements Closeable {

    /** Longest record accepted, in characters (a 508,000-byte blob in hex needs about a million). */
    static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

    private final String source;
    private final CsvLineReader lines;
    private final CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader;
    private final Iterator<de.siegmar.fastcsv.reader.CsvRecord> records;
    private long lastLine;

    /**
     * @param in the file's bytes; closed by {@link #close()}
     * @param source the file name used in messages
     */
    ExcelCsvReader(InputStream in, String source) {
        this.source = source;
        this.lines = new CsvLineReader(in, source, DroppedLines.BLANK, MAX_RECORD_CHARS);
        this.reader = ExcelCsv.records(lines, MAX_RECORD_CHARS);
        this.records = reader.iterator();
    }

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end of the file
     * @throws NvsInputException for malformed UTF-8, an over-long record, malformed quoting or a read error
     */
    CsvRecord next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            de.siegmar.fastcsv.reader.CsvRecord record = records.next();
            lastLine = record.getStartingLineNumber();
            return new CsvRecord(lines.originalLine(lastLine), record.getFields());
        } catch (CsvParseException e) {
            NvsInputException fromLines = lineProblem(e);
            throw fromLines != null ? fromLines : ExcelCsv.syntaxError(source, lines::originalLine, lastLine, e);
        } catch (UncheckedIOException e) {
            throw new NvsInputException("cannot read the file: " + e.getMessage(), source, 0, null, e);
        }
    }

    /** @return the line reader's own exception (bad UTF-8, an over-long line), if FastCSV wrapped one */
    private static NvsInputException lineProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NvsInputException problem) {
                return problem;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new NvsInputException("cannot close the file: " + e.getMessage(), source, 0, null, e);
        }
    }
}
