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
 * Every image of {@code testdata/device-images} must read exactly as the ESP-IDF runtime showed it: the JSON of the
 * device view equals the recorded {@code NAME.expected.json} byte for byte.
 */
class DeviceImagesTest {

    static Stream<String> images() throws IOException {
        Path dir = TestData.path("device-images");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            assertThat(names).as("device images in " + dir).hasSizeGreaterThanOrEqualTo(36);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void jsonMatchesTheDeviceByteForByte(String name) throws IOException {
        byte[] image = TestData.bytes("device-images/" + name + ".bin");
        byte[] copy = image.clone();
        String expected = Files.readString(TestData.path("device-images/" + name + ".expected.json"),
                StandardCharsets.UTF_8);

        DeviceView view = NvsReader.boot(image);

        assertThat(view.toJson()).isEqualTo(expected);
        assertThat(image).as("boot must not modify its input").isEqualTo(copy);

        // the model holds each readable namespace and key once
        long distinct = Stream.concat(view.entries().stream(), view.unlisted().stream())
                .map(e -> e.namespace() + "\0" + e.key()).distinct().count();
        assertThat(view.toModel().size()).isEqualTo(distinct);
    }

    /** §1.1: the runtime uses floor(size / 4096) pages; bytes after the last whole page change nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void trailingPartialPageIsIgnored(String name) throws IOException {
        byte[] image = TestData.bytes("device-images/" + name + ".bin");
        byte[] longer = java.util.Arrays.copyOf(image, image.length + 1000);
        DeviceView view = NvsReader.boot(longer);
        assertThat(view.toJson()).isEqualTo(NvsReader.boot(image).toJson());
        assertThat(view.repairs().get(0).kind()).isEqualTo(BootRepair.Kind.TRAILING_BYTES_IGNORED);
        assertThat(view.repairs().get(0).offset()).isEqualTo(image.length);
    }
}
