package io.github.nvs4j.internal.runtime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PageSet#keyMatches} compares eight bytes at a time; it must answer as the runtime's
 * {@code strncmp(key, item.key, 15) == 0} does, written out byte by byte here, for every normalised lookup key
 * (0 to 15 bytes, then zeros) and any stored key field (bytes after the NUL, no NUL at all, byte 15 set).
 */
class KeyMatchesProperties {

    @Provide
    Arbitrary<byte[]> keyFields() {
        // few distinct byte values (NULs, and bytes with the top bit set), so that fields often share prefixes
        return Arbitraries.of((byte) 0, (byte) 1, (byte) 2, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)
                .array(byte[].class).ofSize(16);
    }

    @Provide
    Arbitrary<byte[]> lookupKeys() {
        return keyFields().map(PageSetKeys::normalise);
    }

    @Property(tries = 5000)
    void answersAsStrncmp(@ForAll("lookupKeys") byte[] key, @ForAll("keyFields") byte[] field,
                          @ForAll boolean sameStart) {
        byte[] entry = new byte[32 + 8];
        byte[] stored = sameStart ? key.clone() : field.clone();
        if (sameStart) { // the lookup key, then arbitrary bytes after its NUL and in byte 15
            for (int i = PageSet.keyLength(key) + 1; i < 16; i++) {
                stored[i] = field[i];
            }
        }
        System.arraycopy(stored, 0, entry, 8, 16);
        assertThat(PageSet.keyMatches(entry, 0, key)).isEqualTo(strncmp15(key, stored));
    }

    private static boolean strncmp15(byte[] key, byte[] stored) {
        for (int j = 0; j < 15; j++) {
            if (key[j] != stored[j]) {
                return false;
            }
            if (key[j] == 0) {
                return true;
            }
        }
        return true;
    }

    /** What a C caller passes: up to the first NUL, at most 15 bytes, then zeros. */
    static final class PageSetKeys {
        static byte[] normalise(byte[] field) {
            byte[] key = new byte[16];
            for (int j = 0; j < 15 && field[j] != 0; j++) {
                key[j] = field[j];
            }
            return key;
        }
    }
}
