package io.github.nvs4j.write;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.github.nvs4j.write.ImageAssert.assertSameImage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generator conformance: {@code testdata/conformance/NAME/expected.bin} (recorded with nvs_partition_gen.py 0.2.0)
 * against nvs4j's output for the same content. The content is built by hand from each case's {@code input.csv};
 * size and version come from its {@code args.txt}. The largest inputs, and further plain ones, are read with the
 * trivial {@link PlainCsv}.
 */
class ConformanceTest {

    private static Path folder(String name) {
        return TestData.path("conformance/" + name);
    }

    private static byte[] file(String name, String file) {
        try {
            return Files.readAllBytes(folder(name).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NvsValue.Blob blobFile(String name) {
        return NvsValue.Blob.of(file(name, "blob.bin"));
    }

    private static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    private static NvsData u8Keys(String namespace, String format, int count, Function<NvsData.Builder, NvsData.Builder> tail) {
        NvsData.Builder b = NvsData.builder().namespace(namespace);
        for (int i = 0; i < count; i++) {
            b.put(String.format(format, i), new NvsValue.U8(i));
        }
        return tail.apply(b).build();
    }

    static Stream<Arguments> handBuilt() {
        return Stream.of(
                Arguments.of("types_unsigned_minmax", NvsData.builder().namespace("unsigned")
                        .put("u8_min", new NvsValue.U8(0)).put("u8_max", new NvsValue.U8(255))
                        .put("u16_min", new NvsValue.U16(0)).put("u16_max", new NvsValue.U16(65535))
                        .put("u32_min", new NvsValue.U32(0)).put("u32_max", new NvsValue.U32(4294967295L))
                        .put("u64_min", new NvsValue.U64(0)).put("u64_max", new NvsValue.U64(-1L))
                        .build()),
                Arguments.of("types_signed_minmax", NvsData.builder().namespace("signed")
                        .put("i8_min", new NvsValue.I8(-128)).put("i8_max", new NvsValue.I8(127))
                        .put("i8_zero", new NvsValue.I8(0))
                        .put("i16_min", new NvsValue.I16(-32768)).put("i16_max", new NvsValue.I16(32767))
                        .put("i16_zero", new NvsValue.I16(0))
                        .put("i32_min", new NvsValue.I32(Integer.MIN_VALUE))
                        .put("i32_max", new NvsValue.I32(Integer.MAX_VALUE)).put("i32_zero", new NvsValue.I32(0))
                        .put("i64_min", new NvsValue.I64(Long.MIN_VALUE)).put("i64_max", new NvsValue.I64(Long.MAX_VALUE))
                        .put("i64_zero", new NvsValue.I64(0))
                        .build()),
                Arguments.of("blob_multipage_v2", NvsData.builder().namespace("blob")
                        .put("big", blobFile("blob_multipage_v2")).put("tail", new NvsValue.U8(9)).build()),
                Arguments.of("blob_chunk_exact_v2", NvsData.builder().namespace("blob")
                        .put("b", blobFile("blob_chunk_exact_v2")).put("after", new NvsValue.U8(1)).build()),
                Arguments.of("blob_chunk_plus1_v2", NvsData.builder().namespace("blob")
                        .put("b", blobFile("blob_chunk_plus1_v2")).build()),
                Arguments.of("blob_v2_fill_partition", NvsData.builder().namespace("blob")
                        .put("max", blobFile("blob_v2_fill_partition")).build()),
                Arguments.of("blob_after_full_page_v2", u8Keys("ns", "k%d", 125, b -> b
                        .put("bl", NvsValue.Blob.of(filled(40, 0xAB))).put("after", new NvsValue.U8(7)))),
                Arguments.of("string_after_full_page", u8Keys("ns", "k%d", 125, b -> b
                        .put("s", NvsValue.Str.of("hello")).put("after", new NvsValue.U8(7)))),
                Arguments.of("varlen_page_boundary", u8Keys("pb", "u%d", 93, b -> b
                        .put("s", NvsValue.Str.of("S".repeat(991))).put("after", new NvsValue.U8(1)))),
                Arguments.of("exact_fill_primitives", u8Keys("fill", "k%03d", 251, Function.identity())),
                Arguments.of("partition_0x6000_states", u8Keys("storage", "k%03d", 200, Function.identity())),
                Arguments.of("partition_min_0x1000", NvsData.builder().namespace("ro")
                        .put("a", new NvsValue.U8(1)).put("s", NvsValue.Str.of("read-only")).build()),
                Arguments.of("partition_0x2000_readonly_2pages", u32Thousands()),
                Arguments.of("partition_1mib", NvsData.builder().namespace("big")
                        .put("a", new NvsValue.U64(1099511627776L)).put("s", NvsValue.Str.of("one mebibyte"))
                        .put("blob", blobFile("partition_1mib")).build()),
                Arguments.of("string_max_v2", NvsData.builder().namespace("strmax")
                        .put("long", NvsValue.Str.of(repeat("ABCDEFGHIJ", 3967))).build()),
                Arguments.of("string_max_v1", NvsData.builder().namespace("strmax")
                        .put("long", NvsValue.Str.of(repeat("abcdefghij", 1983))).build()),
                Arguments.of("blob_v1_max", NvsData.builder().namespace("blob")
                        .put("b", blobFile("blob_v1_max")).build()),
                Arguments.of("empty_csv", NvsData.empty()));
    }

    private static NvsData u32Thousands() {
        NvsData.Builder b = NvsData.builder().namespace("ro");
        for (int i = 0; i < 130; i++) {
            b.put("k" + i, new NvsValue.U32(i * 1000L));
        }
        return b.build();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** The size and version of a case, from its {@code args.txt} ({@code generate SIZE --version N}). */
    record Args(long size, FormatVersion version) {
        static Args of(String name) {
            String[] words = new String(file(name, "args.txt"), StandardCharsets.UTF_8).trim().split("\\s+");
            assertThat(words[0]).isEqualTo("generate");
            if (words.length == 2) {
                return new Args(Long.decode(words[1]), FormatVersion.V2);
            }
            assertThat(words).hasSize(4);
            assertThat(words[2]).isEqualTo("--version");
            return new Args(Long.decode(words[1]), FormatVersion.of(Integer.parseInt(words[3])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handBuilt")
    void handBuiltContentMatchesTheGenerator(String name, NvsData data) {
        Args args = Args.of(name);
        byte[] image = NvsWriter.write(data, args.size(), args.version());
        assertSameImage(name, image, file(name, "expected.bin"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1_mixed_types", "many_entries_2000", "string_utf8", "namespaces_several",
            "key_lengths", "blob_tiny_v2", "partition_0x3000_basic", "partition_16k", "partition_24k_decimal",
            "header_only_csv", "default_version_v2"})
    void plainCsvContentMatchesTheGenerator(String name) {
        Args args = Args.of(name);
        NvsData data = PlainCsv.read(folder(name));
        long rows = new String(file(name, "input.csv"), StandardCharsets.UTF_8).lines().count() - 1;
        assertThat(data.size() + data.namespaces().size()).as("rows read").isEqualTo(rows);
        byte[] image = NvsWriter.write(data, args.size(), args.version());
        assertSameImage(name, image, file(name, "expected.bin"));
    }
}
