package io.github.nvs4j.csv.internal;

import java.io.ByteArrayOutputStream;

/**
 * Python's non-strict {@code binascii.a2b_base64}, which the generator uses for {@code base64} values (spec §8.4):
 * characters outside the standard alphabet are skipped, {@code =} is ignored until at least two characters of a
 * group of four are read, and a complete padding ends decoding (the rest is ignored). At the end, an unfinished
 * group is an error.
 */
public final class LenientBase64 {

    private static final int PAD = '=';
    private static final byte[] ALPHABET = new byte[256];

    static {
        java.util.Arrays.fill(ALPHABET, (byte) -1);
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < chars.length(); i++) {
            ALPHABET[chars.charAt(i)] = (byte) i;
        }
    }

    private LenientBase64() {
    }

    /**
     * Decodes like {@code binascii.a2b_base64(data)} (not strict).
     *
     * @param data the encoded bytes; bytes outside the alphabet (including non-ASCII bytes) are skipped
     * @return the decoded bytes
     * @throws IllegalArgumentException with Python's two failure cases (one data character more than a multiple
     *                                  of four, or missing padding), its message saying which; the caller adds
     *                                  the value and the location
     */
    public static byte[] decode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 * 3 + 3);
        int quadPos = 0;
        int pads = 0;
        int leftChar = 0;
        for (byte b : data) {
            int c = b & 0xFF;
            if (c == PAD) {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    return out.toByteArray();
                }
                continue;
            }
            int v = ALPHABET[c];
            if (v < 0) {
                continue;
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (v >> 4));
                    leftChar = v & 0x0F;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (v >> 2));
                    leftChar = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | v);
                    leftChar = 0;
                }
            }
        }
        if (quadPos == 1) {
            long dataChars = out.size() / 3L * 4 + 1;
            throw new IllegalArgumentException("it has " + dataChars
                    + " data characters, one more than a multiple of 4");
        }
        if (quadPos != 0) {
            throw new IllegalArgumentException("its padding is missing: the last group has " + quadPos
                    + " characters, add '" + "=".repeat(4 - quadPos) + "' to complete it to 4");
        }
        return out.toByteArray();
    }
}
