package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.testing.TestData;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every encryption case of the conformance corpus, byte for byte: images written and decrypted by
 * {@code nvs_partition_gen.py} 0.2.0, key files it wrote or derived.
 */
class EncryptionConformanceTest {

    private static byte[] bytes(String caseName, String file) {
        return TestData.bytes("conformance/" + caseName + "/" + file);
    }

    /** The key each encryption case was made with: the --inputkey file, or the HMAC-derived key file kept. */
    private static NvsKeys keysOf(String caseName) {
        Path dir = TestData.path("conformance/" + caseName);
        if (Files.exists(dir.resolve("encryption_key.bin"))) {
            return NvsKeys.readKeyFile(dir.resolve("encryption_key.bin"));
        }
        return NvsHmacKey.readFile(dir.resolve("hmac_key.bin")).deriveNvsKeys();
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_hmac", "encrypt_multipage_blob"})
    void encryptingTheDecryptedImageGivesTheGeneratorsImage(String caseName) {
        byte[] plain = bytes(caseName, "expected-decrypted.bin");
        byte[] before = plain.clone();
        assertThat(NvsEncryption.encrypt(plain, keysOf(caseName))).isEqualTo(bytes(caseName, "expected.bin"));
        assertThat(plain).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_hmac", "encrypt_multipage_blob"})
    void decryptingTheGeneratorsImageGivesItsDecryptOutput(String caseName) {
        byte[] encrypted = bytes(caseName, "expected.bin");
        byte[] before = encrypted.clone();
        NvsKeys keys = keysOf(caseName);
        byte[] expected = bytes(caseName, "expected-decrypted.bin");
        assertThat(NvsEncryption.decrypt(encrypted, keys)).isEqualTo(expected);
        assertThat(NvsEncryption.decryptVerified(encrypted, keys)).isEqualTo(expected);
        assertThat(encrypted).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_hmac", "encrypt_multipage_blob"})
    void encryptedImagesLookEncryptedAndTheirDecryptionDoesNot(String caseName) {
        assertThat(NvsEncryption.looksEncrypted(bytes(caseName, "expected.bin"))).isTrue();
        assertThat(NvsEncryption.looksEncrypted(bytes(caseName, "expected-decrypted.bin"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_multipage_blob"})
    void inputKeyFileRoundTripsByteForByte(String caseName) {
        byte[] file = bytes(caseName, "encryption_key.bin");
        assertThat(file).hasSize(4096);
        assertThat(NvsKeys.readKeyFile(file, "encryption_key.bin").toKeyFile()).isEqualTo(file);
    }

    @Test
    void hmacDerivedKeyFileEqualsTheGeneratorsKeyFile() {
        byte[] hmacKey = bytes("encrypt_hmac", "hmac_key.bin");
        byte[] expected = bytes("encrypt_hmac", "expected-keys.bin");
        assertThat(NvsKeys.fromHmacKey(hmacKey).toKeyFile()).isEqualTo(expected);
        assertThat(NvsHmacKey.of(hmacKey).deriveNvsKeys().toKeyFile()).isEqualTo(expected);
        // and the derived key file, read back, is the key the image was encrypted with
        NvsKeys fromFile = NvsKeys.readKeyFile(expected, "expected-keys.bin");
        assertThat(NvsEncryption.encrypt(bytes("encrypt_hmac", "expected-decrypted.bin"), fromFile))
                .isEqualTo(bytes("encrypt_hmac", "expected.bin"));
    }

    /** check-encrypted-image: encrypt_inputkey's image read without a key, where nvs_tool finds every CRC wrong. */
    @Test
    void checkEncryptedImageLooksEncryptedAndDecryptsWithItsKey() {
        byte[] image = bytes("check-encrypted-image", "image.bin");
        assertThat(NvsEncryption.looksEncrypted(image)).isTrue();
        assertThat(NvsEncryption.decryptVerified(image, keysOf("encrypt_inputkey")))
                .isEqualTo(bytes("encrypt_inputkey", "expected-decrypted.bin"));
    }

    /** err_encrypt_key_short: the generator decodes a 32-byte key file as hex text and crashes; we refuse it. */
    @Test
    void shortKeyFileIsRefusedWithAMessageNamingTheFile() {
        Path file = TestData.path("conformance/err_encrypt_key_short/encryption_key.bin");
        assertThat(file).hasSize(32);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(file))
                .satisfies(e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.getMessage()).startsWith(file + ": the key file has 32 bytes;")
                            .contains("at least 64");
                });
    }

    /** err_encrypt_no_key: the generator's CLI refuses to encrypt without a key; the API cannot be called without. */
    @Test
    void encryptionNeedsKeys() {
        byte[] plain = bytes("encrypt_inputkey", "expected-decrypted.bin");
        assertThatNullPointerException().isThrownBy(() -> NvsEncryption.encrypt(plain, null));
        assertThatNullPointerException().isThrownBy(() -> NvsEncryption.decrypt(plain, null));
    }
}
