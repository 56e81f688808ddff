package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.CsvRow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text without quotes is split by {@link GeneratorCsvParser#parseQuoteFree} instead of FastCSV; both must give the
 * same rows (fields, missing fields, locations) and refuse the same headers with the same message, for any such
 * text: blank lines, lines of commas only, spaces and tabs around fields, rows shorter or longer than the header,
 * columns in any order, a last line without its newline, comment lines (dropped before, so lines are renumbered).
 */
class QuoteFreeCsvProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> header = Arbitraries.of("key,type,encoding,value", "value,key,encoding,type,extra",
                "key,type,encoding", "key,type,encoding,value,", " key,type,encoding,value", "a,b");
        Arbitrary<String> line = Arbitraries.strings().withChars('a', 'b', ',', ' ', '\t', '#', '1')
                .ofMaxLength(12);
        Arbitrary<List<String>> body = line.list().ofMaxSize(10);
        Arbitrary<String> end = Arbitraries.of("\n", "");
        return header.flatMap(h -> body.flatMap(lines -> end.map(e -> h + "\n" + String.join("\n", lines) + e)));
    }

    @Property(tries = 2000)
    void splitsAsFastCsvDoes(@ForAll("texts") String text) {
        CsvLines lines = CsvLines.of(text);
        assertThat(GeneratorCsvParser.isQuoteFree(lines.text())).isTrue();
        assertThat(read(lines, true)).isEqualTo(read(lines, false));
    }

    @Example
    void textWithAQuoteOrAnOverlongLineGoesToFastCsv() {
        assertThat(GeneratorCsvParser.isQuoteFree("key,type\n\"a\",b")).isFalse();
        assertThat(GeneratorCsvParser.isQuoteFree("a,b\n" + "x".repeat(GeneratorCsvParser.QUOTE_FREE_MAX_LINE + 1)))
                .isFalse();
        assertThat(GeneratorCsvParser.isQuoteFree("a\0b")).isFalse();
        assertThat(GeneratorCsvParser.isQuoteFree("a,b\n" + "x".repeat(GeneratorCsvParser.QUOTE_FREE_MAX_LINE)))
                .isTrue();
    }

    /** The rows as text, or the message of the refusal. */
    private static List<String> read(CsvLines lines, boolean quoteFree) {
        List<String> out = new ArrayList<>();
        try {
            if (quoteFree) {
                GeneratorCsvParser.parseQuoteFree("t.csv", lines, row -> out.add(show(row)));
            } else {
                GeneratorCsvParser.parseWithFastCsv("t.csv", lines, row -> out.add(show(row)));
            }
        } catch (NvsInputException e) {
            out.add("refused: " + e.getMessage());
        }
        return out;
    }

    private static String show(CsvRow row) {
        return row.key() + "|" + row.type() + "|" + row.encoding() + "|" + row.value() + "|" + row.where();
    }
}
