package io.github.nvs4j.cli;

import io.github.nvs4j.model.NvsValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The cells of {@code nvs dump}'s table: quoting and escaping of strings and names, blobs in hex. */
class TextViewTest {

    @Test
    void plainTextIsQuotedAsIs() {
        assertThat(TextView.quoted("hello world")).isEqualTo("\"hello world\"");
        assertThat(TextView.quoted("")).isEqualTo("\"\"");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertThat(TextView.quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(TextView.quoted("x\ny\rz\t")).isEqualTo("\"x\\ny\\rz\\t\"");
        assertThat(TextView.quoted("\u0001\u007f")).isEqualTo("\"\\u0001\\u007f\"");
    }

    @Test
    void namesAreQuotedOnlyWhenTheyNeedIt() {
        assertThat(TextView.printable("key_1")).isEqualTo("key_1");
        assertThat(TextView.printable("")).isEqualTo("\"\"");
        assertThat(TextView.printable("two words")).isEqualTo("\"two words\"");
        assertThat(TextView.printable("q\"")).isEqualTo("\"q\\\"\"");
    }

    @Test
    void blobsShowHexAndLength() {
        assertThat(TextView.value(NvsValue.Blob.of(new byte[] {0x00, (byte) 0xAB, 0x7F})))
                .isEqualTo("00ab7f (3 bytes)");
        assertThat(TextView.value(NvsValue.Blob.of(new byte[] {(byte) 0xFF}))).isEqualTo("ff (1 byte)");
        byte[] long30 = new byte[30];
        long30[0] = 0x12;
        assertThat(TextView.value(NvsValue.Blob.of(long30)))
                .isEqualTo("12" + "00".repeat(23) + "... (30 bytes)");
    }

    @Test
    void longStringsAreCutWithTheirByteLength() {
        String text = "abcdefghij".repeat(7);
        NvsValue.Str value = NvsValue.Str.ofBytes(text.getBytes(StandardCharsets.UTF_8));
        assertThat(TextView.value(value)).isEqualTo("\"" + text.substring(0, 50) + "...\" (70 bytes)");
    }
}
