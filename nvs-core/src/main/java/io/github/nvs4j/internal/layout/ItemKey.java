package io.github.nvs4j.internal.layout;

import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.format.NvsCrc;

/**
 * The key of the item being placed, in the form the encoder writes it: the key field's two little-endian words
 * ({@link KeyField#pack}) and the generator's shifted-padding count ({@link ShiftedKeyPadding#extraBytes}, 0 for an
 * ASCII key). Mutable: a layout keeps one and refills it per item from the model's pre-encoded items, so that the
 * per-item loop makes no object and never re-encodes a key.
 */
final class ItemKey {

    private final long[] packed = new long[2];
    private long low;
    private long high;
    private int extraBytes;
    private int crcPart;

    /**
     * @param key a key or namespace name of at most 15 UTF-8 bytes
     * @return a new key holding it
     */
    static ItemKey of(String key) {
        ItemKey k = new ItemKey();
        k.set(key);
        return k;
    }

    /**
     * Holds an already packed key.
     *
     * @param low key field bytes 0–7
     * @param high key field bytes 8–15
     * @param crcPart the key field's share of an entry CRC ({@link NvsCrc#keyPart})
     * @param extraBytes the shifted-padding count (0 for an ASCII key)
     */
    void set(long low, long high, int crcPart, int extraBytes) {
        this.low = low;
        this.high = high;
        this.crcPart = crcPart;
        this.extraBytes = extraBytes;
    }

    /**
     * Packs and holds a key.
     *
     * @param key a key or namespace name of at most 15 UTF-8 bytes
     */
    void set(String key) {
        KeyField.pack(key, packed, 0);
        long low = packed[0];
        long high = packed[1];
        set(low, high, NvsCrc.keyPart(low, high), KeyField.isAscii(low, high) ? 0 : ShiftedKeyPadding.extraBytes(key));
    }

    /** @return key field bytes 0–7, little-endian */
    long low() {
        return low;
    }

    /** @return key field bytes 8–15, little-endian */
    long high() {
        return high;
    }

    /** @return the key field's share of an entry CRC ({@link NvsCrc#keyPart}), computed once per item */
    int crcPart() {
        return crcPart;
    }

    /** @return the key's UTF-8 bytes minus its characters: how far the generator's zero run reaches (spec §2.5) */
    int extraBytes() {
        return extraBytes;
    }
}
