package io.github.nvs4j.internal.format;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyField#isTerminatedAndPadded} reads eight bytes at a time; it must agree with a byte-by-byte reading. */
class KeyFieldProperties {

    @Provide
    Arbitrary<byte[]> keyFields() {
        // NULs and bytes with the top bit set, often
        return Arbitraries.of((byte) 0, (byte) 0, (byte) 1, (byte) 'k', (byte) 0x80, (byte) 0xFF)
                .array(byte[].class).ofSize(16);
    }

    @Property(tries = 5000)
    void agreesWithAByteByByteReading(@ForAll("keyFields") byte[] field, @ForAll boolean padAfterFirstNul) {
        if (padAfterFirstNul) {
            boolean nul = false;
            for (int i = 0; i < 16; i++) {
                nul |= field[i] == 0;
                if (nul) {
                    field[i] = 0;
                }
            }
        }
        byte[] entry = new byte[32];
        System.arraycopy(field, 0, entry, Entry.KEY_OFFSET, 16);
        assertThat(KeyField.isTerminatedAndPadded(entry, 0)).isEqualTo(byteByByte(field));
    }

    private static boolean byteByByte(byte[] field) {
        int nul = 0;
        while (nul < 16 && field[nul] != 0) {
            nul++;
        }
        if (nul == 16) {
            return false;
        }
        for (int j = nul + 1; j < 16; j++) {
            if (field[j] != 0) {
                return false;
            }
        }
        return true;
    }
}
