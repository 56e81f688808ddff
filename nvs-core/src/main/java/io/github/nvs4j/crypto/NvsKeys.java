package io.github.nvs4j.crypto;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.crypto.HmacKeyDerivation;
import io.github.nvs4j.internal.crypto.KeyFileFormat;
import io.github.nvs4j.internal.crypto.KeyFileReader;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The key of an encrypted NVS partition: 64 bytes, {@code eky[32] ‖ tky[32]}, the two keys of XTS-AES-256
 * ({@code eky} encrypts the data, {@code tky} the tweak).
 *
 * <h2>Key file layout</h2>
 * A key file, as {@code nvs_partition_gen.py generate-key} writes it and as the {@code nvs_keys} partition holds it
 * (under flash encryption on the device), is one 4096-byte flash sector:
 * <pre>
 * offset  size  content
 *      0    32  eky, the XTS data key
 *     32    32  tky, the XTS tweak key
 *     64     4  u32 little-endian nvs_crc(eky ‖ tky)   (the NVS CRC-32 over the 64 key bytes)
 *     68  4028  0xFF
 * </pre>
 * {@link #toKeyFile()} writes exactly these bytes. {@link #readKeyFile(Path)} accepts any file of at least 64 bytes
 * and reads only its first 68: the 64 key bytes and, when present (68 bytes or more), the CRC word, which must match.
 * It refuses, with a message that names the file:
 * <ul>
 *   <li>a file shorter than 64 bytes (the generator would decode it as hex text and crash; see
 *       {@code err_encrypt_key_short});</li>
 *   <li>a CRC word that does not match the key bytes (a damaged file, or not a key file at all);</li>
 *   <li>a blank file (64 bytes of {@code 0xFF} and a CRC word of {@code 0xFFFFFFFF}): the device reports such an
 *       {@code nvs_keys} partition as {@code ESP_ERR_NVS_KEYS_NOT_INITIALIZED};</li>
 *   <li>a key whose two halves are equal, which XTS forbids.</li>
 * </ul>
 * Bytes 68 and later are not looked at. The generator reads only the first 64 bytes and never checks the CRC.
 *
 * <h2>Where keys come from</h2>
 * <ul>
 *   <li>{@link #generate(SecureRandom)}: 64 random bytes, as {@code generate-key} (which uses Python's
 *       non-cryptographic {@code random}; nvs4j uses the given {@link SecureRandom});</li>
 *   <li>{@link #fromHmacKey(byte[])} / {@link NvsHmacKey#deriveNvsKeys()}: derived from a 32-byte HMAC key, as the
 *       runtime does on chips with an HMAC peripheral ({@code generate-key --key_protect_hmac});</li>
 *   <li>{@link #readKeyFile(Path)}: a key file written by the generator, by nvs4j, or read from a device's
 *       {@code nvs_keys} partition after flash decryption;</li>
 *   <li>{@link #of(byte[])}: 64 bytes from elsewhere.</li>
 * </ul>
 *
 * <h2>Secrecy</h2>
 * {@link #toString()} never shows key bytes, and no exception message of nvs4j contains them. {@link #destroy()}
 * overwrites this object's copy with zeros; afterwards every method that needs the key throws
 * {@link IllegalStateException}. The JCE's own copies (round keys inside a {@code Cipher}) live until those objects are
 * garbage. Two instances are equal only if they are the same object.
 */
public final class NvsKeys implements Destroyable {

    /** Bytes of key material: eky (32) and tky (32). */
    public static final int SIZE = KeyFileFormat.KEY_BYTES;
    /** Length of a key file as {@link #toKeyFile()} and the generator write it. */
    public static final int KEY_FILE_SIZE = KeyFileFormat.FILE_SIZE;

    private static final int HALF = SIZE / 2;

    private final SecretBytes key;

    private NvsKeys(byte[] key, String source) {
        this.key = new SecretBytes(key, source);
    }

    /**
     * Wraps 64 key bytes.
     *
     * @param key {@code eky[32] ‖ tky[32]}; copied
     * @return the keys
     * @throws NvsInputException if {@code key} is not 64 bytes, is blank (all {@code 0xFF}) or has equal halves
     */
    public static NvsKeys of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != SIZE) {
            throw new NvsInputException("an NVS encryption key has " + SIZE + " bytes (32-byte data key, 32-byte tweak"
                    + " key), not " + key.length);
        }
        return checked(key.clone(), null);
    }

    /**
     * Generates random keys, as {@code nvs_partition_gen.py generate-key} does without {@code --key_protect_hmac}.
     *
     * @param random the source of randomness
     * @return new keys
     */
    public static NvsKeys generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[SIZE];
        do {
            random.nextBytes(key);
        } while (halvesEqual(key) || isBlank(key));
        return new NvsKeys(key, null);
    }

    /**
     * Derives the keys of the HMAC-based scheme from an HMAC key (spec §9.3), as the runtime does from the key in
     * its {@code HMAC_UP} eFuse block and the generator does with {@code --key_protect_hmac}.
     *
     * @param hmacKey the HMAC key: exactly 32 bytes; not kept
     * @return the derived keys
     * @throws NvsInputException if {@code hmacKey} is not 32 bytes
     */
    public static NvsKeys fromHmacKey(byte[] hmacKey) {
        Objects.requireNonNull(hmacKey, "hmacKey");
        if (hmacKey.length != NvsHmacKey.SIZE) {
            throw new NvsInputException("an NVS HMAC key has " + NvsHmacKey.SIZE + " bytes, not " + hmacKey.length);
        }
        return derived(hmacKey, null);
    }

    static NvsKeys derived(byte[] hmacKey, String hmacSource) {
        return checked(HmacKeyDerivation.derive(hmacKey), hmacSource == null ? null : "HMAC key " + hmacSource);
    }

    /**
     * Reads a key file (layout in the class description).
     *
     * @param file the key file
     * @return the keys, remembering the file name for messages
     * @throws NvsInputException naming the file, if it cannot be read or is not a valid key file
     */
    public static NvsKeys readKeyFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] head = KeyFileReader.readHead(file, KeyFileFormat.WITH_CRC, "key file");
        try {
            return readKeyFile(head, file.toString());
        } finally {
            Arrays.fill(head, (byte) 0);
        }
    }

    /**
     * Reads a key file already in memory (layout in the class description).
     *
     * @param content the file's content; not modified, not kept
     * @param sourceName the file's name for messages, or {@code null}
     * @return the keys
     * @throws NvsInputException naming {@code sourceName}, if the content is not a valid key file
     */
    public static NvsKeys readKeyFile(byte[] content, String sourceName) {
        Objects.requireNonNull(content, "content");
        if (content.length < SIZE) {
            String reason = "the key file has " + content.length + " byte" + (content.length == 1 ? "" : "s")
                    + "; an NVS key file has at least " + SIZE + " (32-byte data key, 32-byte tweak key), normally"
                    + " followed by a CRC and 0xFF padding to " + KEY_FILE_SIZE + " bytes";
            if (KeyFileReader.looksLikeHexText(content, content.length)) {
                reason += "; this one looks like hex text, but key files are binary";
            }
            throw new NvsInputException(reason, sourceName, 0, null, null);
        }
        byte[] key = Arrays.copyOf(content, SIZE);
        if (content.length >= KeyFileFormat.WITH_CRC) {
            int stored = KeyFileFormat.storedCrc(content);
            if (stored == -1 && isBlank(key)) {
                Arrays.fill(key, (byte) 0);
                throw new NvsInputException("the key file is blank (all 0xFF): the nvs_keys partition has not been"
                        + " initialised with keys", sourceName, 0, null, null);
            }
            if (stored != KeyFileFormat.crc(key)) {
                boolean text = KeyFileReader.looksLikeHexText(content, KeyFileFormat.WITH_CRC);
                Arrays.fill(key, (byte) 0);
                throw new NvsInputException(String.format(Locale.ROOT, "the key file's CRC word (bytes 64-67: 0x%08X)"
                        + " does not match its first 64 bytes: the file is damaged or not an NVS key file (expected"
                        + " 32-byte data key, 32-byte tweak key, CRC-32 of those 64 bytes, 0xFF padding)%s", stored,
                        text ? "; it looks like hex text, but key files are binary" : ""),
                        sourceName, 0, null, null);
            }
        }
        return checked(key, sourceName);
    }

    /**
     * Returns the key file: 4096 bytes, byte-identical to what {@code nvs_partition_gen.py generate-key} writes for
     * the same key (layout in the class description).
     *
     * @return a new array
     * @throws IllegalStateException if the keys have been destroyed
     */
    public byte[] toKeyFile() {
        return KeyFileFormat.format(material());
    }

    /**
     * Returns a copy of the 64 key bytes, {@code eky ‖ tky}, for callers that hand them to another API. Overwrite the
     * copy when done.
     *
     * @return a new 64-byte array
     * @throws IllegalStateException if the keys have been destroyed
     */
    public byte[] keyBytes() {
        return material().clone();
    }

    /**
     * @return where the keys came from (a key file's name, or "HMAC key" and its file's name), for messages; empty
     *         for keys given as bytes or generated
     */
    public String source() {
        String source = key.sourceOrNull();
        return source == null ? "" : source;
    }

    /** Overwrites the key bytes with zeros; the keys cannot be used afterwards. */
    @Override
    public void destroy() {
        key.destroy();
    }

    /** @return whether {@link #destroy()} has been called */
    @Override
    public boolean isDestroyed() {
        return key.isDestroyed();
    }

    /** @return a description without any key byte, for example {@code NvsKeys[keys.bin, redacted]} */
    @Override
    public String toString() {
        return key.describe("NvsKeys");
    }

    /**
     * The key bytes themselves, for this package; never leaves it.
     *
     * @return the internal array
     */
    byte[] material() {
        return key.get("NVS keys");
    }

    /** @return a name for the keys in messages: "the key from keys.bin" or "the key" */
    String describe() {
        String source = key.sourceOrNull();
        return source == null ? "the key" : "the key from " + source;
    }

    private static NvsKeys checked(byte[] key, String source) {
        if (isBlank(key)) {
            Arrays.fill(key, (byte) 0);
            throw new NvsInputException("the key is blank (all 64 bytes are 0xFF): no keys have been written",
                    source, 0, null, null);
        }
        if (halvesEqual(key)) {
            Arrays.fill(key, (byte) 0);
            throw new NvsInputException("the data key (bytes 0-31) and the tweak key (bytes 32-63) are equal;"
                    + " XTS-AES needs two different keys", source, 0, null, null);
        }
        return new NvsKeys(key, source);
    }

    private static boolean halvesEqual(byte[] key) {
        return Arrays.equals(key, 0, HALF, key, HALF, SIZE);
    }

    private static boolean isBlank(byte[] key) {
        for (int i = 0; i < SIZE; i++) {
            if (key[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
