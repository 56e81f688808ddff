package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.testing.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NvsEncryption#decryptVerified} and {@link NvsEncryption#looksEncrypted} on the recorded images: a wrong key
 * is one clear error; plain images, damaged ones included, are never taken for ciphertext.
 */
class WrongKeyDetectionTest {

    private static final NvsKeys OTHER_KEY = NvsKeys.fromHmacKey(new byte[32]);

    private static NvsKeys inputKey() {
        return NvsKeys.readKeyFile(TestData.path("conformance/encrypt_inputkey/encryption_key.bin"));
    }

    private static List<Path> files(String folder, String glob) {
        try (Stream<Path> dirs = Files.list(TestData.path(folder))) {
            return dirs.flatMap(d -> {
                try (Stream<Path> inner = Files.isDirectory(d) ? Files.list(d) : Stream.of(d)) {
                    return inner.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                            .collect(Collectors.toList()).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every plain image recorded: generator outputs, damaged images of the check cases, device images. */
    static Stream<Path> plainImages() {
        List<Path> generated = files("conformance", "expected.bin").stream()
                .filter(p -> !p.getParent().getFileName().toString().startsWith("encrypt_"))
                .collect(Collectors.toList());
        List<Path> checked = files("conformance", "image.bin").stream()
                .filter(p -> !p.getParent().getFileName().toString().equals("check-encrypted-image"))
                .collect(Collectors.toList());
        List<Path> device = files("device-images", "*.bin");
        assertThat(generated).hasSizeGreaterThan(40);
        assertThat(checked).hasSizeGreaterThan(20);
        assertThat(device).hasSizeGreaterThan(20);
        return Stream.of(generated, checked, device).flatMap(List::stream);
    }

    /** Bitmap pairs {@code 0b10} in pages whose state word is not {@code FF FF FF FF}, counted independently. */
    private static int writtenPairsInInitialisedPages(byte[] image) {
        int count = 0;
        for (int page = 0; page * 4096 + 64 <= image.length; page++) {
            int p = page * 4096;
            if ((image[p] & image[p + 1] & image[p + 2] & image[p + 3]) == (byte) 0xFF) {
                continue;
            }
            for (int entry = 0; entry < 126; entry++) {
                if ((image[p + 32 + entry / 4] >> (2 * (entry % 4)) & 3) == 2) {
                    count++;
                }
            }
        }
        return count;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt_inputkey", "encrypt_hmac", "encrypt_multipage_blob"})
    void wrongKeyIsOneClearError(String caseName) {
        byte[] image = TestData.bytes("conformance/" + caseName + "/expected.bin");
        NvsKeys wrong = caseName.equals("encrypt_hmac") ? inputKey() : OTHER_KEY;
        assertThatExceptionOfType(NvsFormatException.class)
                .isThrownBy(() -> NvsEncryption.decryptVerified(image, wrong))
                .withMessageStartingWith("the key does not decrypt this image: none of its ")
                .withMessageContaining("written entries has a valid CRC after decryption");
    }

    @Test
    void wrongKeyMessageNamesTheKeyFileAndTheCount() {
        byte[] image = TestData.bytes("conformance/encrypt_hmac/expected.bin");
        Path keyFile = TestData.path("conformance/encrypt_inputkey/encryption_key.bin");
        assertThatExceptionOfType(NvsFormatException.class)
                .isThrownBy(() -> NvsEncryption.decryptVerified(image, NvsKeys.readKeyFile(keyFile)))
                .withMessage("the key does not decrypt this image: none of its 34 written entries has a valid CRC"
                        + " after decryption with the key from " + keyFile
                        + " (the wrong key, or an image damaged throughout)");
    }

    @Test
    void plainImageGivenAKeyIsReportedAsNotEncrypted() {
        byte[] plain = TestData.bytes("conformance/encrypt_inputkey/expected-decrypted.bin");
        assertThatExceptionOfType(NvsFormatException.class)
                .isThrownBy(() -> NvsEncryption.decryptVerified(plain, inputKey()))
                // 9 headers: namespace, u8, i32, str, two blobs of one chunk and an index each, u64
                .withMessageStartingWith("the image is not encrypted: 9 of its 9 written entries have valid CRCs")
                .withMessageEndingWith("read it without a key");
    }

    @ParameterizedTest
    @MethodSource("plainImages")
    void plainImagesDoNotLookEncrypted(Path image) {
        assertThat(NvsEncryption.looksEncrypted(read(image))).isFalse();
    }

    /** Damaged entries (check cases, torn device writes) must never be reported as a wrong key. */
    @ParameterizedTest
    @MethodSource("plainImages")
    void encryptedWithTheRightKeyEveryPlainImageDecryptsVerified(Path image) {
        byte[] plain = read(image);
        byte[] encrypted = NvsEncryption.encrypt(plain, inputKey());
        assertThat(NvsEncryption.decryptVerified(encrypted, inputKey())).isEqualTo(plain);
    }

    @ParameterizedTest
    @MethodSource("plainImages")
    void encryptedWithOneKeyAndDecryptedWithAnotherEveryImageWithEntriesIsRefused(Path image) {
        byte[] plain = read(image);
        byte[] encrypted = NvsEncryption.encrypt(plain, inputKey());
        boolean hasEntries = NvsEncryption.looksEncrypted(encrypted);
        if (hasEntries) {
            assertThatExceptionOfType(NvsFormatException.class)
                    .isThrownBy(() -> NvsEncryption.decryptVerified(encrypted, OTHER_KEY));
        } else {
            // nothing written that a CRC could check: only images without any written entry
            assertThat(writtenPairsInInitialisedPages(plain)).isZero();
            assertThat(NvsEncryption.decryptVerified(encrypted, OTHER_KEY)).hasSize(plain.length);
        }
    }

    @Test
    void aSingleWrittenEntryWithADamagedCrcIsNotAWrongKey() {
        byte[] plain = TestData.bytes("conformance/encrypt_inputkey/expected-decrypted.bin");
        // keep only the namespace entry (entry 0 of page 0): clear the other bitmap pairs and blank their slots
        byte[] one = plain.clone();
        Arrays.fill(one, 32, 64, (byte) 0xFF);
        one[32] = (byte) 0xFE; // entry 0 WRITTEN
        Arrays.fill(one, 96, 4096, (byte) 0xFF);
        one[64 + 4] ^= 0x01; // damage its CRC
        byte[] encrypted = NvsEncryption.encrypt(one, inputKey());
        assertThat(NvsEncryption.decryptVerified(encrypted, inputKey())).isEqualTo(one);
        assertThatExceptionOfType(NvsFormatException.class)
                .isThrownBy(() -> NvsEncryption.decryptVerified(encrypted, OTHER_KEY));
    }

    @Test
    void imageWithoutWrittenEntriesCannotBeCheckedAndIsAccepted() {
        byte[] blank = new byte[3 * 4096];
        Arrays.fill(blank, (byte) 0xFF);
        assertThat(NvsEncryption.decryptVerified(blank, OTHER_KEY)).isEqualTo(blank);
        assertThat(NvsEncryption.looksEncrypted(blank)).isFalse();
    }
}
