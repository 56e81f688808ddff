package io.github.nvs4j.crypto;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.crypto.EntrySlots;
import io.github.nvs4j.internal.crypto.HeaderCensus;

import java.util.Objects;

/**
 * NVS encryption as a transform of whole images (spec §9): XTS-AES-256 with {@link NvsKeys}, each 32-byte entry
 * encrypted on its own as one data unit whose tweak is the entry's offset in the partition (u32 little-endian, then 12
 * zero bytes). Page headers and entry state bitmaps are never encrypted, so an encrypted image has the same layout as
 * the plain one.
 *
 * <h2>Which entries</h2>
 * The same rule selects the slots in both directions: a slot marked WRITTEN in its page's bitmap is always
 * transformed (the generator encrypts every entry it writes, payload entries and their {@code 0xFF} padding
 * included); any other slot is left as it is when it is all {@code 0xFF} (never written) or all {@code 0x00} (purged
 * by the runtime), and transformed otherwise (erased or half-written entries still hold what the device wrote
 * through encryption). Hence {@code encrypt(decrypt(x)) == x} and {@code decrypt(encrypt(x)) == x} for every image,
 * and both are byte-identical to {@code nvs_partition_gen.py encrypt} / {@code decrypt} on the generator's images.
 * Unlike the generator's {@code decrypt}, every slot's tweak is its real position: the generator counts only the
 * slots it decrypted, which gives wrong tweaks after a blank slot that precedes a written one in the same page, and
 * it decrypts purged all-zero slots into garbage.
 *
 * <p>Images may have any length: a trailing partial page (a truncated dump) is transformed as far as its complete
 * entries go. Inputs are never modified; every method returns a new array. Each call initialises its ciphers once and
 * reuses them for every entry of the image; calls are independent and may run concurrently.
 *
 * <h2>Reading a decrypted image</h2>
 * A reader given the decrypted image sees what the runtime sees through its decrypting reads, with one exception: the
 * runtime's half-written-entry test at boot (spec §7.2) reads the first four bytes of the entries behind the first
 * empty slot of the ACTIVE page <em>raw</em>, that is as ciphertext. A written entry there whose plaintext starts
 * with {@code FF FF FF FF} (a blob payload entry, say) ends that test's run in the decrypted image but not on an
 * encrypted device, which erases it and the entries after it. This only matters for images torn by a power loss
 * (the device image {@code edge-halfwritten-run} has such an entry); a reader that must be exact there can take the
 * raw words from the encrypted image.
 *
 * <h2>Wrong keys</h2>
 * XTS has no authentication: decrypting with the wrong key silently yields random bytes. {@link #decryptVerified}
 * checks the result the way a reader would, by the CRCs of the written entry headers, and refuses it when it is
 * clearly not plaintext. {@link #looksEncrypted} applies the same test to an image read without a key.
 */
public final class NvsEncryption {

    private NvsEncryption() {
    }

    /**
     * Encrypts a plain image, as {@code nvs_partition_gen.py encrypt} does while it writes.
     *
     * @param plainImage the plain image; not modified
     * @param keys the keys
     * @return the encrypted copy
     * @throws IllegalStateException if the keys have been destroyed
     */
    public static byte[] encrypt(byte[] plainImage, NvsKeys keys) {
        Objects.requireNonNull(plainImage, "plainImage");
        return EntrySlots.transform(plainImage, keys.material(), true);
    }

    /**
     * Decrypts an encrypted image without checking the result: with a wrong key the written entries come out as
     * random bytes. Prefer {@link #decryptVerified} unless the garbage is wanted.
     *
     * @param encryptedImage the encrypted image; not modified
     * @param keys the keys
     * @return the decrypted copy
     * @throws IllegalStateException if the keys have been destroyed
     */
    public static byte[] decrypt(byte[] encryptedImage, NvsKeys keys) {
        Objects.requireNonNull(encryptedImage, "encryptedImage");
        return EntrySlots.transform(encryptedImage, keys.material(), false);
    }

    /**
     * Decrypts an encrypted image and checks that the key fits. The image is refused when it has written entries,
     * none of whose headers has a valid CRC after decryption, and fewer than half of which still look like an entry
     * header. An image with a few damaged entries among good ones is therefore accepted (its damage is for the
     * reader or checker to report); an image without written entries cannot be checked and is accepted with any key.
     *
     * @param encryptedImage the encrypted image; not modified
     * @param keys the keys
     * @return the decrypted copy
     * @throws NvsFormatException if the key does not decrypt the image, or the image is not encrypted at all
     * @throws IllegalStateException if the keys have been destroyed
     */
    public static byte[] decryptVerified(byte[] encryptedImage, NvsKeys keys) {
        byte[] plain = decrypt(encryptedImage, keys);
        HeaderCensus decrypted = HeaderCensus.of(plain);
        if (!decrypted.looksLikeCiphertext()) {
            return plain;
        }
        HeaderCensus raw = HeaderCensus.of(encryptedImage);
        if (raw.crcValid() > 0) {
            throw new NvsFormatException("the image is not encrypted: " + raw.crcValid() + " of its " + raw.written()
                    + " written entries have valid CRCs without decryption, none after decryption with "
                    + keys.describe() + "; read it without a key");
        }
        throw new NvsFormatException("the key does not decrypt this image: none of its " + decrypted.written()
                + " written entries has a valid CRC after decryption with " + keys.describe()
                + " (the wrong key, or an image damaged throughout)");
    }

    /**
     * Tells whether an image looks encrypted: it has written entries, none of whose headers has a valid CRC, and
     * fewer than half of which look like an entry header. A reader can use this to suggest a key instead of reporting
     * every entry as corrupt. Plain images with damaged entries among good ones do not look encrypted; an encrypted
     * image without written entries cannot be told from a plain one.
     *
     * @param image an image as read; not modified
     * @return whether its written entries look like ciphertext
     */
    public static boolean looksEncrypted(byte[] image) {
        Objects.requireNonNull(image, "image");
        return HeaderCensus.of(image).looksLikeCiphertext();
    }
}
