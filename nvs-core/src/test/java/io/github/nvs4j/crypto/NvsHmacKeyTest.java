package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.testing.TestData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HMAC key files: exactly 32 raw bytes. */
class NvsHmacKeyTest {

    @Test
    void readsTheConformanceHmacKeyFile() {
        Path file = TestData.path("conformance/encrypt_hmac/hmac_key.bin");
        NvsHmacKey key = NvsHmacKey.readFile(file);
        assertThat(key.toFile()).isEqualTo(TestData.bytes("conformance/encrypt_hmac/hmac_key.bin"));
        assertThat(key.toString()).isEqualTo("NvsHmacKey[" + file + ", redacted]");
        NvsKeys derived = key.deriveNvsKeys();
        assertThat(derived.toKeyFile()).isEqualTo(TestData.bytes("conformance/encrypt_hmac/expected-keys.bin"));
        assertThat(derived.source()).isEqualTo("HMAC key " + file);
        assertThat(derived.toString()).doesNotContain("0x");
    }

    @Test
    void refusesOtherSizes(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("hmac.txt");
        Files.writeString(text, "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\n",
                StandardCharsets.US_ASCII);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsHmacKey.readFile(text))
                .withMessageStartingWith(text + ": the HMAC key has 65 bytes; an HMAC key file holds exactly 32")
                .withMessageContaining("hex text");
        Path big = dir.resolve("big.bin");
        Files.write(big, new byte[100_000]);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsHmacKey.readFile(big))
                .withMessageContaining("more than 4096 bytes");
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsHmacKey.of(new byte[31]))
                .withMessageStartingWith("the HMAC key has 31 bytes");
        assertThatExceptionOfType(NvsInputException.class)
                .isThrownBy(() -> NvsHmacKey.readFile(dir.resolve("missing.bin")))
                .withMessageEndingWith("the HMAC key file does not exist");
    }

    @Test
    void generatedKeyWritesAndReadsBack() {
        NvsHmacKey key = NvsHmacKey.generate(new SecureRandom());
        byte[] file = key.toFile();
        assertThat(file).hasSize(32);
        assertThat(NvsHmacKey.readFile(file, "h.bin").deriveNvsKeys().keyBytes())
                .isEqualTo(key.deriveNvsKeys().keyBytes());
        assertThat(key.toString()).isEqualTo("NvsHmacKey[redacted]");
    }

    @Test
    void destroy() {
        NvsHmacKey key = NvsHmacKey.of(new byte[32]);
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatIllegalStateException().isThrownBy(key::deriveNvsKeys);
        assertThatIllegalStateException().isThrownBy(key::toFile);
    }
}
