package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;

/**
 * A generator quirk kept byte for byte (spec §2.5): for a key with non-ASCII characters, {@code nvs_partition_gen.py}
 * writes the key's UTF-8 bytes over as many bytes of its zero-filled key field as the key has characters, so the
 * 32-byte entry grows by (UTF-8 bytes − characters) and that many zeros of the key field move into the data field
 * (entry offset 24 on) before the value is written there. Data bytes the value does not use are then {@code 0x00}
 * instead of {@code 0xFF}: the unused bytes of fixed-size values, the reserved bytes 26–27 of string, legacy blob and
 * blob chunk headers (the generator resets the blob index's data field, so the index is unaffected). The entry CRC
 * covers them, as in the generator's image.
 *
 * <p>What the generator's longer entry spills past its 32 bytes (into the next slot, or past the page end, which
 * makes its image longer) is not reproduced; see {@code docs/differences.md}.
 */
final class ShiftedKeyPadding {

    private ShiftedKeyPadding() {
    }

    /**
     * The quirk for an entry assembled in registers: which bytes of the data field (entry offsets 24–31, as a
     * little-endian word) the key's moved zero run sets to zero among the unused data bytes {@code [from, to)}.
     *
     * @param extraBytes the entry's key's {@link #extraBytes} (0 for an ASCII key: nothing is zeroed)
     * @param from the first unused data byte (entry offset, at least 24)
     * @param to the end of the unused data bytes (entry offset, at most 32)
     * @return a mask with {@code 0xFF} in each data-field byte to zero, 0 if none
     */
    static long zeroedBytes(int extraBytes, int from, int to) {
        int end = Math.min(to, Entry.DATA_OFFSET + extraBytes);
        if (end <= from) {
            return 0;
        }
        int lowBit = (from - Entry.DATA_OFFSET) << 3;
        int highBit = (end - Entry.DATA_OFFSET) << 3;
        long upTo = highBit == 64 ? -1L : (1L << highBit) - 1;
        return upTo & -(1L << lowBit);
    }

    /**
     * Applies the quirk to an entry that is complete and sealed in memory: zeros the bytes {@link #zeroedBytes}
     * names, then seals the CRC again. Nothing for an ASCII key.
     *
     * @param b the image
     * @param e the entry offset
     * @param extraBytes the entry's key's {@link #extraBytes}
     * @param from the first unused data byte (entry offset, at least 24)
     * @param to the end of the unused data bytes (entry offset, at most 32)
     */
    static void apply(byte[] b, int e, int extraBytes, int from, int to) {
        long zeroed = zeroedBytes(extraBytes, from, to);
        if (zeroed != 0) {
            Bytes.putU64(b, e + Entry.DATA_OFFSET, Bytes.u64(b, e + Entry.DATA_OFFSET) & ~zeroed);
            Entry.sealCrc(b, e);
        }
    }

    /** @return the key's UTF-8 bytes minus its characters (code points, as Python counts them) */
    static int extraBytes(String key) {
        int extra = 0;
        for (int i = 0, n = key.length(); i < n; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                // 2-byte characters: 1 extra; other BMP characters: 2; a supplementary character (4 bytes, one code
                // point, two chars): 1 for its high and 2 for its low surrogate
                extra += c < 0x800 || Character.isHighSurrogate(c) ? 1 : 2;
            }
        }
        return extra;
    }
}
