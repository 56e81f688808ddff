package io.github.nvs4j.examples;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.check.CheckReport;
import io.github.nvs4j.check.IntegrityChecker;
import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsKeys;
import io.github.nvs4j.csv.CsvInput;
import io.github.nvs4j.csv.CsvOptions;
import io.github.nvs4j.csv.NvsCsvReader;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.partition.NvsLocation;
import io.github.nvs4j.partition.NvsSelection;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.InitResult;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.testing.TestData;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library examples of README.md, compiled and run, so that the README cannot drift from the API. */
class ReadmeExamplesTest {

    private static final Path EXAMPLES = TestData.root().resolve("../examples").normalize();

    @Test
    void modelWriteReadCheck() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        byte[] bytes = {1, 2, 3};
        NvsData data = NvsData.builder()
                .namespace("certs")
                .put("cert", NvsValue.Str.of(pem))
                .put("serial", new NvsValue.U32(123456))
                .namespace("config")
                .put("calibration", NvsValue.Blob.of(bytes))
                .build();
        byte[] image = NvsWriter.write(data, 0x4000, FormatVersion.V2);

        DeviceView view = NvsReader.boot(image);
        assertThat(view.init()).isEqualTo(InitResult.ESP_OK);
        assertThat(view.entries()).hasSize(3);
        assertThat(view.toModel()).isEqualTo(data);
        assertThat(NvsReader.readModel(image)).isEqualTo(data);

        CheckReport report = IntegrityChecker.check(image);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void exampleCsvOfTheRepository() {
        CsvInput input = NvsCsvReader.read(EXAMPLES.resolve("nvs.csv"),
                new CsvOptions(EXAMPLES, FormatVersion.V2));
        byte[] image = NvsWriter.write(input.data(), 0x4000, FormatVersion.V2);
        DeviceView view = NvsReader.boot(image);
        assertThat(view.entries()).extracting(e -> e.namespace() + "/" + e.key())
                .contains("certs/cert", "certs/priv_key", "config/serial");
    }

    @Test
    void encryptionAndWrongKey() {
        byte[] image = TestData.bytes("conformance/encrypt_inputkey/expected-decrypted.bin");
        NvsKeys keys = NvsKeys.readKeyFile(TestData.path("conformance/encrypt_inputkey/encryption_key.bin"));
        byte[] encrypted = NvsEncryption.encrypt(image, keys);
        assertThat(encrypted).isEqualTo(TestData.bytes("conformance/encrypt_inputkey/expected.bin"));
        assertThat(NvsEncryption.decryptVerified(encrypted, keys)).isEqualTo(image);
        assertThat(keys.toString()).doesNotContain("00").contains("redacted");
        keys.destroy();

        NvsKeys other = NvsKeys.generate(new SecureRandom());
        assertThatThrownBy(() -> NvsEncryption.decryptVerified(encrypted, other))
                .isInstanceOf(NvsFormatException.class);
    }

    @Test
    void wholeFlashDump() throws Exception {
        byte[] flash = Files.readAllBytes(TestData.path("flash-dumps/default-singleapp-4mb.bin"));
        NvsSelection nvs = NvsLocation.byLabel("nvs").select(flash);
        DeviceView device = NvsReader.boot(nvs.image(), nvs.mode());
        assertThat(device.toJson()).isEqualTo(
                Files.readString(TestData.path("device-images/wl-mixed-6000-1000.expected.json")));
    }
}
