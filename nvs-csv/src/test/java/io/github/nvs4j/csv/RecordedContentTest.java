package io.github.nvs4j.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.testing.ConformanceCase;
import io.github.nvs4j.testing.Json;
import io.github.nvs4j.write.FormatVersion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader alone, without the writer: for every {@code generate} case that has {@code nvs_tool.py}'s minimal
 * listing of the generator's image ({@code expected-minimal.json}, or {@code expected-decrypted-minimal.json}),
 * the data read from the case's CSV lists the same namespaces, keys, types and values in the same order.
 *
 * <p>The byte-for-byte proof is {@link ConformanceTest}; this test pins the reading itself. Cases where nvs4j reads
 * differently on purpose ({@code docs/differences.md}) are asserted there, one by one, and are listed here.
 */
class RecordedContentTest {

    /** Cases whose content differs by a decision of the lead; each has its own assertion in ConformanceTest. */
    static final Set<String> DIFFERENT_BY_DECISION = Set.of("multi_csv_inputs", "key_nonascii", "binary_nonascii_data",
            "data_before_namespace", "namespaces_255", "duplicate_keys", "encoding_case", "type_unknown");

    static Stream<ConformanceCase> cases() {
        return ConformanceCase.ofKind("generate").stream()
                .filter(c -> !DIFFERENT_BY_DECISION.contains(c.name()))
                .filter(c -> Files.exists(listing(c)));
    }

    private static java.nio.file.Path listing(ConformanceCase c) {
        return c.file(c.subcommand().equals("encrypt") ? "expected-decrypted-minimal.json" : "expected-minimal.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsWhatTheGeneratorWrote(ConformanceCase c) throws Exception {
        CsvInput input = NvsCsvReader.read(c.inputs(), CaseOptions.of(c));
        List<String> expected = recorded(Json.read(listing(c)));
        assertThat(listed(input.data(), c.version().orElseThrow())).containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void everyGenerateCaseWithAListingIsCoveredOrListed() {
        long withListing = ConformanceCase.ofKind("generate").stream().filter(c -> Files.exists(listing(c))).count();
        assertThat(cases().count()).isGreaterThanOrEqualTo(withListing - DIFFERENT_BY_DECISION.size()).isPositive();
        DIFFERENT_BY_DECISION.forEach(n -> assertThat(ConformanceCase.named(n).kind()).isEqualTo("generate"));
    }

    /** nvs_tool's minimal listing, one line per item; blob chunks of one key joined. */
    @SuppressWarnings("unchecked")
    private static List<String> recorded(Object json) {
        List<String> out = new ArrayList<>();
        String blobKey = null;
        ByteArrayOutputStream blob = null;
        for (Object o : (List<Object>) json) {
            Map<String, Object> m = (Map<String, Object>) o;
            String ns = (String) m.get("namespace");
            String key = (String) m.get("key");
            String enc = (String) m.get("encoding");
            Object data = m.get("data");
            if (enc.equals("blob_data")) {
                String id = ns + "/" + key;
                if (!id.equals(blobKey)) {
                    flush(out, blobKey, blob);
                    blobKey = id;
                    blob = new ByteArrayOutputStream();
                }
                blob.writeBytes(Base64.getDecoder().decode((String) data));
                continue;
            }
            flush(out, blobKey, blob);
            blobKey = null;
            if (enc.equals("blob")) {
                out.add(ns + "/" + key + " blob " + hex(Base64.getDecoder().decode((String) data)));
            } else if (enc.equals("string")) {
                out.add(ns + "/" + key + " string " + data);
            } else {
                out.add(ns + "/" + key + " " + enc + " " + data);
            }
        }
        flush(out, blobKey, blob);
        return out;
    }

    private static void flush(List<String> out, String blobKey, ByteArrayOutputStream blob) {
        if (blobKey != null) {
            out.add(blobKey + " blob " + hex(blob.toByteArray()));
        }
    }

    /** Our data in the same form; keys as nvs_tool shows them (UTF-8 bytes read as Latin-1). */
    private static List<String> listed(NvsData data, FormatVersion version) {
        List<String> out = new ArrayList<>();
        for (NvsData.Item item : data.items()) {
            String key = new String(item.key().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            String prefix = item.namespace() + "/" + key + " ";
            NvsValue v = item.value();
            String shown = switch (v.type()) {
                case U8 -> "uint8_t " + ((NvsValue.U8) v).value();
                case I8 -> "int8_t " + ((NvsValue.I8) v).value();
                case U16 -> "uint16_t " + ((NvsValue.U16) v).value();
                case I16 -> "int16_t " + ((NvsValue.I16) v).value();
                case U32 -> "uint32_t " + ((NvsValue.U32) v).value();
                case I32 -> "int32_t " + ((NvsValue.I32) v).value();
                case U64 -> "uint64_t " + Long.toUnsignedString(((NvsValue.U64) v).value());
                case I64 -> "int64_t " + ((NvsValue.I64) v).value();
                case STR -> "string " + ((NvsValue.Str) v).text();
                case BLOB -> "blob " + hex(((NvsValue.Blob) v).bytes());
                default -> "unexpected " + v;
            };
            out.add(prefix + shown);
        }
        return out;
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
