package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader against Python 3.11.7: every expected record list below is what {@code mfg_gen.py}'s pipeline gives
 * for the same bytes (UTF-8 text with universal newlines, whitespace-only lines dropped, then {@code csv.reader}),
 * recorded by running that pipeline.
 */
class ExcelCsvReaderTest {

    static Stream<Arguments> pythonRecords() {
        return Stream.of(
                Arguments.of("a,b\nc,d\n", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("a,b\r\nc,d\r\n", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("a,b\rc,d\r", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("a,b\n\n   \n\t\nc,d", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("\"multi\nline\",x\n", List.of(List.of("multi\nline", "x"))),
                Arguments.of("\"multi\r\nline\",x\r\n", List.of(List.of("multi\nline", "x"))),
                Arguments.of("\"keep\n\nblank?\",x\n", List.of(List.of("keep\nblank?", "x"))),
                Arguments.of("\"a\"\"b\",c\n", List.of(List.of("a\"b", "c"))),
                Arguments.of("a\"b,c\n", List.of(List.of("a\"b", "c"))),
                Arguments.of(",,\n", List.of(List.of("", "", ""))),
                Arguments.of("a, b ,c \n", List.of(List.of("a", " b ", "c "))),
                Arguments.of("#c,d\n", List.of(List.of("#c", "d"))),
                Arguments.of("k,\"v,w\"\n", List.of(List.of("k", "v,w"))),
                Arguments.of("\u00a0\n1,2\n", List.of(List.of("1", "2"))),
                Arguments.of("a,b\n\f\n", List.of(List.of("a", "b"))),
                // Python's str.isspace() is Unicode-aware: U+0085, U+00A0, U+2028, U+001C, U+3000 and U+202F are
                // whitespace, U+200B is not
                Arguments.of(" \u0085\u00a0\u2028\u001c\u3000\u202f\t\nk,v\n\u200b\n",
                        List.of(List.of("k", "v"), List.of("\u200b"))),
                Arguments.of("a,b\n\"open,c\nmore\n", List.of(List.of("a", "b"), List.of("open,c\nmore\n"))));
    }

    @ParameterizedTest
    @MethodSource("pythonRecords")
    void readsRecordsAsMfgGenDoes(String text, List<List<String>> expected) {
        assertThat(fields(read(text))).isEqualTo(expected);
    }

    @Test
    void recordsKnowTheirPhysicalLineInTheOriginalFile() {
        List<CsvRecord> records = read("a,b\n\n  \n\"x\ny\",z\r\n\r\nlast,1");
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 4, 7);
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() {
        byte[] bytes = "\uFEFFns,namespace,\n".getBytes(StandardCharsets.UTF_8);
        assertThat(fields(read(bytes))).containsExactly(List.of("ns", "namespace", ""));
    }

    @Test
    void aFileOfOnlyAByteOrderMarkHasNoRecords() {
        assertThat(read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
        assertThat(fields(read("\uFEFF\na,b".getBytes(StandardCharsets.UTF_8)))).containsExactly(List.of("a", "b"));
    }

    @Test
    void aByteOrderMarkElsewhereIsText() {
        assertThat(fields(read("a,b\n\uFEFFc,d\n"))).containsExactly(List.of("a", "b"), List.of("\uFEFFc", "d"));
    }

    @Test
    void crLfSplitAcrossTheReadBufferIsOneLineBreak() {
        String first = "k," + "v".repeat(16 * 1024 - 3) + "\r";
        List<CsvRecord> records = read(first + "\nnext,1\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).fields()).containsExactly("next", "1");
        assertThat(records.get(1).line()).isEqualTo(2);
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[] bytes = "a,b\nc,d\ne,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(NvsInputException.class)
                .hasMessage("in.csv:3: the line is not valid UTF-8 text; save the file as UTF-8");
    }

    /** Python's csv.reader appends such text ({@code "ab"cd} is {@code abcd}, {@code "x" } is {@code x }). */
    @ParameterizedTest
    @ValueSource(strings = {"a,b\n\n\"ab\"cd,e\n", "a,b\n\n\"x\" ,y\n"})
    void textAfterAClosingQuoteIsRefusedWithItsLineAsInEveryNvs4jCsv(String text) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(NvsInputException.class)
                .satisfies(e -> assertThat(((NvsInputException) e).line()).isEqualTo(3))
                .satisfies(e -> assertThat(((NvsInputException) e).source()).isEqualTo("in.csv"))
                .hasMessageContaining("text follows the closing quote");
    }

    @Test
    void anOverlongRecordIsRefused() {
        String huge = "k,\"" + "x".repeat(ExcelCsvReader.MAX_RECORD_CHARS / 2) + "\n"
                + "x".repeat(ExcelCsvReader.MAX_RECORD_CHARS / 2) + "\"\n";
        assertThatThrownBy(() -> read(huge))
                .isInstanceOf(NvsInputException.class)
                .hasMessageContaining("longer than " + ExcelCsvReader.MAX_RECORD_CHARS);
    }

    private static List<CsvRecord> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CsvRecord> read(byte[] bytes) {
        List<CsvRecord> records = new ArrayList<>();
        try (ExcelCsvReader reader = new ExcelCsvReader(new ByteArrayInputStream(bytes), "in.csv")) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static List<List<String>> fields(List<CsvRecord> records) {
        return records.stream().map(CsvRecord::fields).toList();
    }

}
