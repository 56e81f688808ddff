package io.github.nvs4j.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The row-level entry point that mass manufacturing uses, and {@link CsvInput#locate}. */
class CsvRowConverterTest {

    private static final CsvOptions OPTIONS = new CsvOptions(Path.of("."), FormatVersion.V2);

    private static CsvRow row(String key, String type, String encoding, String value, int line) {
        return new CsvRow(key, type, encoding, value,
                new SourceRef("values.csv", line, "column '" + key + "', config.csv:" + (line + 10)));
    }

    @Test
    void rowsBuiltInMemoryConvertLikeCsvRows() {
        CsvInput in = CsvRowConverter.convert(List.of(row("dev", "namespace", null, null, 1),
                row("serial", "data", "string", "SN-1", 2), row("port", "data", "U16", " 80 ", 3),
                row("blob", "data", "base64", "AAEC", 4)), OPTIONS);
        assertThat(in.data().get("dev", "serial")).contains(NvsValue.Str.of("SN-1"));
        assertThat(in.data().get("dev", "port")).contains(new NvsValue.U16(80));
        assertThat(in.data().get("dev", "blob")).contains(NvsValue.Blob.of(new byte[] {0, 1, 2}));
        assertThat(in.sourceOf("dev", "port")).hasValueSatisfying(s -> assertThat(s.line()).isEqualTo(3));
    }

    @Test
    void refusalsCarryTheRowsSourceAndContext() {
        CsvRowConverter converter = CsvRowConverter.start(OPTIONS).add(row("dev", "namespace", "", "", 1));
        assertThatThrownBy(() -> converter.add(row("port", "data", "u16", "70000", 7)))
                .isInstanceOfSatisfying(NvsInputException.class, e -> {
                    assertThat(e.source()).isEqualTo("values.csv");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.key()).isEqualTo("port");
                    assertThat(e.getMessage()).isEqualTo("values.csv:7: key 'port': value '70000' is out of range"
                            + " for u16: accepted are 0 to 65535 (column 'port', config.csv:17)");
                });
    }

    @Test
    void finishedConvertersRefuseMoreRows() {
        CsvRowConverter converter = CsvRowConverter.start(OPTIONS);
        converter.finish();
        assertThatThrownBy(() -> converter.add(row("x", "namespace", "", "", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void locateNamesTheRowOfAWriterError() {
        String csv = "key,type,encoding,value\na,namespace,,\nbig,data,hex2bin," + "00".repeat(7990)
                + "\nb,namespace,,\nbig,data,u8,1\n";
        CsvInput in = NvsCsvReader.read("nvs.csv", csv, OPTIONS);
        NvsInputException writer = null;
        try {
            NvsWriter.write(in.data(), 0x3000, FormatVersion.V2);
        } catch (NvsInputException e) {
            writer = e;
        }
        assertThat(writer).isNotNull();
        assertThat(writer.key()).isEqualTo("big");
        NvsInputException located = in.locate(writer);
        assertThat(located.source()).isEqualTo("nvs.csv");
        assertThat(located.line()).isEqualTo(3);
        assertThat(located.reason()).isEqualTo(writer.reason());
    }

    @Test
    void locateByKeyAndNamespace() {
        CsvInput in = NvsCsvReader.read("n.csv", "key,type,encoding,value\nk,namespace,,\nx,data,u8,1\n"
                + "m,namespace,,\nk,data,u8,2\nonly,data,u8,3\n", OPTIONS);
        assertThat(in.locate(new NvsInputException("does not fit", null, 0, "only", null)).line()).isEqualTo(6);
        assertThat(in.locate(new NvsInputException("value in namespace 'm' does not fit", null, 0, "k", null))
                .line()).isEqualTo(5);
        assertThat(in.locate(new NvsInputException("namespace definition does not fit", null, 0, "k", null))
                .line()).isEqualTo(2);
        NvsInputException listed = in.locate(new NvsInputException("does not fit", null, 0, "k", null));
        assertThat(listed.source()).isNull();
        assertThat(listed.reason()).contains("n.csv:2").contains("n.csv:5");
        NvsInputException unknown = new NvsInputException("x", null, 0, "nope", null);
        assertThat(in.locate(unknown)).isSameAs(unknown);
        NvsInputException located = new NvsInputException("x", "f", 1, "k", null);
        assertThat(in.locate(located)).isSameAs(located);
    }
}
