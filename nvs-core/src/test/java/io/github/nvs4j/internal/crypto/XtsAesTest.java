package io.github.nvs4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The XTS engine against IEEE 1619-2007 Annex B and against the spec's NVS test vector (§9.1). */
class XtsAesTest {

    private static final HexFormat HEX = HexFormat.of();

    /** One line of {@code ieee1619-xts-aes.txt}. */
    record Vector(String name, byte[] key, long unitNumber, byte[] plaintext, byte[] ciphertext) {
        @Override
        public String toString() {
            return "IEEE 1619 vector " + name + " (" + plaintext.length + "-byte unit, XTS-AES-" + key.length * 4 + ")";
        }
    }

    static List<Vector> ieee1619() {
        byte[] pattern = new byte[512];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) i;
        }
        try (InputStream in = XtsAesTest.class.getResourceAsStream("ieee1619-xts-aes.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                String[] f = l.split("\\|");
                byte[] pt = f[4].equals("PATTERN512") ? pattern.clone() : HEX.parseHex(f[4]);
                return new Vector(f[0], HEX.parseHex(f[1] + f[2]), Long.parseLong(f[3], 16), pt, HEX.parseHex(f[5]));
            }).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void vectorFileHoldsTheFiveXtsAes256VectorsOf512ByteUnits() {
        assertThat(ieee1619()).filteredOn(v -> v.key().length == 64)
                .extracting(Vector::name).containsExactly("10", "11", "12", "13", "14");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ieee1619")
    void encryptsIeeeVector(Vector v) {
        byte[] buf = v.plaintext().clone();
        new XtsAes(v.key(), true).process(buf, new int[] {0}, 1, buf.length, v.unitNumber());
        assertThat(HEX.formatHex(buf)).isEqualTo(HEX.formatHex(v.ciphertext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ieee1619")
    void decryptsIeeeVector(Vector v) {
        byte[] buf = v.ciphertext().clone();
        new XtsAes(v.key(), false).process(buf, new int[] {0}, 1, buf.length, v.unitNumber());
        assertThat(HEX.formatHex(buf)).isEqualTo(HEX.formatHex(v.plaintext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ieee1619")
    void tweakIsOffsetPlusBias(Vector v) {
        // the same vector placed at offset 1000 of a larger buffer, with the bias chosen to give the same tweak
        byte[] buf = new byte[1000 + v.plaintext().length + 7];
        System.arraycopy(v.plaintext(), 0, buf, 1000, v.plaintext().length);
        new XtsAes(v.key(), true).process(buf, new int[] {1000}, 1, v.plaintext().length, v.unitNumber() - 1000);
        byte[] unit = java.util.Arrays.copyOfRange(buf, 1000, 1000 + v.plaintext().length);
        assertThat(unit).isEqualTo(v.ciphertext());
        assertThat(buf).startsWith(new byte[1000]);
    }

    /** Spec §9.1: key 00..3F, the namespace entry of the worked example at partition offset 0x40. */
    @Test
    void nvsSpecVector() {
        byte[] key = new byte[64];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        byte[] image = new byte[0x60];
        byte[] plain = HEX.parseHex("000101ff09a9500773746f7261676500000000000000000001ffffffffffffff");
        System.arraycopy(plain, 0, image, 0x40, 32);

        new XtsAes(key, true).process(image, new int[] {0x40}, 1, 32, 0);
        assertThat(HEX.formatHex(image, 0x40, 0x60))
                .isEqualTo("16f4a33e96c7b9e432ad9d478a048b1352f886eabd5d12a2f4f453aa926c86e4");

        new XtsAes(key, false).process(image, new int[] {0x40}, 1, 32, 0);
        assertThat(HEX.formatHex(image, 0x40, 0x60)).isEqualTo(HEX.formatHex(plain));
    }

    /** Batching (one ECB call per up to 4096 bytes) must not change the result: compare with one unit per call. */
    @Test
    void manyUnitsInOneCallEqualOneUnitPerCall() {
        Random random = new Random(42);
        byte[] key = new byte[64];
        random.nextBytes(key);
        byte[] data = new byte[300 * 32 + 64];
        random.nextBytes(data);
        int[] offsets = new int[300];
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = 64 + 32 * ((k * 7) % 300); // every unit once, out of order
        }
        byte[] batched = data.clone();
        new XtsAes(key, true).process(batched, offsets, offsets.length, 32, 5);
        byte[] single = data.clone();
        XtsAes one = new XtsAes(key, true);
        for (int offset : offsets) {
            one.process(single, new int[] {offset}, 1, 32, 5);
        }
        assertThat(batched).isEqualTo(single);
        assertThat(batched).startsWith(java.util.Arrays.copyOf(data, 64));

        new XtsAes(key, false).process(batched, offsets, offsets.length, 32, 5);
        assertThat(batched).isEqualTo(data);
    }

    @Test
    void countLimitsTheUnitsUsed() {
        byte[] key = new byte[64];
        key[0] = 1;
        byte[] buf = new byte[64];
        new XtsAes(key, true).process(buf, new int[] {0, 32}, 1, 32, 0);
        assertThat(java.util.Arrays.copyOfRange(buf, 32, 64)).isEqualTo(new byte[32]);
        assertThat(java.util.Arrays.copyOfRange(buf, 0, 32)).isNotEqualTo(new byte[32]);
    }

    @Test
    void refusesBadParameters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new XtsAes(new byte[48], true));
        XtsAes xts = new XtsAes(new byte[64], true);
        assertThatIllegalArgumentException().isThrownBy(() -> xts.process(new byte[64], new int[] {0}, 1, 24, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> xts.process(new byte[8192], new int[] {0}, 1, 8192, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> xts.process(new byte[64], new int[] {0}, 1, 32, -1));
    }
}
