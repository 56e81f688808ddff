package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random content through the writer, then encryption: the transform is transparent for written images, and the device
 * view of the decrypted image is the device view of the plain one.
 */
class WrittenImageEncryptionProperties {

    /** One random case: the content, its format version and the key. */
    record Scenario(NvsData data, FormatVersion version, long keySeed) {
        @Override
        public String toString() {
            return "Scenario[" + version + ", " + data.namespaces().size() + " namespaces, " + data.size()
                    + " items, keySeed=" + keySeed + "]";
        }
    }

    record Row(int namespace, String key, NvsValue value) {
    }

    static NvsKeys keys(long seed) {
        byte[] key = new byte[64];
        new Random(seed).nextBytes(key);
        return NvsKeys.of(key);
    }

    static byte[] write(Scenario s) {
        int pages = NvsWriter.pagesNeeded(s.data(), s.version());
        return NvsWriter.write(s.data(), Math.max(0x3000L, (pages + 1L) * 4096), s.version());
    }

    @Property(tries = 150)
    void encryptThenDecryptGivesTheWrittenImageAndTheSameDeviceView(@ForAll("scenarios") Scenario s) {
        byte[] plain = write(s);
        NvsKeys keys = keys(s.keySeed());
        byte[] encrypted = NvsEncryption.encrypt(plain, keys);
        assertThat(encrypted).hasSize(plain.length);
        assertThat(NvsEncryption.decryptVerified(encrypted, keys)).isEqualTo(plain);
        DeviceView direct = NvsReader.boot(plain);
        DeviceView decrypted = NvsReader.boot(NvsEncryption.decryptVerified(encrypted, keys));
        assertThat(decrypted.init()).isEqualTo(direct.init());
        assertThat(decrypted.repairs()).isEqualTo(direct.repairs());
        assertThat(decrypted.toJson()).isEqualTo(direct.toJson());
        assertThat(decrypted.toModel()).isEqualTo(direct.toModel());
        if (s.data().size() > 0 || !s.data().namespaces().isEmpty()) {
            assertThat(NvsEncryption.looksEncrypted(encrypted)).isTrue();
            assertThat(NvsEncryption.looksEncrypted(plain)).isFalse();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> namespaces = names(1).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<Row>> rows = Combinators.combine(Arbitraries.integers().between(0, 5), names(0), values())
                .as(Row::new).list().ofMaxSize(120);
        return Combinators.combine(namespaces, rows, Arbitraries.of(FormatVersion.class), Arbitraries.longs())
                .as((ns, rs, version, seed) -> new Scenario(build(ns, rs, version), version, seed));
    }

    private static NvsData build(List<String> namespaces, List<Row> rows, FormatVersion version) {
        NvsData.Builder builder = NvsData.builder();
        Set<String> taken = new HashSet<>();
        for (Row row : rows) {
            String namespace = namespaces.get(row.namespace() % namespaces.size());
            builder.namespace(namespace);
            NvsValue value = row.value();
            if (version == FormatVersion.V1 && value instanceof NvsValue.Blob b && b.length() > 1984) {
                value = NvsValue.Blob.of(new byte[1984]);
            }
            if (taken.add(namespace + "\0" + row.key())) {
                builder.put(row.key(), value);
            }
        }
        return builder.build();
    }

    private static Arbitrary<String> names(int minLength) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_')
                .ofMinLength(minLength).ofMaxLength(15);
    }

    private static Arbitrary<NvsValue> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 255).map(NvsValue.U8::new)),
                Tuple.of(1, Arbitraries.integers().map(NvsValue.I32::new)),
                Tuple.of(1, Arbitraries.longs().map(NvsValue.U64::new)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(200).map(NvsValue.Str::of)),
                // blobs: random, and all-0xFF / all-0x00 ones whose payload entries are blank or zero when written
                Tuple.of(2, blobs()));
    }

    private static Arbitrary<NvsValue> blobs() {
        return Combinators.combine(Arbitraries.integers().between(0, 6000), Arbitraries.integers().between(0, 2),
                Arbitraries.longs()).as((length, fill, seed) -> {
                    byte[] bytes = new byte[length];
                    switch (fill) {
                        case 0 -> new Random(seed).nextBytes(bytes);
                        case 1 -> Arrays.fill(bytes, (byte) 0xFF);
                        default -> { }
                    }
                    return NvsValue.Blob.of(bytes);
                });
    }
}
