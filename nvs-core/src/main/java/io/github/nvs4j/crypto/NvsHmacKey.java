package io.github.nvs4j.crypto;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.crypto.KeyFileReader;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The 32-byte HMAC key of the HMAC-based NVS key protection scheme (chips with an HMAC peripheral: ESP32-S2, -S3,
 * -C3, -C6, -H2, …). The device keeps it in an eFuse key block with purpose {@code HMAC_UP} and derives the
 * {@link NvsKeys} from it at run time; they are never stored on the device. {@link #deriveNvsKeys()} computes the same
 * keys (spec §9.3), so an image can be encrypted for, or decrypted from, such a device.
 *
 * <h2>HMAC key file</h2>
 * The file holds exactly the 32 key bytes, raw, as {@code nvs_partition_gen.py --kp_hmac_keygen} writes it and as
 * {@code espefuse.py burn_key BLOCK_KEYn FILE HMAC_UP} takes it. {@link #readFile(Path)} accepts only files of exactly
 * 32 bytes. (The generator's {@code --kp_hmac_inputkey} uses the whole file as the HMAC key, whatever its length; a
 * key of another length can never be in an eFuse block, so the keys derived from it would match no device.)
 *
 * <h2>Secrecy</h2>
 * As for {@link NvsKeys}: {@link #toString()} shows no key bytes, {@link #destroy()} zeroes this object's copy, and
 * equality is identity.
 */
public final class NvsHmacKey implements Destroyable {

    /** Bytes in an HMAC key (one 256-bit eFuse key block). */
    public static final int SIZE = 32;

    /** Read at most this much of a file, so that a wrong file is reported with its size without reading it all. */
    private static final int READ_LIMIT = 4096;

    private final SecretBytes key;

    private NvsHmacKey(byte[] key, String source) {
        this.key = new SecretBytes(key, source);
    }

    /**
     * Wraps 32 key bytes.
     *
     * @param key the HMAC key; copied
     * @return the key
     * @throws NvsInputException if {@code key} is not 32 bytes
     */
    public static NvsHmacKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        return checked(key.clone(), null);
    }

    /**
     * Generates a random HMAC key, as {@code --kp_hmac_keygen} does (with Python's non-cryptographic {@code random};
     * nvs4j uses the given {@link SecureRandom}).
     *
     * @param random the source of randomness
     * @return a new key
     */
    public static NvsHmacKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[SIZE];
        random.nextBytes(key);
        return new NvsHmacKey(key, null);
    }

    /**
     * Reads an HMAC key file: exactly 32 raw bytes.
     *
     * @param file the file
     * @return the key, remembering the file name for messages
     * @throws NvsInputException naming the file, if it cannot be read or does not hold exactly 32 bytes
     */
    public static NvsHmacKey readFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] content = KeyFileReader.readHead(file, READ_LIMIT + 1, "HMAC key file");
        try {
            return readFile(content, file.toString());
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Reads an HMAC key file already in memory: exactly 32 raw bytes.
     *
     * @param content the file's content; not modified, not kept
     * @param sourceName the file's name for messages, or {@code null}
     * @return the key
     * @throws NvsInputException naming {@code sourceName}, if the content is not exactly 32 bytes
     */
    public static NvsHmacKey readFile(byte[] content, String sourceName) {
        Objects.requireNonNull(content, "content");
        return checked(content.clone(), sourceName);
    }

    /**
     * Derives the XTS keys (spec §9.3): {@code eky = HMAC-SHA256(key, 5A 5A BE AE × 8)},
     * {@code tky = HMAC-SHA256(key, A5 A5 DE CE × 8)}.
     *
     * @return the keys the device derives from this HMAC key
     * @throws IllegalStateException if this key has been destroyed
     */
    public NvsKeys deriveNvsKeys() {
        return NvsKeys.derived(material(), key.sourceOrNull());
    }

    /**
     * Returns the HMAC key file: the 32 raw key bytes.
     *
     * @return a new 32-byte array
     * @throws IllegalStateException if this key has been destroyed
     */
    public byte[] toFile() {
        return material().clone();
    }

    /** @return the file the key was read from, for messages; empty for keys given as bytes or generated */
    public String source() {
        String source = key.sourceOrNull();
        return source == null ? "" : source;
    }

    /** Overwrites the key bytes with zeros; the key cannot be used afterwards. */
    @Override
    public void destroy() {
        key.destroy();
    }

    /** @return whether {@link #destroy()} has been called */
    @Override
    public boolean isDestroyed() {
        return key.isDestroyed();
    }

    /** @return a description without any key byte, for example {@code NvsHmacKey[hmac.bin, redacted]} */
    @Override
    public String toString() {
        return key.describe("NvsHmacKey");
    }

    private byte[] material() {
        return key.get("NVS HMAC key");
    }

    private static NvsHmacKey checked(byte[] key, String source) {
        if (key.length != SIZE) {
            String size = key.length > READ_LIMIT ? "more than " + READ_LIMIT + " bytes" : key.length + " bytes";
            boolean text = KeyFileReader.looksLikeHexText(key, Math.min(key.length, READ_LIMIT));
            Arrays.fill(key, (byte) 0);
            throw new NvsInputException("the HMAC key has " + size + "; an HMAC key file holds exactly " + SIZE
                    + " raw bytes (the key burnt into an eFuse block with purpose HMAC_UP)"
                    + (text ? "; this one looks like hex text: convert it to binary" : ""), source, 0, null, null);
        }
        return new NvsHmacKey(key, source);
    }
}
