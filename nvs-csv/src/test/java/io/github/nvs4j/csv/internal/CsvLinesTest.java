package io.github.nvs4j.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nvs4j.NvsInputException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The generator's line handling before CSV parsing (spec §8.1). */
class CsvLinesTest {

    private static CsvLines lines(String text) {
        return CsvLines.of("t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void universalNewlinesBecomeLf() {
        assertThat(lines("a\r\nb\rc\nd").text()).isEqualTo("a\nb\nc\nd");
        assertThat(lines("x\r\n").text()).isEqualTo("x\n");
    }

    @Test
    void hashLinesAreDroppedEvenInsideQuotesAndLineNumbersMapBack() {
        CsvLines l = lines("# c1\nkey\n#c2\n\"a\n# inside\nb\"\n #kept\n#last");
        assertThat(l.text()).isEqualTo("key\n\"a\nb\"\n #kept\n");
        assertThat(l.originalLine(1)).isEqualTo(2);
        assertThat(l.originalLine(2)).isEqualTo(4);
        assertThat(l.originalLine(3)).isEqualTo(6);
        assertThat(l.originalLine(4)).isEqualTo(7);
    }

    @Test
    void blankLinesStayForTheParser() {
        CsvLines l = lines("a\n\n\nb\n");
        assertThat(l.text()).isEqualTo("a\n\n\nb\n");
        assertThat(l.originalLine(4)).isEqualTo(4);
    }

    @Test
    void crLfCountsAsOneLine() {
        CsvLines l = lines("#x\r\na\r\n#y\rb\r");
        assertThat(l.text()).isEqualTo("a\nb\n");
        assertThat(l.originalLine(1)).isEqualTo(2);
        assertThat(l.originalLine(2)).isEqualTo(4);
    }

    @Test
    void byteOrderMarkIsSkipped() {
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', 'c', '\n', 'k'};
        CsvLines l = CsvLines.of("t.csv", withBom);
        assertThat(l.text()).isEqualTo("k");
        assertThat(l.originalLine(1)).isEqualTo(2);
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] bad = {'k', '\n', 'a', '\r', '\n', 'b', (byte) 0xC3, '(', '\n'};
        assertThatThrownBy(() -> CsvLines.of("t.csv", bad)).isInstanceOfSatisfying(NvsInputException.class, e -> {
            assertThat(e.source()).isEqualTo("t.csv");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("t.csv:3: ").contains("not valid UTF-8").contains("0xC3");
        });
    }

    @Test
    void emptyInput() {
        assertThat(lines("").text()).isEmpty();
        assertThat(CsvLines.of("t.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).text()).isEmpty();
    }

    /**
     * The one-pass fast path for plain ASCII bytes gives the same text and line map as the general rewrite (which
     * a leading U+FEFF forces), for texts with and without CR, comment lines and a final LF.
     */
    @Test
    void fastPathAgreesWithTheGeneralRewrite() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        String alphabet = "ab,#\n\r\n\n x";
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(90); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            CsvLines fast = CsvLines.of("t.csv", t.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            CsvLines general = CsvLines.of("\uFEFF" + t);
            assertThat(fast.text()).as("text of %s", t.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(general.text());
            for (long line = 0; line < 95; line++) {
                assertThat(fast.originalLine(line)).as("line %d of %s", line, t.replace("\n", "\\n"))
                        .isEqualTo(general.originalLine(line));
            }
        }
    }
}
