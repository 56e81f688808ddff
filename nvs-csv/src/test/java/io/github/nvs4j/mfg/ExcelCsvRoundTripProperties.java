package io.github.nvs4j.mfg;

import io.github.nvs4j.csv.internal.DroppedLines;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written with Python's {@code csv.writer} quoting rules (quote a field holding a comma, a quote or a line
 * break; double the quotes) read back to the same fields, whatever the fields hold, as long as no physical line of
 * the text is whitespace-only (those lines are dropped by design, as {@code mfg_gen.py} drops them).
 */
class ExcelCsvRoundTripProperties {

    @Property(tries = 300)
    void writtenRecordsReadBack(@ForAll("records") List<List<String>> records) {
        StringBuilder text = new StringBuilder();
        for (List<String> record : records) {
            for (int i = 0; i < record.size(); i++) {
                text.append(i == 0 ? "" : ",").append(quoted(record.get(i)));
            }
            text.append("\r\n");
        }
        String[] lines = text.toString().split("\r?\n", -1);
        Assume.that(Arrays.stream(lines, 0, lines.length - 1).noneMatch(l -> DroppedLines.BLANK.drops(l, 0, l.length())));
        List<List<String>> read = new ArrayList<>();
        try (ExcelCsvReader reader = new ExcelCsvReader(
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "p.csv")) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                read.add(r.fields());
            }
        }
        assertThat(read).isEqualTo(records);
    }

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> field = Arbitraries.strings().withChars('a', 'Z', '0', ',', '"', '\n', ' ', '#', 'é', '\t')
                .ofMaxLength(8);
        return field.list().ofMinSize(2).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(6);
    }

    private static String quoted(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
