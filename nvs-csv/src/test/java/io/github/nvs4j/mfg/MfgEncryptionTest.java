package io.github.nvs4j.mfg;

import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsHmacKey;
import io.github.nvs4j.crypto.NvsKeys;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encrypted runs: every device's image, decrypted with the key the run says belongs to it, equals the plain image
 * of the same device from the recorded case {@code mfg_5_devices} (recorded by {@code mfg_gen.py} without
 * encryption).
 */
class MfgEncryptionTest {

    private static final Path CASE = TestData.path("conformance/mfg_5_devices");
    private static final int DEVICES = 5;

    @TempDir
    Path out;

    private MfgOptions.Builder options;

    @BeforeEach
    void options() throws IOException {
        options = MfgConformanceTest.optionsFor(CASE).outdir(out).threads(2);
    }

    @Test
    void keygenWritesOneKeyFilePerDeviceThatDecryptsThatDevice() throws IOException {
        run(options.keygen(true));
        assertThat(names("keys")).hasSize(DEVICES);
        Set<String> distinctKeys = new HashSet<>();
        for (int n = 1; n <= DEVICES; n++) {
            byte[] keyFile = Files.readAllBytes(out.resolve("keys/keys-dev-" + n + ".bin"));
            assertThat(keyFile).hasSize(NvsKeys.KEY_FILE_SIZE);
            distinctKeys.add(java.util.HexFormat.of().formatHex(keyFile, 0, 64));
            NvsKeys keys = NvsKeys.readKeyFile(out.resolve("keys/keys-dev-" + n + ".bin"));
            assertThat(NvsEncryption.decryptVerified(bin(n), keys)).as("device " + n).isEqualTo(expectedPlain(n));
            assertThat(bin(n)).isNotEqualTo(expectedPlain(n));
        }
        assertThat(distinctKeys).as("a new key per device").hasSize(DEVICES);
        assertCsvsAsRecorded();
    }

    @Test
    void inputkeyEncryptsEveryDeviceWithTheOneKey() throws IOException {
        Path keyFile = TestData.path("conformance/encrypt_inputkey/encryption_key.bin");
        run(options.inputkey(keyFile));
        assertThat(out.resolve("keys")).doesNotExist();
        NvsKeys keys = NvsKeys.readKeyFile(keyFile);
        for (int n = 1; n <= DEVICES; n++) {
            assertThat(bin(n)).isEqualTo(NvsEncryption.encrypt(expectedPlain(n), keys));
            assertThat(NvsEncryption.decryptVerified(bin(n), keys)).isEqualTo(expectedPlain(n));
        }
        assertCsvsAsRecorded();
    }

    @Test
    void hmacKeygenWritesTheHmacKeyAndTheKeysDerivedFromIt() throws IOException {
        run(options.keygen(true).keyProtectHmac(true).kpHmacKeygen(true));
        assertThat(names("keys")).hasSize(2 * DEVICES);
        for (int n = 1; n <= DEVICES; n++) {
            NvsHmacKey hmac = NvsHmacKey.readFile(out.resolve("keys/hmac-keys-dev-" + n + ".bin"));
            NvsKeys derived = hmac.deriveNvsKeys();
            assertThat(Files.readAllBytes(out.resolve("keys/keys-dev-" + n + ".bin"))).isEqualTo(derived.toKeyFile());
            assertThat(NvsEncryption.decryptVerified(bin(n), derived)).isEqualTo(expectedPlain(n));
        }
    }

    /** The key file derived from the case's HMAC key is the one the generator wrote for it ({@code encrypt_hmac}). */
    @Test
    void hmacInputkeyDerivesTheRecordedKeysForEveryDevice() throws IOException {
        Path hmacCase = TestData.path("conformance/encrypt_hmac");
        run(options.keygen(true).keyProtectHmac(true).kpHmacInputkey(hmacCase.resolve("hmac_key.bin")));
        byte[] recordedKeys = Files.readAllBytes(hmacCase.resolve("expected-keys.bin"));
        NvsKeys keys = NvsKeys.readKeyFile(recordedKeys, "expected-keys.bin");
        assertThat(names("keys")).hasSize(DEVICES);
        for (int n = 1; n <= DEVICES; n++) {
            assertThat(Files.readAllBytes(out.resolve("keys/keys-dev-" + n + ".bin"))).isEqualTo(recordedKeys);
            assertThat(NvsEncryption.decryptVerified(bin(n), keys)).isEqualTo(expectedPlain(n));
        }
    }

    @Test
    void inMemoryImagesCarryTheirKeyFiles() throws IOException {
        MfgJob job = MfgJob.open(CASE.resolve("config.csv"), CASE.resolve("values.csv"),
                options.keygen(true).build());
        try (Stream<DeviceImage> images = job.images()) {
            for (DeviceImage image : (Iterable<DeviceImage>) images::iterator) {
                NvsKeys keys = NvsKeys.readKeyFile(image.keyFile().orElseThrow(), image.name());
                assertThat(NvsEncryption.decrypt(image.image(), keys)).isEqualTo(expectedPlain(image.row().number()));
                assertThat(image.hmacKeyFile()).isEmpty();
            }
        }
    }

    private void run(MfgOptions.Builder builder) {
        MfgResult result = MfgRunner.run(CASE.resolve("config.csv"), CASE.resolve("values.csv"), builder.build(),
                MfgProgress.NONE);
        assertThat(result.devices()).isEqualTo(DEVICES);
    }

    private byte[] bin(int n) throws IOException {
        return Files.readAllBytes(out.resolve("bin/dev-" + n + ".bin"));
    }

    private static byte[] expectedPlain(int n) {
        try {
            return Files.readAllBytes(CASE.resolve("expected/bin/dev-" + n + ".bin"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertCsvsAsRecorded() throws IOException {
        for (int n = 1; n <= DEVICES; n++) {
            assertThat(Files.readAllBytes(out.resolve("csv/dev-" + n + ".csv")))
                    .isEqualTo(Files.readAllBytes(CASE.resolve("expected/csv/dev-" + n + ".csv")));
        }
    }

    private List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
