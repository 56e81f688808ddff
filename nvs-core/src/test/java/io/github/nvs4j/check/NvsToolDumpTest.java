package io.github.nvs4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link NvsToolDump#minimalJson} against every minimal dump recorded with {@code nvs_tool.py}. */
class NvsToolDumpTest {

    /** Every (image, recorded minimal JSON) pair of the conformance corpus. */
    static Stream<Arguments> recordedDumps() throws IOException {
        Path root = TestData.path("conformance");
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                addIfPresent(cases, dir, "expected.bin", "expected-minimal.json");
                addIfPresent(cases, dir, "expected-decrypted.bin", "expected-decrypted-minimal.json");
                Path json = dir.resolve("expected/json");
                if (Files.isDirectory(json)) {
                    try (Stream<Path> files = Files.list(json)) {
                        for (Path f : files.sorted().toList()) {
                            String name = f.getFileName().toString().replace("-minimal.json", ".bin");
                            addIfPresent(cases, dir, "expected/bin/" + name, "expected/json/" + f.getFileName());
                        }
                    }
                }
            }
        }
        assertThat(cases).as("recorded minimal dumps").hasSizeGreaterThan(50);
        return cases.stream();
    }

    private static void addIfPresent(List<Arguments> cases, Path dir, String image, String json) {
        if (Files.exists(dir.resolve(json))) {
            cases.add(Arguments.of(dir.getFileName() + "/" + json, dir.resolve(image), dir.resolve(json)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedDumps")
    void matchesNvsToolByteForByte(String name, Path image, Path json) throws IOException {
        MinimalDump dump = NvsToolDump.minimal(Files.readAllBytes(image));

        assertThat(dump.json()).isEqualTo(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(dump.notes()).isEmpty();
        assertThat(dump.matchesTool()).isTrue();
    }

    /**
     * {@code data_before_namespace}: nvs_tool crashes ({@code TypeError: unhashable type: 'list'}) on the string
     * {@code early_s} written in namespace 0. We leave it out of the namespace list and dump the rest: {@code early}
     * (u8 5 in namespace 0) names namespace 5, {@code ns} names namespace 1, and {@code late} is the only item.
     */
    @Test
    void stringInNamespaceZeroIsLeftOutOfTheNamespacesWithANote() {
        assertThat(read("conformance/data_before_namespace/expected-minimal.error.txt"))
                .contains("TypeError: unhashable type: 'list'");

        MinimalDump dump = NvsToolDump.minimal(TestData.bytes("conformance/data_before_namespace/expected.bin"));

        assertThat(dump.json()).isEqualTo("""
                [
                    {
                        "namespace": "ns",
                        "key": "late",
                        "encoding": "uint8_t",
                        "data": 6,
                        "state": "Written",
                        "is_empty": false
                    }
                ]
                """);
        assertThat(dump.matchesTool()).isFalse();
        assertThat(dump.notes()).singleElement().asString()
                .contains("unhashable type: 'list'").contains("page 0 entry 1");
    }

    @Test
    void unalignedImageDumpsItsWholePagesWithANote() {
        byte[] image = TestData.bytes("conformance/check-truncated-unaligned/image.bin");
        byte[] whole = java.util.Arrays.copyOf(image, image.length / 4096 * 4096);

        MinimalDump dump = NvsToolDump.minimal(image);

        assertThat(dump.json()).isEqualTo(NvsToolDump.minimalJson(whole));
        assertThat(dump.json()).contains("\"key\": \"s\"");
        assertThat(dump.notes()).singleElement().asString().contains("NotAlignedError").contains("2048 bytes");
    }

    @Test
    void emptyInputIsAnEmptyList() {
        assertThat(NvsToolDump.minimalJson(new byte[0])).isEqualTo("[]\n");
    }

    @Test
    void invalidUtf8StringIsShownWithReplacementCharacters() {
        // string_basic: entry "plain" = "hello world"; make its first payload byte 0xC3 followed by 'e' (invalid)
        byte[] image = TestData.bytes("conformance/string_basic/expected.bin");
        int header = findKey(image, "plain");
        image[header + 32] = (byte) 0xC3;

        MinimalDump dump = NvsToolDump.minimal(image);

        assertThat(dump.json()).contains("\"data\": \"\\ufffdello world\"");
        assertThat(dump.notes()).singleElement().asString().contains("UnicodeDecodeError");
    }

    private static int findKey(byte[] image, String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        for (int e = 64; e + 32 <= image.length; e += 32) {
            if ((e % 4096) < 64) {
                continue;
            }
            boolean match = image[e + 8 + k.length] == 0;
            for (int j = 0; j < k.length && match; j++) {
                match = image[e + 8 + j] == k[j];
            }
            if (match && image[e] != 0) {
                return e;
            }
        }
        throw new AssertionError("key not found: " + key);
    }

    private static String read(String relative) {
        try {
            return Files.readString(TestData.path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
