package io.github.nvs4j.read;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.testing.ConformanceCase;
import io.github.nvs4j.testing.Json;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link NvsReader#readModel} on every image the generator produced in {@code testdata/conformance}: the model must
 * list exactly what {@code nvs_tool.py -d minimal} recorded (namespace, key, type, value, in order), and the images
 * the generator got wrong must be refused with a located {@link NvsFormatException}.
 */
class ConformanceReadModelTest {

    /**
     * Generator outputs that are not clean images: duplicate keys (the device erases one copy), rows before the
     * first namespace (they become namespace entries), a data CRC that does not verify, a 16-byte key without NUL
     * (the device cannot find it) and namespace index 255 (reserved by the runtime).
     */
    private static final Set<String> REFUSED = Set.of("duplicate_keys", "data_before_namespace",
            "binary_nonascii_data", "key_nonascii", "namespaces_255");

    static Stream<String> generateCases() {
        List<String> names = ConformanceCase.ofKind("generate").stream().filter(c -> c.subcommand().equals("generate"))
                .map(ConformanceCase::name).toList();
        assertThat(names).hasSizeGreaterThan(40);
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generateCases")
    void readsGeneratorOutputLikeNvsTool(String name) throws IOException {
        byte[] image = TestData.bytes("conformance/" + name + "/expected.bin");
        if (REFUSED.contains(name)) {
            assertThatThrownBy(() -> NvsReader.readModel(image)).isInstanceOf(NvsFormatException.class)
                    .satisfies(e -> assertThat(((NvsFormatException) e).page()).isNotNegative());
            return;
        }
        NvsData data = NvsReader.readModel(image);
        Path minimal = TestData.path("conformance/" + name + "/expected-minimal.json");
        if (Files.exists(minimal)) {
            assertThat(flatten(data)).isEqualTo(expected(Files.readString(minimal, StandardCharsets.UTF_8)));
        } else {
            assertThat(flatten(data)).isEqualTo(fromCsv(name));
        }
    }

    /** The model as (namespace, key, encoding, value) lines. */
    private static List<String> flatten(NvsData data) {
        List<String> out = new ArrayList<>();
        for (NvsData.Item item : data.items()) {
            out.add(item.namespace() + " | " + item.key() + " | " + describe(item.value()));
        }
        return out;
    }

    private static String describe(NvsValue v) {
        if (v instanceof NvsValue.U8 x) {
            return "uint8_t " + x.value();
        } else if (v instanceof NvsValue.I8 x) {
            return "int8_t " + x.value();
        } else if (v instanceof NvsValue.U16 x) {
            return "uint16_t " + x.value();
        } else if (v instanceof NvsValue.I16 x) {
            return "int16_t " + x.value();
        } else if (v instanceof NvsValue.U32 x) {
            return "uint32_t " + x.value();
        } else if (v instanceof NvsValue.I32 x) {
            return "int32_t " + x.value();
        } else if (v instanceof NvsValue.U64 x) {
            return "uint64_t " + Long.toUnsignedString(x.value());
        } else if (v instanceof NvsValue.I64 x) {
            return "int64_t " + x.value();
        } else if (v instanceof NvsValue.Str x) {
            return "string " + x.text();
        } else if (v instanceof NvsValue.Blob x) {
            return "blob " + Base64.getEncoder().encodeToString(x.bytes());
        }
        throw new AssertionError(v);
    }

    /** nvs_tool's records, with the chunks of a format-2 blob joined into one value. */
    @SuppressWarnings("unchecked")
    private static List<String> expected(String json) {
        List<Object> records = (List<Object>) Json.parse(json);
        List<String> out = new ArrayList<>();
        String blobId = null;
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (Object o : records) {
            Map<String, Object> r = (Map<String, Object>) o;
            String id = r.get("namespace") + " | " + r.get("key");
            String encoding = (String) r.get("encoding");
            Object value = r.get("data");
            if (encoding.equals("blob_data") || encoding.equals("blob")) {
                byte[] bytes = Base64.getDecoder().decode((String) value);
                if (encoding.equals("blob_data") && id.equals(blobId)) {
                    blob.writeBytes(bytes);
                    out.set(out.size() - 1, id + " | blob "
                            + Base64.getEncoder().encodeToString(blob.toByteArray()));
                    continue;
                }
                blobId = encoding.equals("blob_data") ? id : null;
                blob.reset();
                blob.writeBytes(bytes);
                out.add(id + " | blob " + value);
                continue;
            }
            blobId = null;
            String text = value instanceof Number n ? n.toString() : (String) value;
            out.add(id + " | " + encoding + " " + text);
        }
        return out;
    }

    /** For the cases without an nvs_tool dump: the CSV's rows (only u8, string and hex2bin occur there). */
    private static List<String> fromCsv(String name) throws IOException {
        List<String> out = new ArrayList<>();
        String ns = null;
        List<String> lines = Files.readAllLines(TestData.path("conformance/" + name + "/input.csv"),
                StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            switch (f[2]) {
                case "" -> ns = f[0];
                case "u8" -> out.add(ns + " | " + f[0] + " | uint8_t " + f[3]);
                case "string" -> out.add(ns + " | " + f[0] + " | string " + f[3]);
                case "hex2bin" -> out.add(ns + " | " + f[0] + " | blob "
                        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(f[3])));
                default -> throw new AssertionError("unexpected encoding in " + line);
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static Stream<String> checkCases() {
        List<String> names = ConformanceCase.ofKind("check").stream().map(ConformanceCase::name).toList();
        assertThat(names).hasSizeGreaterThan(20);
        return names.stream();
    }

    /** Damaged images: refused, except the few that are still clean images. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkCases")
    void refusesDamagedImages(String name) {
        byte[] image = TestData.bytes("conformance/" + name + "/image.bin");
        Set<String> clean = Set.of("check-clean", "check-same-key-other-namespace", "check-entry-erased",
                "check-truncated-one-page");
        if (clean.contains(name)) {
            assertThat(NvsReader.readModel(image).size()).isPositive();
        } else {
            assertThatThrownBy(() -> NvsReader.readModel(image)).isInstanceOf(NvsFormatException.class);
        }
        // boot never throws, whatever the damage
        assertThat(NvsReader.boot(image).toJson()).startsWith("{");
    }
}
