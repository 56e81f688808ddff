package io.github.nvs4j.mfg;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-device CSV against Python 3.11.7's {@code csv.writer} (output recorded by running it on the same rows). */
class DeviceCsvTest {

    @Test
    void quotesAsPythonCsvWriterDoes() {
        DeviceCsv csv = new DeviceCsv();
        csv.namespace(new ConfigRow.Namespace(1, "ns", ""));
        String[] values = {"a,b", "say \"hi\"", "line1\nline2", " lead and trail ", "cr\rhere", "tab\there;semi",
            "'single'", "#hash", "ünï"};
        for (String value : values) {
            csv.key(new ConfigRow.Key(2, "k", "data", "string", false), value);
        }
        String expected = "key,type,encoding,value\r\nns,namespace,,\r\nk,data,string,\"a,b\"\r\n"
                + "k,data,string,\"say \"\"hi\"\"\"\r\nk,data,string,\"line1\nline2\"\r\n"
                + "k,data,string, lead and trail \r\nk,data,string,\"cr\rhere\"\r\nk,data,string,tab\there;semi\r\n"
                + "k,data,string,'single'\r\nk,data,string,#hash\r\nk,data,string,ünï\r\n";
        assertThat(new String(csv.toBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void namespaceRowKeepsItsThirdField() {
        DeviceCsv csv = new DeviceCsv();
        csv.namespace(new ConfigRow.Namespace(1, "ns", "x"));
        assertThat(new String(csv.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("key,type,encoding,value\r\nns,namespace,x,\r\n");
    }
}
