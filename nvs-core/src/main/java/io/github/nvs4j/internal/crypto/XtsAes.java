package io.github.nvs4j.internal.crypto;

import io.github.nvs4j.internal.format.Bytes;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * XTS-AES (IEEE 1619, NIST SP 800-38E) for data units that are a whole number of 16-byte blocks, built on the JDK's
 * {@code AES/ECB/NoPadding}. The JCE has no XTS mode; this class adds the tweak arithmetic around two ECB ciphers:
 *
 * <pre>
 * T = AES-enc(key2, tweak as 16 little-endian bytes)
 * for each 16-byte block j of the unit:
 *     C[j] = AES-enc(key1, P[j] ^ T) ^ T          (decryption: P[j] = AES-dec(key1, C[j] ^ T) ^ T)
 *     T    = T · α in GF(2^128)                   (T as a 128-bit little-endian number: shift left by one,
 *                                                  XOR 0x87 into the low byte when bit 127 was set)
 * </pre>
 *
 * <p>The key is {@code key1 ‖ key2}: 64 bytes for XTS-AES-256 (what NVS uses), 32 bytes for XTS-AES-128. Ciphertext
 * stealing (units that are not a multiple of 16 bytes) is not needed by NVS and not supported.
 *
 * <p>An instance holds one cipher for the data and one for the tweaks, initialised once, plus fixed scratch buffers:
 * {@link #process} allocates nothing, so one instance transforms a whole image. Units are processed in batches of up
 * to {@value #BATCH_BYTES} bytes with one ECB call for their tweaks and one for their data. Not thread-safe.
 */
public final class XtsAes {

    /** Bytes per AES block. */
    public static final int BLOCK = 16;
    /** Most data bytes handed to the block cipher in one call; also the largest data unit. */
    public static final int BATCH_BYTES = 4096;

    private static final long GF_128_FEEDBACK = 0x87L;

    private final Cipher data;
    private final Cipher tweak;
    private final byte[] tweakIn = new byte[BATCH_BYTES];
    private final byte[] tweakOut = new byte[BATCH_BYTES];
    private final byte[] masks = new byte[BATCH_BYTES];
    private final byte[] blocksIn = new byte[BATCH_BYTES];
    private final byte[] blocksOut = new byte[BATCH_BYTES];

    /**
     * Initialises the two ciphers.
     *
     * @param key {@code key1 ‖ key2}, 64 bytes (XTS-AES-256) or 32 bytes (XTS-AES-128); not kept by this object
     *            (the JCE keeps its own round keys until the ciphers are garbage)
     * @param encrypt {@code true} to encrypt, {@code false} to decrypt
     * @throws IllegalArgumentException if the key has another length
     */
    public XtsAes(byte[] key, boolean encrypt) {
        if (key.length != 64 && key.length != 32) {
            throw new IllegalArgumentException("an XTS-AES key has 32 or 64 bytes, not " + key.length);
        }
        int half = key.length / 2;
        SecretKeySpec dataKey = new SecretKeySpec(key, 0, half, "AES");
        SecretKeySpec tweakKey = new SecretKeySpec(key, half, half, "AES");
        try {
            data = Cipher.getInstance("AES/ECB/NoPadding");
            data.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, dataKey);
            tweak = Cipher.getInstance("AES/ECB/NoPadding");
            tweak.init(Cipher.ENCRYPT_MODE, tweakKey);
        } catch (GeneralSecurityException e) {
            // AES/ECB/NoPadding is a cipher every Java platform must provide.
            throw new IllegalStateException("the JDK cannot provide AES/ECB/NoPadding", e);
        }
    }

    /**
     * Transforms data units in place. Unit {@code k} occupies {@code buf[offsets[k] .. offsets[k] + unitSize)} and
     * is encrypted (or decrypted) with the tweak {@code offsets[k] + tweakBias}, written as a 16-byte little-endian
     * number. For an NVS image held at offset 0 of {@code buf}, the tweak is the entry's partition offset: bias 0.
     *
     * @param buf the bytes to transform
     * @param offsets the start of each unit in {@code buf}
     * @param count how many entries of {@code offsets} to use
     * @param unitSize the data unit size: a positive multiple of 16, at most {@value #BATCH_BYTES}
     * @param tweakBias added to each offset to give the unit's tweak; the sum must not be negative
     * @throws IllegalArgumentException if the unit size or a tweak is out of range
     * @throws IndexOutOfBoundsException if a unit lies outside {@code buf}
     */
    public void process(byte[] buf, int[] offsets, int count, int unitSize, long tweakBias) {
        if (unitSize <= 0 || unitSize % BLOCK != 0 || unitSize > BATCH_BYTES) {
            throw new IllegalArgumentException("data unit size must be a positive multiple of 16 up to "
                    + BATCH_BYTES + ", not " + unitSize);
        }
        int unitsPerBatch = BATCH_BYTES / unitSize;
        for (int first = 0; first < count; first += unitsPerBatch) {
            processBatch(buf, offsets, first, Math.min(count, first + unitsPerBatch), unitSize, tweakBias);
        }
    }

    private void processBatch(byte[] buf, int[] offsets, int from, int to, int unitSize, long tweakBias) {
        int units = to - from;
        for (int k = 0; k < units; k++) {
            long tweakValue = offsets[from + k] + tweakBias;
            if (tweakValue < 0) {
                throw new IllegalArgumentException("negative XTS tweak " + tweakValue);
            }
            Bytes.putU64(tweakIn, k * BLOCK, tweakValue);
            Bytes.putU64(tweakIn, k * BLOCK + 8, 0L);
        }
        ecb(tweak, tweakIn, units * BLOCK, tweakOut);

        int pos = 0;
        for (int k = 0; k < units; k++) {
            int unit = offsets[from + k];
            Objects.checkFromIndexSize(unit, unitSize, buf.length);
            long lo = Bytes.u64(tweakOut, k * BLOCK);
            long hi = Bytes.u64(tweakOut, k * BLOCK + 8);
            for (int j = 0; j < unitSize; j += BLOCK, pos += BLOCK) {
                Bytes.putU64(masks, pos, lo);
                Bytes.putU64(masks, pos + 8, hi);
                Bytes.putU64(blocksIn, pos, Bytes.u64(buf, unit + j) ^ lo);
                Bytes.putU64(blocksIn, pos + 8, Bytes.u64(buf, unit + j + 8) ^ hi);
                long carry = hi >> 63; // all ones when bit 127 is set
                hi = (hi << 1) | (lo >>> 63);
                lo = (lo << 1) ^ (carry & GF_128_FEEDBACK);
            }
        }
        ecb(data, blocksIn, pos, blocksOut);

        pos = 0;
        for (int k = 0; k < units; k++) {
            int unit = offsets[from + k];
            for (int j = 0; j < unitSize; j += BLOCK, pos += BLOCK) {
                Bytes.putU64(buf, unit + j, Bytes.u64(blocksOut, pos) ^ Bytes.u64(masks, pos));
                Bytes.putU64(buf, unit + j + 8, Bytes.u64(blocksOut, pos + 8) ^ Bytes.u64(masks, pos + 8));
            }
        }
    }

    private static void ecb(Cipher cipher, byte[] in, int length, byte[] out) {
        if (length == 0) {
            return;
        }
        try {
            int produced = cipher.update(in, 0, length, out, 0);
            if (produced != length) {
                throw new IllegalStateException("AES/ECB/NoPadding returned " + produced + " of " + length + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException("scratch buffer too small", e);
        }
    }
}
