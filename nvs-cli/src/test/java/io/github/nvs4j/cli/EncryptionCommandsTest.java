package io.github.nvs4j.cli;

import io.github.nvs4j.testing.ConformanceCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nvs encrypt}, {@code decrypt} and {@code generate-key} against the recorded encryption cases. */
class EncryptionCommandsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_multipage_blob", "encrypt_hmac"})
    void encryptCaseThroughTheCommandLine(String name) throws IOException {
        ConformanceCase c = ConformanceCase.named(name);
        Path work = c.copyTo(tmp.resolve(name));
        CliRun run = CliRun.in(work, c.commandLine("out.bin"));
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(work.resolve("out.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
        assertThat(run.out()).startsWith("\nCreating NVS binary with version: V2 - Multipage Blob Support Enabled\n")
                .endsWith("\nCreated NVS binary: ===> " + work.toAbsolutePath() + "/out.bin\n");
        if (Files.exists(c.file("expected-keys.bin"))) {
            assertThat(work.resolve("keys/nvs_keys.bin")).hasBinaryContent(Files.readAllBytes(
                    c.file("expected-keys.bin")));
            assertThat(run.out()).contains("\nCreated encryption keys: ===>  " + work.toAbsolutePath()
                    + "/keys/nvs_keys.bin\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_multipage_blob"})
    void decryptGivesTheRecordedPlainImage(String name) throws IOException {
        ConformanceCase c = ConformanceCase.named(name);
        Path work = c.copyTo(tmp.resolve(name));
        CliRun run = CliRun.in(work, "decrypt", "expected.bin", "encryption_key.bin", "plain.bin", "--outdir", "o");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(work.resolve("o/plain.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected-decrypted.bin")));
        assertThat(run.out()).isEqualTo("\nCreated NVS decrypted binary: ===> o/plain.bin\n");
    }

    @Test
    void encryptWithoutKeyOptionIsRefused() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_encrypt_no_key");
        Path work = c.copyTo(tmp.resolve("nokey"));
        String line = failedWithOneLine(CliRun.in(work, c.commandLine("expected.bin")), 1);
        assertThat(line).contains("--keygen or --inputkey argument needed");
        assertThat(work.resolve("expected.bin")).doesNotExist();
        String both = failedWithOneLine(CliRun.in(work, "encrypt", "input.csv", "x.bin", "0x3000", "--keygen",
                "--inputkey", "k.bin"), 1);
        assertThat(both).contains("--keygen and --inputkey both are not allowed");
        assertThat(work.resolve("keys")).doesNotExist();
    }

    @Test
    void shortKeyFileIsRefusedNamingIt() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_encrypt_key_short");
        Path work = c.copyTo(tmp.resolve("short"));
        String line = failedWithOneLine(CliRun.in(work, c.commandLine("expected.bin")), 1);
        assertThat(line).contains("encryption_key.bin").contains("64");
        assertThat(work.resolve("expected.bin")).doesNotExist();
    }

    @Test
    void keygenWritesKeyAndImageThatDecryptTogether() throws IOException {
        ConformanceCase c = ConformanceCase.named("encrypt_inputkey");
        Path work = c.copyTo(tmp.resolve("keygen"));
        CliRun run = CliRun.in(work, "encrypt", "input.csv", "enc.bin", "0x3000", "--keygen", "--keyfile", "mine",
                "--outdir", "out");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Created encryption keys: ===>  out/keys/mine.bin\n");
        assertThat(work.resolve("out/keys/mine.bin")).isRegularFile();
        assertThat(Files.size(work.resolve("out/keys/mine.bin"))).isEqualTo(4096);
        CliRun dec = CliRun.in(work, "decrypt", "out/enc.bin", "out/keys/mine.bin", "plain.bin");
        assertThat(dec.status()).as(dec.toString()).isZero();
        assertThat(work.resolve("plain.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected-decrypted.bin")));
    }

    @Test
    void failedEncryptLeavesNeitherImageNorKey() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_overflow_primitives");
        Path work = c.copyTo(tmp.resolve("fail"));
        failedWithOneLine(CliRun.in(work, "encrypt", "input.csv", "enc.bin", "0x3000", "--keygen", "--keyfile",
                "k.bin"), 1);
        assertThat(work.resolve("enc.bin")).doesNotExist();
        assertThat(work.resolve("keys/k.bin")).doesNotExist();
    }

    @Test
    void wrongKeyIsRefusedAndNothingWritten() throws IOException {
        ConformanceCase c = ConformanceCase.named("encrypt_hmac");
        Path work = c.copyTo(tmp.resolve("wrong"));
        Files.copy(ConformanceCase.named("encrypt_inputkey").file("encryption_key.bin"), work.resolve("other.bin"));
        String line = failedWithOneLine(CliRun.in(work, "decrypt", "expected.bin", "other.bin", "plain.bin"), 1);
        assertThat(line).contains("key");
        assertThat(work.resolve("plain.bin")).doesNotExist();
    }

    /** Spec §9.3 test vector: HMAC key 01 02 … 20. */
    @Test
    void hmacInputKeyGivesTheSpecKeys() throws IOException {
        byte[] hmac = new byte[32];
        for (int i = 0; i < 32; i++) {
            hmac[i] = (byte) (i + 1);
        }
        Files.write(tmp.resolve("hmac.bin"), hmac);
        CliRun run = CliRun.in(tmp, "generate-key", "--key_protect_hmac", "--kp_hmac_inputkey", "hmac.bin",
                "--keyfile", "derived");
        assertThat(run.status()).as(run.toString()).isZero();
        byte[] file = Files.readAllBytes(tmp.resolve("keys/derived.bin"));
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(file, 0, 32))
                .isEqualTo("ff6989e4fafd2d8cb313aa5743f0173f9b8a2c8587872832134682e0e0538dbd");
        assertThat(hex.formatHex(file, 32, 64))
                .isEqualTo("9c8e2ba7513701768c3c22db4b0fe056daf8abfc9acff43a6f931d8373ac1f93");
        assertThat(hex.formatHex(file, 64, 68)).isEqualTo("da57a02f");
        byte[] padding = Arrays.copyOfRange(file, 68, 4096);
        byte[] ff = new byte[padding.length];
        Arrays.fill(ff, (byte) 0xFF);
        assertThat(padding).isEqualTo(ff);
    }

    @Test
    void hmacKeygenSavesBothKeys() throws IOException {
        CliRun run = CliRun.in(tmp, "generate-key", "--key_protect_hmac", "--kp_hmac_keygen", "--keyfile",
                "k.bin");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(Files.size(tmp.resolve("keys/hmac-k.bin"))).isEqualTo(32);
        assertThat(Files.size(tmp.resolve("keys/k.bin"))).isEqualTo(4096);
        CliRun named = CliRun.in(tmp, "generate-key", "--key_protect_hmac", "--kp_hmac_keygen", "--keyfile",
                "k2.bin", "--kp_hmac_keyfile", "h");
        assertThat(named.status()).isZero();
        assertThat(tmp.resolve("keys/h.bin")).isRegularFile();
        String line = failedWithOneLine(CliRun.in(tmp, "generate-key", "--key_protect_hmac", "--keyfile", "k3"), 1);
        assertThat(line).contains("--kp_hmac_keygen").contains("--kp_hmac_inputkey");
        assertThat(tmp.resolve("keys/k3.bin")).doesNotExist();
    }

    @Test
    void defaultKeyFileNameHasTheTimestamp() throws IOException {
        CliRun run = CliRun.in(tmp, "generate-key");
        assertThat(run.status()).as(run.toString()).isZero();
        try (Stream<Path> keys = Files.list(tmp.resolve("keys"))) {
            List<String> names = keys.map(p -> p.getFileName().toString()).toList();
            assertThat(names).singleElement().asString().matches("keys-\\d\\d-\\d\\d_\\d\\d-\\d\\d\\.bin");
        }
        assertThat(run.out()).matches("\nCreated encryption keys: ===>  " + tmp.toAbsolutePath()
                + "/keys/keys-\\d\\d-\\d\\d_\\d\\d-\\d\\d\\.bin\n");
        CliRun mfg = CliRun.in(tmp, "mfg", "generate-key", "--keyfile", "m.bin");
        assertThat(mfg.status()).isZero();
        assertThat(tmp.resolve("keys/m.bin")).isRegularFile();
    }

    @Test
    void keyFileExtensionRule() {
        assertThat(KeyGeneration.hasExtension("k")).isFalse();
        assertThat(KeyGeneration.hasExtension(".hidden")).isFalse();
        assertThat(KeyGeneration.hasExtension("a/b.c/k")).isFalse();
        assertThat(KeyGeneration.hasExtension("k.bin")).isTrue();
        assertThat(KeyGeneration.hasExtension("k.key")).isTrue();
    }
}
