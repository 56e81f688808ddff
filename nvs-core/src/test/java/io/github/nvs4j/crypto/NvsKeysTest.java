package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.nvs4j.NvsInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key bytes, key files and the HMAC derivation, against the spec's worked examples (§9.2, §9.3). */
class NvsKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] counting(int from, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    /** Spec §9.3, ESP-IDF testdata/sample_hmac_key.bin (01..20) and sample_encryption_keys_hmac.bin. */
    @Test
    void hmacDerivationSpecVector1() {
        byte[] file = NvsKeys.fromHmacKey(counting(1, 32)).toKeyFile();
        assertThat(HEX.formatHex(file, 0, 32))
                .isEqualTo("ff6989e4fafd2d8cb313aa5743f0173f9b8a2c8587872832134682e0e0538dbd");
        assertThat(HEX.formatHex(file, 32, 64))
                .isEqualTo("9c8e2ba7513701768c3c22db4b0fe056daf8abfc9acff43a6f931d8373ac1f93");
        assertThat(HEX.formatHex(file, 64, 68)).isEqualTo("da57a02f");
    }

    /** Spec §9.3, hmac key 00..1F: CRC 0xDB3551DF, stored little-endian. */
    @Test
    void hmacDerivationSpecVector2() {
        byte[] file = NvsKeys.fromHmacKey(counting(0, 32)).toKeyFile();
        assertThat(HEX.formatHex(file, 0, 32))
                .isEqualTo("813a141220ddb819f4d73d59fa3032ab9f592cc26a18cf1fde692f712b6a025c");
        assertThat(HEX.formatHex(file, 32, 64))
                .isEqualTo("b20ad6b6ddd1658a6e14d1b5b726e42356adf4ff2f68fcd8826ac2908408addf");
        assertThat(HEX.formatHex(file, 64, 68)).isEqualTo("df5135db");
    }

    @Test
    void keyFileLayoutIsKeyCrcAndFfPadding() {
        byte[] key = counting(0, 64);
        byte[] file = NvsKeys.of(key).toKeyFile();
        assertThat(file).hasSize(4096);
        assertThat(Arrays.copyOf(file, 64)).isEqualTo(key);
        byte[] padding = new byte[4096 - 68];
        Arrays.fill(padding, (byte) 0xFF);
        assertThat(Arrays.copyOfRange(file, 68, 4096)).isEqualTo(padding);
        // CRC word: NVS CRC (zlib.crc32(key, 0xFFFFFFFF)) of the 64 bytes, computed independently here with the
        // identity of spec §2.3: nvs_crc(x) = CRC32(FF FF FF FF ‖ x)
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(new byte[] {-1, -1, -1, -1});
        crc.update(key);
        long stored = (file[64] & 0xFFL) | (file[65] & 0xFFL) << 8 | (file[66] & 0xFFL) << 16 | (file[67] & 0xFFL) << 24;
        assertThat(stored).isEqualTo(crc.getValue());
    }

    @Test
    void keyFileOf64BytesWithoutCrcIsAccepted() {
        byte[] key = counting(7, 64);
        assertThat(NvsKeys.readKeyFile(key, "k.bin").keyBytes()).isEqualTo(key);
        assertThat(NvsKeys.readKeyFile(Arrays.copyOf(key, 67), "k.bin").keyBytes()).isEqualTo(key);
    }

    @Test
    void bytesAfterTheCrcAreNotLookedAt() {
        byte[] file = NvsKeys.of(counting(3, 64)).toKeyFile();
        file[100] = 0x12;
        byte[] longer = Arrays.copyOf(file, 8192);
        assertThat(NvsKeys.readKeyFile(file, "k.bin").keyBytes()).isEqualTo(counting(3, 64));
        assertThat(NvsKeys.readKeyFile(longer, "k.bin").keyBytes()).isEqualTo(counting(3, 64));
        assertThat(NvsKeys.readKeyFile(Arrays.copyOf(file, 68), "k.bin").keyBytes()).isEqualTo(counting(3, 64));
    }

    @Test
    void shortFileIsRefused() {
        assertThatExceptionOfType(NvsInputException.class)
                .isThrownBy(() -> NvsKeys.readKeyFile(new byte[63], "keys.bin"))
                .withMessageStartingWith("keys.bin: the key file has 63 bytes; an NVS key file has at least 64");
        assertThatExceptionOfType(NvsInputException.class)
                .isThrownBy(() -> NvsKeys.readKeyFile(new byte[0], "keys.bin"))
                .withMessageContaining("has 0 bytes");
    }

    @Test
    void shortHexTextFileGetsAHint() {
        byte[] text = "00112233445566778899aabbccddeeff\n".getBytes(StandardCharsets.US_ASCII);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(text, "keys.txt"))
                .withMessageContaining("looks like hex text");
    }

    @Test
    void wrongCrcIsRefused() {
        byte[] file = NvsKeys.of(counting(0, 64)).toKeyFile();
        file[10] ^= 1;
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(file, "keys.bin"))
                .satisfies(e -> assertThat(e.source()).isEqualTo("keys.bin"))
                .withMessageStartingWith("keys.bin: the key file's CRC word (bytes 64-67: 0x")
                .withMessageContaining("does not match");
        byte[] crcDamaged = NvsKeys.of(counting(0, 64)).toKeyFile();
        crcDamaged[66] ^= 0x40;
        assertThatExceptionOfType(NvsInputException.class)
                .isThrownBy(() -> NvsKeys.readKeyFile(crcDamaged, "keys.bin"))
                .withMessageContaining("does not match");
    }

    @Test
    void hexTextOfAKeyIsRefusedByItsCrcWithAHint() {
        byte[] text = (HEX.formatHex(counting(0, 64)) + "\n").getBytes(StandardCharsets.US_ASCII);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(text, "keys.bin"))
                .withMessageContaining("does not match").withMessageContaining("looks like hex text");
    }

    @Test
    void blankKeyPartitionIsNotInitialised() {
        byte[] blank = new byte[4096];
        Arrays.fill(blank, (byte) 0xFF);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(blank, "nvs_keys.bin"))
                .withMessage("nvs_keys.bin: the key file is blank (all 0xFF): the nvs_keys partition has not been"
                        + " initialised with keys");
        assertThatExceptionOfType(NvsInputException.class)
                .isThrownBy(() -> NvsKeys.readKeyFile(Arrays.copyOf(blank, 64), "nvs_keys.bin"))
                .withMessageContaining("blank");
    }

    @Test
    void equalHalvesAreRefused() {
        byte[] key = new byte[64];
        Arrays.fill(key, (byte) 0x5A);
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.of(key))
                .withMessageContaining("are equal");
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(key, "same.bin"))
                .withMessageStartingWith("same.bin: ");
    }

    @Test
    void keyBytesMustBe64() {
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.of(new byte[32]))
                .withMessageContaining("64 bytes").withMessageContaining("not 32");
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.fromHmacKey(new byte[33]))
                .withMessageContaining("32 bytes, not 33");
    }

    @Test
    void readsKeyFilesFromDisk(@TempDir Path dir) throws IOException {
        NvsKeys keys = NvsKeys.of(counting(9, 64));
        Path file = dir.resolve("keys.bin");
        Files.write(file, keys.toKeyFile());
        NvsKeys read = NvsKeys.readKeyFile(file);
        assertThat(read.keyBytes()).isEqualTo(keys.keyBytes());
        assertThat(read.source()).isEqualTo(file.toString());
        assertThat(read.toString()).isEqualTo("NvsKeys[" + file + ", redacted]");
    }

    @Test
    void missingFileOrDirectoryIsAnInputError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.bin");
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(missing))
                .withMessage(missing + ": the key file does not exist");
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(dir))
                .withMessage(dir + ": the key file is a directory, not a file");
    }

    @Test
    void generatedKeysAreRandomAndRoundTripThroughTheirFile() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(1);
        NvsKeys a = NvsKeys.generate(random);
        NvsKeys b = NvsKeys.generate(random);
        assertThat(a.keyBytes()).hasSize(64).isNotEqualTo(b.keyBytes());
        assertThat(NvsKeys.readKeyFile(a.toKeyFile(), "a.bin").keyBytes()).isEqualTo(a.keyBytes());
        assertThat(a.source()).isEmpty();
    }

    @Test
    void toStringAndMessagesNeverShowKeyBytes() {
        byte[] key = counting(0x40, 64);
        NvsKeys keys = NvsKeys.of(key);
        assertThat(keys.toString()).isEqualTo("NvsKeys[redacted]");
        String hex = HEX.formatHex(key, 0, 8);
        byte[] file = keys.toKeyFile();
        file[64] ^= 1;
        assertThatExceptionOfType(NvsInputException.class).isThrownBy(() -> NvsKeys.readKeyFile(file, "k.bin"))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).doesNotContain(hex)
                        .doesNotContain(new String(key, 0, 8, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void destroyZeroesAndDisablesTheKeys() {
        NvsKeys keys = NvsKeys.of(counting(1, 64));
        assertThat(keys.isDestroyed()).isFalse();
        keys.destroy();
        assertThat(keys.isDestroyed()).isTrue();
        assertThat(keys.toString()).isEqualTo("NvsKeys[destroyed]");
        assertThatIllegalStateException().isThrownBy(keys::toKeyFile);
        assertThatIllegalStateException().isThrownBy(keys::keyBytes);
        assertThatIllegalStateException().isThrownBy(() -> NvsEncryption.encrypt(new byte[4096], keys));
    }

    @Test
    void ofCopiesItsArgumentAndKeyBytesReturnsCopies() {
        byte[] key = counting(1, 64);
        NvsKeys keys = NvsKeys.of(key);
        key[0] = 99;
        byte[] copy = keys.keyBytes();
        copy[1] = 99;
        assertThat(keys.keyBytes()).isEqualTo(counting(1, 64));
    }
}
