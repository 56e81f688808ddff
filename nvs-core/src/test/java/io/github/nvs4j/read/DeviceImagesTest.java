package io.github.nvs4j.read;

import io.github.nvs4j.TestData;
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
    }
}
