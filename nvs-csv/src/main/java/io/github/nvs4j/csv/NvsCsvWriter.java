package io.github.nvs4j.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.internal.GeneratorCsvParser;
import io.github.nvs4j.csv.internal.RowPlan;
import io.github.nvs4j.model.NvsData;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes an {@link NvsData} as a CSV in the dialect of {@code nvs_partition_gen.py}, such that
 * {@link NvsCsvReader} (and, where the generator has no quirk in the way, the generator itself) reads it back as the
 * same data in the same order, and therefore generates the same image bytes.
 *
 * <p>The text has the header {@code key,type,encoding,value}, LF line ends, and fields quoted only where needed (a
 * comma, a quote or a line break in it, or a {@code #} at the start of a line). A namespace row stands where each
 * namespace was defined, and again where the items switch back to an earlier namespace. Integers are written in
 * decimal with their encoding ({@code u8} … {@code i64}), blobs as lower-case {@code hex2bin}, strings as
 * {@code string}.
 *
 * <p>What cannot be written exactly is reported in {@link CsvOutput#warnings()} rather than refused:
 * <ul>
 *   <li>a string that is not valid UTF-8, contains a NUL or a carriage return, or has a line starting with
 *       {@code #} is written as {@code hex2bin} of its bytes: it reads back as a <em>blob</em> with the same
 *       bytes (the dialect has no lossless form for it);</li>
 *   <li>keys that the generator's Wi-Fi rule adds by itself ({@code sta.apinfo}, {@code sta.pmk},
 *       {@code sta.apsw} after {@code sta.ssid}/{@code sta.pswd}; {@code ap.pmk_info} before the {@code ap.*} key
 *       that completes ssid, password and authmode): when the data has them where and as the rule adds them they
 *       are left out silently (so generator-made data round-trips exactly); otherwise they are left out or added,
 *       with a warning.</li>
 * </ul>
 * Refused (an {@link NvsInputException} naming the key): float values (the dialect has no encoding for them), and
 * keys or namespace names containing a carriage return or a line that starts with {@code #}.
 */
public final class NvsCsvWriter {

    private NvsCsvWriter() {
    }

    /**
     * Writes data as generator CSV text.
     *
     * @param data the data
     * @return the text and the warnings
     * @throws NvsInputException if a value is a float, or a key or namespace name cannot be written in a row
     */
    public static CsvOutput write(NvsData data) {
        RowPlan plan = RowPlan.of(data);
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(',').quoteCharacter('"').commentCharacter('#')
                .lineDelimiter(LineDelimiter.LF).build(text)) {
            csv.writeRecord(GeneratorCsvParser.COLUMNS);
            for (RowPlan.Row row : plan.rows()) {
                if (row.namespace()) {
                    csv.writeRecord(row.key(), "namespace", "", "");
                } else {
                    csv.writeRecord(row.key(), "data", row.value().encoding(), row.value().text());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvOutput(text.toString(), plan.warnings());
    }
}
