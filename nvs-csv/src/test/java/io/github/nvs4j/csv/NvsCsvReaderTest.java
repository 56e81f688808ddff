package io.github.nvs4j.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator CSV dialect as nvs4j reads it: the generator's rules (spec §8) and each decision of the lead where
 * nvs4j reads differently ({@code docs/differences.md}). Expected values come from the spec and the recorded
 * conformance cases; the values the Wi-Fi PMK is checked against were computed with CPython 3.11's
 * {@code hashlib.pbkdf2_hmac}, the function the generator calls.
 */
class NvsCsvReaderTest {

    private static final String HEADER = "key,type,encoding,value\n";

    @TempDir
    Path dir;

    private CsvInput read(String csv) {
        return read(csv, FormatVersion.V2);
    }

    private CsvInput read(String csv, FormatVersion version) {
        return NvsCsvReader.read("nvs.csv", csv, new CsvOptions(dir, version));
    }

    private NvsInputException refusal(String csv) {
        return refusal(csv, FormatVersion.V2);
    }

    private NvsInputException refusal(String csv, FormatVersion version) {
        try {
            read(csv, version);
        } catch (NvsInputException e) {
            return e;
        }
        throw new AssertionError("expected a refusal of:\n" + csv);
    }

    private static NvsValue value(CsvInput in, String ns, String key) {
        return in.data().get(ns, key).orElseThrow(() -> new AssertionError("no " + ns + "/" + key));
    }

    private static byte[] blob(CsvInput in, String ns, String key) {
        return ((NvsValue.Blob) value(in, ns, key)).bytes();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    @Test
    void messageNamesFileLineKeyAndWhatIsAccepted() {
        NvsInputException e = refusal(HEADER + "ns,namespace,,\n# a comment\n\nport,data,u16,70000\n");
        assertThat(e.getMessage()).isEqualTo(
                "nvs.csv:5: key 'port': value '70000' is out of range for u16: accepted are 0 to 65535");
        assertThat(e.source()).isEqualTo("nvs.csv");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("port");
    }

    @Test
    void lineNumbersArePhysicalLinesAfterMultiLineValuesAndDroppedComments() {
        String csv = "# head\r\n" + HEADER.replace("\n", "\r\n") + "ns,namespace,,\r\n"
                + "pem,data,string,\"-----BEGIN-----\r\nAAAA\r\n# dropped\r\n-----END-----\"\r\n"
                + "bad,data,u8,x\r\n";
        NvsInputException e = refusal(csv);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.key()).isEqualTo("bad");
        CsvInput ok = read(csv.replace("bad,data,u8,x", "good,data,u8,1"));
        assertThat(((NvsValue.Str) value(ok, "ns", "pem")).text()).isEqualTo("-----BEGIN-----\nAAAA\n-----END-----");
        assertThat(ok.sourceOf("ns", "pem")).contains(SourceRef.of("nvs.csv", 4));
        assertThat(ok.sourceOf("ns", "good")).contains(SourceRef.of("nvs.csv", 8));
        assertThat(ok.namespaceSource("ns")).contains(SourceRef.of("nvs.csv", 3));
    }

    @Test
    void headerByNameInAnyOrderWithExtraColumnsAndShortRows() {
        CsvInput in = read("value,comment,encoding,type,key\n,x,,namespace,ns\n5,c,u8,data,a\n\"q,r\",,string,data,s\n");
        assertThat(in.data().items()).extracting(NvsData.Item::key).containsExactly("a", "s");
        assertThat(value(in, "ns", "s")).isEqualTo(NvsValue.Str.of("q,r"));
        CsvInput shortRows = read(HEADER + "ns,namespace\nb,data,u8,2,extra,fields\n");
        assertThat(value(shortRows, "ns", "b")).isEqualTo(new NvsValue.U8(2));
    }

    @Test
    void quotingAndSpacesAsPythonCsv() {
        CsvInput in = read(HEADER + "\"ns\",\"namespace\",\"\",\"\"\n"
                + "k2,data,string,\"He said \"\"yes\"\", then left\"\n"
                + " sp,data,string,  two  \n"
                + "h,data,hex2bin, 0a0b \n"
                + "q,data,string,a\"b\n");
        assertThat(value(in, "ns", "k2")).isEqualTo(NvsValue.Str.of("He said \"yes\", then left"));
        assertThat(value(in, "ns", " sp")).isEqualTo(NvsValue.Str.of("  two  "));
        assertThat(blob(in, "ns", "h")).isEqualTo(hex("0a0b"));
        assertThat(value(in, "ns", "q")).isEqualTo(NvsValue.Str.of("a\"b"));
    }

    @Test
    void anUnterminatedQuoteTakesTheRestOfTheFileAsPythonDoes() {
        CsvInput in = read(HEADER + "ns,namespace,,\ns,data,string,\"abc\nd,data,u8,1\n");
        assertThat(value(in, "ns", "s")).isEqualTo(NvsValue.Str.of("abc\nd,data,u8,1\n"));
    }

    /** Values from CPython 3.11's csv module (oracle case csv_open_quote_ends_with_doubled_quote). */
    @Test
    void aQuoteLeftOpenAtTheEndKeepsADoubledQuoteThatEndsTheFile() {
        String rows = HEADER + "ns,namespace,,\n";
        assertThat(value(read(rows + "s,data,string,\"ab\"\""), "ns", "s")).isEqualTo(NvsValue.Str.of("ab\""));
        assertThat(value(read(rows + "s,data,string,\"\"\""), "ns", "s")).isEqualTo(NvsValue.Str.of("\""));
        assertThat(value(read(rows + "s,data,string,\""), "ns", "s")).isEqualTo(NvsValue.Str.of(""));
        assertThat(value(read(rows + "s,data,string,\"ab\"\"\""), "ns", "s")).isEqualTo(NvsValue.Str.of("ab\""));
        assertThat(value(read(rows + "s,data,string,a\""), "ns", "s")).isEqualTo(NvsValue.Str.of("a\""));
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithItsLine() {
        NvsInputException e = refusal(HEADER + "ns,namespace,,\nk,data,string,\"ab\"cd\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("closing quote");
    }

    @Test
    void emptyFileAndHeaderOnlyGiveNoData() {
        assertThat(read("").data()).isEqualTo(NvsData.empty());
        assertThat(read(HEADER).data()).isEqualTo(NvsData.empty());
        assertThat(read("# only a comment\n\n").data()).isEqualTo(NvsData.empty());
    }

    @Test
    void severalFilesShareTheNamespaceState() throws IOException {
        Path a = file("a.csv", (HEADER + "first,namespace,,\nx,data,u8,1\n").getBytes(StandardCharsets.UTF_8));
        Path b = file("b.csv", (HEADER + "y,data,u8,2\nbad,data,u8,-1\n").getBytes(StandardCharsets.UTF_8));
        NvsInputException e = null;
        try {
            NvsCsvReader.read(List.of(a, b), new CsvOptions(dir, FormatVersion.V2));
        } catch (NvsInputException ex) {
            e = ex;
        }
        assertThat(e).isNotNull();
        assertThat(e.source()).isEqualTo(b.toString());
        assertThat(e.line()).isEqualTo(3);
        Files.writeString(b, HEADER + "y,data,u8,2\n");
        CsvInput in = NvsCsvReader.read(List.of(a, b), new CsvOptions(dir, FormatVersion.V2));
        assertThat(value(in, "first", "y")).isEqualTo(new NvsValue.U8(2));
        assertThat(in.sourceOf("first", "y")).contains(SourceRef.of(b.toString(), 2));
    }

    @Nested
    class GeneratorRulesKept {

        @Test
        void pythonIntSyntax() {
            CsvInput in = read(HEADER + "ints,namespace,,\nws,data,u8, 42 \nplus,data,i8,+7\nunder,data,u16,1_000\n"
                    + "lead0,data,u32,007\nnegzero,data,i32,-0\ntab,data,i64,\t-5\t\narabic,data,u8,\u0663\n"
                    + "fullwd,data,u16,\uff11\uff12\nbig,data,u64,18446744073709551615\n");
            assertThat(in.data().items()).extracting(NvsData.Item::value).containsExactly(new NvsValue.U8(42),
                    new NvsValue.I8(7), new NvsValue.U16(1000), new NvsValue.U32(7), new NvsValue.I32(0),
                    new NvsValue.I64(-5), new NvsValue.U8(3), new NvsValue.U16(12), new NvsValue.U64(-1L));
        }

        @Test
        void integerEncodingsInAnyCase() {
            CsvInput in = read(HEADER + "ns,namespace,,\nu,data,U8,5\ni,data,I32,-5\n");
            assertThat(value(in, "ns", "u")).isEqualTo(new NvsValue.U8(5));
            assertThat(value(in, "ns", "i")).isEqualTo(new NvsValue.I32(-5));
        }

        @ParameterizedTest
        @ValueSource(strings = {"u8,256", "i8,-129", "u16,-1", "i16,32768", "u32,4294967296", "i32,2147483648",
            "u64,18446744073709551616", "i64,-9223372036854775809"})
        void integerRanges(String encodingAndValue) {
            NvsInputException e = refusal(HEADER + "ns,namespace,,\na,data," + encodingAndValue + "\n");
            assertThat(e.getMessage()).startsWith("nvs.csv:3: key 'a': value '").contains("is out of range for");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0x10", "", "1e3", "5.0", "1__0"})
        void integerSyntaxErrors(String text) {
            NvsInputException e = refusal(HEADER + "ns,namespace,,\na,data,u32," + text + "\n");
            assertThat(e.getMessage()).startsWith("nvs.csv:3: key 'a': value '" + text + "' is not a decimal integer")
                    .contains("0 to 4294967295");
        }

        @Test
        void hexAndBase64() {
            CsvInput in = read(HEADER + "ns,namespace,,\nu,data,hex2bin,DEADbeef\ne,data,hex2bin,\n"
                    + "s,data,hex2bin,\u00a00a0b\u3000\nb,data,base64,\"MTIz YWJj\nZA==\"\nl,data,base64,abc-_d\n");
            assertThat(blob(in, "ns", "u")).isEqualTo(hex("deadbeef"));
            assertThat(blob(in, "ns", "e")).isEmpty();
            assertThat(blob(in, "ns", "s")).isEqualTo(hex("0a0b"));
            assertThat(blob(in, "ns", "b")).isEqualTo("123abcd".getBytes(StandardCharsets.US_ASCII));
            assertThat(blob(in, "ns", "l")).isEqualTo(hex("69b71d"));
        }

        @Test
        void hexAndBase64Errors() {
            assertThat(refusal(HEADER + "ns,namespace,,\nh,data,hex2bin,abc\n").getMessage())
                    .startsWith("nvs.csv:3: key 'h': value 'abc' has an odd number of hex digits (3)");
            assertThat(refusal(HEADER + "ns,namespace,,\nh,data,hex2bin,zz\n").getMessage())
                    .startsWith("nvs.csv:3: key 'h': value 'zz' contains 'z', which is not a hex digit");
            assertThat(refusal(HEADER + "ns,namespace,,\nh,data,hex2bin,0x10\n").getMessage())
                    .contains("'x', which is not a hex digit");
            // characters the one-pass decoder must not take for digits: Latin-1 above ASCII ('\u00b0' is '0' + 0x80),
            // a fullwidth digit (a hex digit to Character.digit), one whose low byte is '0' ('\u0130')
            for (String notHex : new String[] {"0\u00e9", "\u00b00", "0\u00b0", "0\uff10", "\u0130a"}) {
                assertThat(refusal(HEADER + "ns,namespace,,\nh,data,hex2bin," + notHex + "\n").getMessage())
                        .as(notHex).contains("which is not a hex digit");
            }
            assertThat(refusal(HEADER + "ns,namespace,,\nb,data,base64,MTIzYQ\n").getMessage())
                    .startsWith("nvs.csv:3: key 'b': value 'MTIzYQ' is not valid base64").contains("padding");
            assertThat(refusal(HEADER + "ns,namespace,,\nb,data,base64,MTIz\u00e9\n").getMessage())
                    .startsWith("nvs.csv:3: key 'b': value 'MTIz\u00e9' contains the non-ASCII character");
        }

        @Test
        void blobFillAndTrailingText() {
            CsvInput in = read(HEADER + "fill,namespace,,\nf1,data,blob_fill(8;0x00),ab\nf2,data,blob_fill(4;0xff),\n"
                    + "f3,data,blob_sz_fill(8;0xff),ab\nf5,data,blob_sz_fill(0;0x00),\n"
                    + "f6,data,blob_fill(4;0xAA)junk,\nf7,data,blob_fill(\u0662;0x01),\n");
            assertThat(blob(in, "fill", "f1")).isEqualTo(hex("6162000000000000"));
            assertThat(blob(in, "fill", "f2")).isEqualTo(hex("ffffffff"));
            assertThat(blob(in, "fill", "f3")).isEqualTo(hex("020000006162ffffffffffff"));
            assertThat(blob(in, "fill", "f5")).isEqualTo(hex("00000000"));
            assertThat(blob(in, "fill", "f6")).isEqualTo(hex("aaaaaaaa"));
            assertThat(blob(in, "fill", "f7")).isEqualTo(hex("0101"));
        }

        @Test
        void blobFillErrors() {
            assertThat(refusal(HEADER + "ns,namespace,,\nf,data,blob_fill(16;0),abc\n").getMessage())
                    .startsWith("nvs.csv:3: key 'f': encoding 'blob_fill(16;0)' is malformed");
            assertThat(refusal(HEADER + "ns,namespace,,\nf,data,blob_fill(2;0x00),abc\n").getMessage())
                    .startsWith("nvs.csv:3: key 'f': value 'abc' is 3 bytes, longer than the 2 bytes");
            assertThat(refusal(HEADER + "ns,namespace,,\nf,data,blob_fill(99999999999999999;0x00),\n").getMessage())
                    .contains("stores blobs of at most 508000 bytes");
            assertThat(refusal(HEADER + "ns,namespace,,\nf,data,blob_fill(1985;0x00),\n", FormatVersion.V1)
                    .getMessage()).contains("format version 1 stores blobs of at most 1984 bytes");
        }

        @Test
        void stringsAndBinary() {
            CsvInput in = read(HEADER + "s,namespace,,\nempty,data,string,\nutf,data,string,h\u00e9llo\n"
                    + "bin,data,binary,raw text\nnone,data,binary,\n");
            assertThat(((NvsValue.Str) value(in, "s", "empty")).length()).isZero();
            assertThat(((NvsValue.Str) value(in, "s", "utf")).bytes()).isEqualTo(hex("68c3a96c6c6f"));
            assertThat(blob(in, "s", "bin")).isEqualTo("raw text".getBytes(StandardCharsets.US_ASCII));
            assertThat(blob(in, "s", "none")).isEmpty();
        }

        @Test
        void hashLinesInsideQuotedValuesDisappear() {
            CsvInput in = read("# c\n" + HEADER + "ns,namespace,,\nm,data,string,\"first\n# gone\nlast\"\n"
                    + " #sp,data,u8,1\n#k,data,u8,2\n");
            assertThat(value(in, "ns", "m")).isEqualTo(NvsValue.Str.of("first\nlast"));
            assertThat(in.data().items()).extracting(NvsData.Item::key).containsExactly("m", " #sp");
        }

        @Test
        void emptyKeyIsAccepted() {
            assertThat(value(read(HEADER + "ns,namespace,,\n,data,u8,1\n"), "ns", "")).isEqualTo(new NvsValue.U8(1));
        }
    }

    @Nested
    class Files_ {

        @Test
        void fileRowsReadBytesRelativeToTheBaseFolder() throws IOException {
            file("f/s.txt", "line1\r\nline2\n".getBytes(StandardCharsets.UTF_8));
            file("f/h.hex", " 0a0B \n".getBytes(StandardCharsets.US_ASCII));
            file("f/b.b64", "MTIz\n".getBytes(StandardCharsets.US_ASCII));
            file("f/raw.bin", hex("00ff10"));
            file("f/n.txt", "42\n".getBytes(StandardCharsets.US_ASCII));
            CsvInput in = read(HEADER + "ns,namespace,,\ns,file,string,f/s.txt\nh,file,hex2bin,f/h.hex\n"
                    + "b,file,base64,f/b.b64\nr,file,binary,f/raw.bin\nn,file,u8,f/n.txt\n");
            assertThat(value(in, "ns", "s")).isEqualTo(NvsValue.Str.of("line1\r\nline2\n"));
            assertThat(blob(in, "ns", "h")).isEqualTo(hex("0a0b"));
            assertThat(blob(in, "ns", "b")).isEqualTo("123".getBytes(StandardCharsets.US_ASCII));
            assertThat(blob(in, "ns", "r")).isEqualTo(hex("00ff10"));
            assertThat(value(in, "ns", "n")).isEqualTo(new NvsValue.U8(42));
        }

        @Test
        void absolutePathsAreUsedAsGiven() throws IOException {
            Path p = file("abs.bin", hex("0102"));
            CsvInput in = read(HEADER + "ns,namespace,,\nr,file,binary," + p.toAbsolutePath() + "\n");
            assertThat(blob(in, "ns", "r")).isEqualTo(hex("0102"));
        }

        @Test
        void missingFileDirectoryAndBadUtf8AreRefused() throws IOException {
            NvsInputException missing = refusal(HEADER + "ns,namespace,,\nf,file,binary,files/none.bin\n");
            assertThat(missing.getMessage()).startsWith("nvs.csv:3: key 'f': file 'files/none.bin' does not exist");
            Files.createDirectories(dir.resolve("d"));
            assertThat(refusal(HEADER + "ns,namespace,,\nf,file,binary,d\n").getMessage()).contains("is a directory");
            file("bad.txt", hex("61c328"));
            assertThat(refusal(HEADER + "ns,namespace,,\nf,file,string,bad.txt\n").getMessage())
                    .contains("is not valid UTF-8 text (at byte offset 1)");
        }

        @Test
        void blobFillTakesAFilesBytes() throws IOException {
            file("v.bin", hex("0102"));
            CsvInput in = read(HEADER + "ns,namespace,,\nf,file,blob_fill(4;0xee),v.bin\n");
            assertThat(blob(in, "ns", "f")).isEqualTo(hex("0102eeee"));
        }
    }

    @Nested
    class VersionLimits {

        @Test
        void formatTwoStringsUpTo4000BytesWithNul() {
            assertThat(((NvsValue.Str) value(read(HEADER + "ns,namespace,,\ns,data,string," + "x".repeat(3999) + "\n"),
                    "ns", "s")).length()).isEqualTo(3999);
            assertThat(refusal(HEADER + "ns,namespace,,\ns,data,string," + "x".repeat(4000) + "\n").getMessage())
                    .isEqualTo("nvs.csv:3: key 's': string is 4001 bytes with its terminating NUL: format version 2"
                            + " stores strings of at most 4000 bytes, NUL included");
        }

        @Test
        void formatOneStringsAndBlobsUpTo1984Bytes() {
            read(HEADER + "ns,namespace,,\ns,data,string," + "x".repeat(1983) + "\nb,data,hex2bin,"
                    + "00".repeat(1984) + "\n", FormatVersion.V1);
            assertThat(refusal(HEADER + "ns,namespace,,\ns,data,string," + "x".repeat(1984) + "\n", FormatVersion.V1)
                    .getMessage()).contains("string is 1985 bytes").contains("at most 1984 bytes");
            assertThat(refusal(HEADER + "ns,namespace,,\nb,data,hex2bin," + "00".repeat(1985) + "\n",
                    FormatVersion.V1).getMessage()).contains("blob is 1985 bytes").contains("at most 1984 bytes");
        }

        @Test
        void formatTwoBlobsUpTo508000Bytes() {
            read(HEADER + "ns,namespace,,\nb,data,hex2bin," + "00".repeat(508_000) + "\n");
            assertThat(refusal(HEADER + "ns,namespace,,\nb,data,hex2bin," + "00".repeat(508_001) + "\n").getMessage())
                    .contains("blob is 508001 bytes");
        }
    }

    @Nested
    class LeadDecisions {

        @Test
        void d1RepeatedNamespaceSwitchesBackToIt() {
            CsvInput in = read(HEADER + "a,namespace,,\nx,data,u8,1\nb,namespace,,\ny,data,u8,2\na,namespace,,\n"
                    + "z,data,u8,3\n");
            assertThat(in.data().namespaces()).containsExactly("a", "b");
            assertThat(in.data().items()).extracting(NvsData.Item::namespace).containsExactly("a", "b", "a");
            assertThat(in.namespaceSource("a")).contains(SourceRef.of("nvs.csv", 2));
        }

        @Test
        void d2NonAsciiKeysUpTo15Bytes() {
            CsvInput in = read(HEADER + "ns,namespace,,\n\u00e9,data,u8,7\nAAAAAAAAAAAAA\u00e9,data,u8,1\n");
            assertThat(value(in, "ns", "\u00e9")).isEqualTo(new NvsValue.U8(7));
            NvsInputException e = refusal(HEADER + "ns,namespace,,\n\u043a\u043b\u044e\u0447\u043a\u043b\u044e\u0447,"
                    + "data,u8,9\n");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.key()).isEqualTo("\u043a\u043b\u044e\u0447\u043a\u043b\u044e\u0447");
            assertThat(e.reason()).contains("16 bytes").contains("15 bytes");
            assertThat(refusal(HEADER + "abcdefghijklmnop,namespace,,\n").getMessage())
                    .startsWith("nvs.csv:2: key 'abcdefghijklmnop': namespace name is 16 bytes long");
        }

        @Test
        void d3BinaryStoresUtf8Bytes() {
            assertThat(blob(read(HEADER + "bin,namespace,,\nb,data,binary,h\u00e9llo\n"), "bin", "b"))
                    .isEqualTo(hex("68c3a96c6c6f"));
        }

        @Test
        void d4RowsBeforeTheFirstNamespaceAreRefused() {
            NvsInputException e = refusal(HEADER + "early,data,u8,5\nns,namespace,,\n");
            assertThat(e.getMessage()).startsWith("nvs.csv:2: key 'early': the row comes before the first namespace");
        }

        @Test
        void d5A255thNamespaceIsRefused() {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < 255; i++) {
                csv.append("n").append(i).append(",namespace,,\nk,data,u8,0\n");
            }
            NvsInputException e = refusal(csv.toString());
            assertThat(e.line()).isEqualTo(2 + 254 * 2);
            assertThat(e.key()).isEqualTo("n254");
            assertThat(e.reason()).contains("254");
        }

        @Test
        void d6DuplicateKeysAreRefusedNamingBothLines() {
            NvsInputException e = refusal(HEADER + "dup,namespace,,\nk,data,u8,1\nk,data,string,x\n");
            assertThat(e.getMessage()).isEqualTo("nvs.csv:4: key 'k': the key is already set in namespace 'dup' at"
                    + " line 3: each key may appear once per namespace");
            read(HEADER + "a,namespace,,\nk,data,u8,1\nb,namespace,,\nk,data,u8,2\n");
        }

        @Test
        void d7EncodingNamesInAnyCaseDecodeAsNamed() {
            CsvInput in = read(HEADER + "ns,namespace,,\ns,data,STRING,abc\nh,data,HEX2BIN,0102\nb,data,Base64,AAEC\n"
                    + "r,data,BINARY,xyz\nf,data,Blob_Fill(3;0XaB),\n");
            assertThat(value(in, "ns", "s")).isEqualTo(NvsValue.Str.of("abc"));
            assertThat(blob(in, "ns", "h")).isEqualTo(hex("0102"));
            assertThat(blob(in, "ns", "b")).isEqualTo(hex("000102"));
            assertThat(blob(in, "ns", "r")).isEqualTo("xyz".getBytes(StandardCharsets.US_ASCII));
            assertThat(blob(in, "ns", "f")).isEqualTo(hex("ababab"));
            assertThat(refusal(HEADER + "ns,namespace,,\na,data, u8,1\n").getMessage())
                    .startsWith("nvs.csv:3: key 'a': encoding ' u8' is not supported (remove the spaces");
            assertThat(refusal(HEADER + "ns,namespace,,\nf,data,float,1.5\n").getMessage())
                    .startsWith("nvs.csv:3: key 'f': encoding 'float' is not supported: accepted are u8");
        }

        @Test
        void d8TypeColumn() throws IOException {
            file("files/p.txt", "from file".getBytes(StandardCharsets.UTF_8));
            CsvInput in = read(HEADER + "ns,NameSpace,,\nb,DATA,u8,2\nc,File,string,files/p.txt\n");
            assertThat(value(in, "ns", "b")).isEqualTo(new NvsValue.U8(2));
            assertThat(value(in, "ns", "c")).isEqualTo(NvsValue.Str.of("from file"));
            assertThat(refusal(HEADER + "ns,namespace,,\na,foo,u8,1\n").getMessage()).isEqualTo("nvs.csv:3: key 'a':"
                    + " type 'foo' is not known: accepted are data, file and namespace, in any letter case");
            assertThat(refusal(HEADER + "ns,namespace,,\nd,,u8,4\n").getMessage()).contains("type '' is not known");
            assertThat(refusal(HEADER + "ns, namespace,,\n").getMessage())
                    .startsWith("nvs.csv:2: key 'ns': type ' namespace' is not known (remove the spaces");
        }

        @Test
        void d9ByteOrderMarkIsSkipped() {
            byte[] csv = (HEADER + "ns,namespace,,\na,data,u8,1\n").getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[csv.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(csv, 0, withBom, 3, csv.length);
            CsvInput in = NvsCsvReader.read("bom.csv", withBom, new CsvOptions(dir, FormatVersion.V2));
            assertThat(value(in, "ns", "a")).isEqualTo(new NvsValue.U8(1));
        }

        @Test
        void d10WifiKeysAsTheGenerator() throws IOException {
            CsvInput in = read(HEADER + "nvs.net80211,namespace,,\nsta.ssid,file,string,files/not-read.txt\n"
                    + "sta.pswd,data,string,secret123\nap.ssid,data,string,APNet\nap.passwd,data,string,appass12\n"
                    + "ap.authmode,data,u8,3\nother,namespace,,\nap.ssid,data,string,APNet\n");
            assertThat(in.data().items()).extracting(i -> i.namespace() + "/" + i.key()).containsExactly(
                    "nvs.net80211/sta.ssid", "nvs.net80211/sta.apinfo", "nvs.net80211/sta.pmk",
                    "nvs.net80211/sta.apsw", "nvs.net80211/sta.pswd", "nvs.net80211/ap.ssid",
                    "nvs.net80211/ap.passwd", "nvs.net80211/ap.pmk_info", "nvs.net80211/ap.authmode",
                    "other/ap.pmk_info", "other/ap.ssid");
            assertThat(value(in, "nvs.net80211", "sta.ssid")).isEqualTo(NvsValue.Str.of("files/not-read.txt"));
            assertThat(blob(in, "nvs.net80211", "sta.apinfo")).hasSize(140).containsOnly((byte) 0xFF);
            assertThat(blob(in, "nvs.net80211", "sta.pmk")).isEqualTo(new byte[32]);
            assertThat(blob(in, "nvs.net80211", "sta.apsw")).isEqualTo(new byte[2]);
            byte[] info = blob(in, "nvs.net80211", "ap.pmk_info");
            assertThat(java.util.Arrays.copyOf(info, 100)).isEqualTo(new byte[100]);
            assertThat(java.util.Arrays.copyOfRange(info, 100, 132))
                    .isEqualTo(hex("fdcf6eec37ebe30f10392a128897811d0b961304c73d6b38dde995677f30dacf"));
            assertThat(in.sourceOf("nvs.net80211", "ap.pmk_info")).hasValueSatisfying(s -> {
                assertThat(s.line()).isEqualTo(7);
                assertThat(s.context()).contains("ap.authmode");
            });
        }

        @Test
        void d10WifiPmkUsesUtf8AndAuthmodeZeroIsUnset() {
            CsvInput in = read(HEADER + "w,namespace,,\nap.ssid,data,string,N\u00e9tz\nap.passwd,data,string,p\u00e4ssw\u00f6rd\n"
                    + "ap.authmode,data,u8,0\n");
            assertThat(in.data().get("w", "ap.pmk_info")).isEmpty();
            CsvInput set = read(HEADER + "w,namespace,,\nap.ssid,data,string,N\u00e9tz\n"
                    + "ap.passwd,data,string,p\u00e4ssw\u00f6rd\nap.authmode,data,u8,00\n");
            assertThat(java.util.Arrays.copyOfRange(blob(set, "w", "ap.pmk_info"), 100, 132))
                    .isEqualTo(hex("3a033f9c7f0617caad248c3d7c4243b04ffd3693cfbd3a34e843a1c782ddbbdc"));
        }

        @Test
        void d10AnAddedWifiKeyThatIsAlreadySetIsADuplicate() {
            NvsInputException e = refusal(HEADER + "w,namespace,,\nsta.pmk,data,hex2bin,00\nsta.ssid,data,string,x\n");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.key()).isEqualTo("sta.pmk");
            assertThat(e.getMessage()).contains("already set").contains("at line 3").contains("Wi-Fi key 'sta.ssid'");
        }

        @Test
        void d11BrokenRowsAreRefusedWithTheirLine() {
            assertThat(refusal(HEADER + "ns,namespace,,\n   \na,data,u8,1\n").getMessage())
                    .startsWith("nvs.csv:3: key '   ': the line holds only spaces");
            assertThat(refusal("ns,namespace,,\na,data,u8,1\n").getMessage())
                    .startsWith("nvs.csv:1: the first line is not the header key,type,encoding,value");
            assertThat(refusal("key, type, encoding, value\nns,namespace,,\n").getMessage())
                    .startsWith("nvs.csv:1: the header lacks the columns type, encoding, value")
                    .contains("must not have spaces");
            assertThat(refusal(HEADER + "ns,namespace,,\na,data,u8\n").getMessage())
                    .startsWith("nvs.csv:3: key 'a': the row has no value field");
            assertThat(refusal(HEADER + "ns,namespace,,\na,data\n").getMessage())
                    .startsWith("nvs.csv:3: key 'a': the row has no encoding field");
            assertThat(refusal("type,key,encoding,value\nnamespace\n").getMessage())
                    .startsWith("nvs.csv:2: the row has no key field");
        }
    }

    @Nested
    class ImplementationDecisions {

        @Test
        void blankLinesBeforeTheHeaderAreSkipped() {
            CsvInput in = read("\n\n# c\n" + HEADER + "ns,namespace,,\na,data,u8,1\n");
            assertThat(in.sourceOf("ns", "a")).contains(SourceRef.of("nvs.csv", 6));
        }

        @Test
        void aHeaderWithoutTheColumnsIsRefusedEvenWithoutRows() {
            assertThat(refusal("foo,bar\n").getMessage()).startsWith("nvs.csv:1: the first line is not the header");
        }

        @Test
        void integersWithManyLeadingZerosAreAccepted() {
            CsvInput in = read(HEADER + "ns,namespace,,\na,data,u8," + "0".repeat(5000) + "1\n");
            assertThat(value(in, "ns", "a")).isEqualTo(new NvsValue.U8(1));
        }

        @Test
        void aNamespaceRowNamedLikeAWifiKeyIsANamespace() {
            CsvInput in = read(HEADER + "sta.ssid,namespace,,\nap.ssid,namespace,,\nx,data,u8,1\n");
            assertThat(in.data().namespaces()).containsExactly("sta.ssid", "ap.ssid");
            assertThat(in.data().items()).extracting(NvsData.Item::key).containsExactly("x");
        }
    }

    @Test
    void invalidUtf8InTheCsvNamesTheLine() {
        byte[] csv = (HEADER + "ns,namespace,,\ns,data,string,x\n").getBytes(StandardCharsets.UTF_8);
        csv[csv.length - 2] = (byte) 0xFF;
        assertThatThrownBy(() -> NvsCsvReader.read("bad.csv", csv, new CsvOptions(dir, FormatVersion.V2)))
                .isInstanceOf(NvsInputException.class).hasMessageStartingWith("bad.csv:3: the file is not valid UTF-8");
    }

    @Test
    void missingCsvFileIsAClearMessage() {
        Path none = dir.resolve("none.csv");
        assertThatThrownBy(() -> NvsCsvReader.read(none, new CsvOptions(dir, FormatVersion.V2)))
                .isInstanceOf(NvsInputException.class).hasMessage(none + ": the CSV file does not exist");
    }
}
