package io.github.nvs4j.read;

import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every image of {@code testdata/runtime-oracle} must read exactly as ESP-IDF's own NVS code, compiled for the host,
 * showed it (see that folder's README): the JSON of the device view equals {@code NAME.expected.json} byte for
 * byte. Images whose name starts with {@code ro-} are booted as a read-only partition.
 */
class RuntimeOracleImagesTest {

    static Stream<String> images() throws IOException {
        Path dir = TestData.path("runtime-oracle");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            assertThat(names).as("runtime-oracle images in " + dir).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void jsonMatchesTheRuntimeByteForByte(String name) throws IOException {
        byte[] image = TestData.bytes("runtime-oracle/" + name + ".bin");
        byte[] copy = image.clone();
        String expected = Files.readString(TestData.path("runtime-oracle/" + name + ".expected.json"),
                StandardCharsets.UTF_8);
        PartitionMode mode = name.startsWith("ro-") ? PartitionMode.READ_ONLY : PartitionMode.READ_WRITE;

        DeviceView view = NvsReader.boot(image, mode);

        assertThat(view.toJson()).isEqualTo(expected);
        assertThat(image).as("boot must not modify its input").isEqualTo(copy);
    }
}
