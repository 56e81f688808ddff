package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.testing.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images written by ESP-IDF's own NVS code under churn (torn writes, erased and purged entries, half-written
 * entries), encrypted as the device would have stored them and decrypted again: the bytes come back, and the device
 * view of the decrypted image is the one the device oracle recorded.
 */
class DeviceImageEncryptionTest {

    private static final NvsKeys KEYS = NvsKeys.fromHmacKey(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    static List<Path> deviceImages() {
        try (Stream<Path> files = Files.list(TestData.path("device-images"))) {
            List<Path> images = files.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted()
                    .collect(Collectors.toList());
            assertThat(images).hasSizeGreaterThan(20);
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("deviceImages")
    void encryptedDeviceImageDecryptsToTheSameBytesAndTheRecordedView(Path image) throws IOException {
        byte[] plain = Files.readAllBytes(image);
        byte[] encrypted = NvsEncryption.encrypt(plain, KEYS);
        byte[] decrypted = NvsEncryption.decryptVerified(encrypted, KEYS);
        assertThat(decrypted).isEqualTo(plain);

        String name = image.getFileName().toString().replaceFirst("\\.bin$", ".expected.json");
        String recorded = Files.readString(image.resolveSibling(name), StandardCharsets.UTF_8);
        DeviceView view = NvsReader.boot(decrypted);
        assertThat(view.toJson().strip()).isEqualTo(recorded.strip());
        assertThat(view.repairs()).isEqualTo(NvsReader.boot(plain).repairs());
    }
}
