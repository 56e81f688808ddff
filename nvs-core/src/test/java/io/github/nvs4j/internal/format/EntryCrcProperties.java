package io.github.nvs4j.internal.format;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's ways to an entry CRC from fields ({@link NvsCrc#entry(int, long, long, long)}, the key share
 * {@link NvsCrc#keyPart} with {@link NvsCrc#entry(int, int, long)}, {@link NvsCrc#fixedEntry},
 * {@link NvsCrc#variableEntry}, {@link NvsCrc#blobIndexEntry}) and the packed key
 * field ({@link KeyField#pack}) against an oracle outside nvs4j: the JDK's {@link CRC32} over {@code FF FF FF FF}
 * followed by entry bytes 0..3 and 8..31 (spec §2.3: the NVS CRC is the standard CRC-32 with the register started at
 * 0, which the four 0xFF bytes bring about), and the key's UTF-8 bytes from {@link String#getBytes}.
 */
class EntryCrcProperties {

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(15)
                .injectDuplicates(0.1)
                .edgeCases(edges -> edges.add("\u00e9t\u00e9").add("\u20ac\u20ac\u20ac").add("\uD83D\uDE00x"));
    }

    @Property(tries = 3000)
    void entryFromFieldsMatchesTheJdkOverTheBytes(@ForAll("keys") String key,
                                                  @ForAll int header, @ForAll long data) {
        long[] packed = new long[2];
        KeyField.pack(key, packed, 0);
        byte[] entry = new byte[32];
        Bytes.putU32(entry, 0, header);
        Bytes.putU64(entry, 8, packed[0]);
        Bytes.putU64(entry, 16, packed[1]);
        Bytes.putU64(entry, 24, data);
        int expected = jdkEntryCrc(entry);

        assertThat(NvsCrc.entry(header, packed[0], packed[1], data)).isEqualTo(expected);
        assertThat(NvsCrc.entry(header, NvsCrc.keyPart(packed[0], packed[1]), data)).isEqualTo(expected);
        assertThat(NvsCrc.entry(entry, 0)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void packedKeyIsTheUtf8BytesZeroPadded(@ForAll("keys") String key) {
        long[] packed = new long[2];
        KeyField.pack(key, packed, 0);
        byte[] field = new byte[16];
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, field, 0, utf8.length);
        assertThat(packed[0]).isEqualTo(Bytes.u64(field, 0));
        assertThat(packed[1]).isEqualTo(Bytes.u64(field, 8));
        assertThat(KeyField.isAscii(packed[0], packed[1])).isEqualTo(utf8.length == key.length());
    }

    @Property(tries = 3000)
    void fixedEntryMatchesTheJdkOverTheBytes(@ForAll @IntRange(min = 0, max = 255) int ns,
                                             @ForAll("fixedTypes") ItemType type, @ForAll("keys") String key,
                                             @ForAll long bits) {
        long[] packed = new long[2];
        KeyField.pack(key, packed, 0);
        byte[] entry = new byte[32];
        java.util.Arrays.fill(entry, (byte) 0xFF);
        entry[0] = (byte) ns;
        entry[1] = (byte) type.code();
        entry[2] = 1;
        entry[3] = (byte) 0xFF;
        Bytes.putU64(entry, 8, packed[0]);
        Bytes.putU64(entry, 16, packed[1]);
        for (int i = 0; i < type.width(); i++) {
            entry[24 + i] = (byte) (bits >>> (8 * i));
        }
        assertThat(NvsCrc.fixedEntry(ns, type, NvsCrc.keyPart(packed[0], packed[1]), bits))
                .isEqualTo(jdkEntryCrc(entry));
    }

    @Property(tries = 3000)
    void variableEntryMatchesTheJdkOverTheBytes(@ForAll @IntRange(min = 0, max = 255) int ns,
                                                @ForAll("variableTypes") ItemType type,
                                                @ForAll @IntRange(min = 0, max = 255) int span,
                                                @ForAll @IntRange(min = 0, max = 255) int chunk,
                                                @ForAll("keys") String key,
                                                @ForAll @IntRange(min = 0, max = 65535) int size,
                                                @ForAll int dataCrc) {
        long[] packed = new long[2];
        KeyField.pack(key, packed, 0);
        byte[] entry = new byte[32];
        entry[0] = (byte) ns;
        entry[1] = (byte) type.code();
        entry[2] = (byte) span;
        entry[3] = (byte) chunk;
        Bytes.putU64(entry, 8, packed[0]);
        Bytes.putU64(entry, 16, packed[1]);
        Bytes.putU16(entry, 24, size);
        entry[26] = (byte) 0xFF;
        entry[27] = (byte) 0xFF;
        Bytes.putU32(entry, 28, dataCrc);
        assertThat(NvsCrc.variableEntry(ns, type, span, chunk, NvsCrc.keyPart(packed[0], packed[1]), size, dataCrc))
                .isEqualTo(jdkEntryCrc(entry));
    }

    @Property(tries = 3000)
    void blobIndexEntryMatchesTheJdkOverTheBytes(@ForAll @IntRange(min = 0, max = 255) int ns,
                                                 @ForAll("keys") String key, @ForAll int totalSize,
                                                 @ForAll @IntRange(min = 0, max = 255) int chunks) {
        long[] packed = new long[2];
        KeyField.pack(key, packed, 0);
        byte[] entry = new byte[32];
        entry[0] = (byte) ns;
        entry[1] = 0x48; // BLOB_IDX
        entry[2] = 1;
        entry[3] = (byte) 0xFF;
        Bytes.putU64(entry, 8, packed[0]);
        Bytes.putU64(entry, 16, packed[1]);
        Bytes.putU32(entry, 24, totalSize);
        entry[28] = (byte) chunks;
        entry[29] = 0; // chunk start, version 0
        entry[30] = (byte) 0xFF;
        entry[31] = (byte) 0xFF;
        assertThat(NvsCrc.blobIndexEntry(ns, NvsCrc.keyPart(packed[0], packed[1]), totalSize, chunks))
                .isEqualTo(jdkEntryCrc(entry));
    }

    @Provide
    Arbitrary<ItemType> variableTypes() {
        return Arbitraries.of(ItemType.values()).filter(ItemType::isVariableLength);
    }

    @Provide
    Arbitrary<ItemType> fixedTypes() {
        return Arbitraries.of(ItemType.values()).filter(ItemType::isFixedSize);
    }

    private static int jdkEntryCrc(byte[] entry) {
        CRC32 crc = new CRC32();
        crc.update(new byte[] {-1, -1, -1, -1});
        crc.update(entry, 0, 4);
        crc.update(entry, 8, 24);
        return (int) crc.getValue();
    }
}
