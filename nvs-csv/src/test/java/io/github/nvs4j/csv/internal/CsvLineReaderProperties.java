package io.github.nvs4j.csv.internal;

import io.github.nvs4j.NvsInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streamed line handling ({@link CsvLineReader}) against the whole-text one of the generator ({@link CsvLines}):
 * with the generator's rule both give the same text and map every kept line (and the end) to the same physical line.
 */
class CsvLineReaderProperties {

    @Property(tries = 500)
    void streamedLinesAreTheGeneratorsLines(@ForAll("texts") String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvLines whole = CsvLines.of("t.csv", bytes);
        CsvLineReader streamed = reader(bytes, DroppedLines.COMMENTS);
        assertThat(drain(streamed)).isEqualTo(whole.text());
        String kept = whole.text();
        long lines = kept.chars().filter(c -> c == '\n').count() + (kept.isEmpty() || kept.endsWith("\n") ? 0 : 1);
        for (long line = 1; line <= lines + 1; line++) { // each kept line, and the one after the last
            assertThat(streamed.originalLine(line)).as("line %d", line).isEqualTo(whole.originalLine(line));
        }
    }

    /** Lines of CSV-ish characters ({@code #} and non-ASCII included), each ended by LF, CR LF or CR, or by nothing. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> line = Arbitraries.strings().withChars('a', ',', '"', '#', ' ', '\u00a0', 'é')
                .ofMaxLength(6);
        Arbitrary<String> end = Arbitraries.of("\n", "\r\n", "\r", "");
        return Combinators.combine(line, end).as(String::concat).list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Example
    void blankRuleDropsWhitespaceOnlyLinesAndMapsBack() throws IOException {
        CsvLineReader r = reader("\uFEFF\n a\n\u3000\t\n\"x\n \ny\"\r\n\r\nlast".getBytes(StandardCharsets.UTF_8),
                DroppedLines.BLANK);
        assertThat(drain(r)).isEqualTo(" a\n\"x\ny\"\nlast");
        assertThat(r.originalLine(1)).isEqualTo(2);
        assertThat(r.originalLine(2)).isEqualTo(4);
        assertThat(r.originalLine(3)).isEqualTo(6);
        assertThat(r.originalLine(4)).isEqualTo(8);
    }

    @Example
    void anOverlongLineIsRefusedWithItsLine() {
        byte[] bytes = ("a\n" + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
        CsvLineReader r = new CsvLineReader(new ByteArrayInputStream(bytes), "t.csv", DroppedLines.BLANK, 512);
        assertThatThrownBy(() -> drain(r)).isInstanceOf(NvsInputException.class)
                .hasMessage("t.csv:2: the line is longer than 512 bytes; values this large belong in a file"
                        + " referenced by a 'file' row");
    }

    private static CsvLineReader reader(byte[] bytes, DroppedLines rule) {
        return new CsvLineReader(new ByteArrayInputStream(bytes), "t.csv", rule, 1 << 20);
    }

    private static String drain(CsvLineReader r) throws IOException {
        StringWriter out = new StringWriter();
        r.transferTo(out);
        return out.toString();
    }
}
