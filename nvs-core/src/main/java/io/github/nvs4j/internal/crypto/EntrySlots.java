package io.github.nvs4j.internal.crypto;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;

/**
 * Which 32-byte entry slots of an NVS image carry ciphertext in an encrypted image, and the XTS transform of exactly
 * those slots (spec §9.1). Page headers and entry state bitmaps are never encrypted, so the same rule, applied to
 * the input, selects the slots in both directions:
 *
 * <ul>
 *   <li>a slot whose bitmap pair is WRITTEN is always transformed, whatever its bytes: the generator encrypts every
 *       entry it writes (header and payload entries alike, an all-{@code 0xFF} payload entry included), and the
 *       runtime decrypts every WRITTEN entry it reads;</li>
 *   <li>any other slot (EMPTY, ERASED, ILLEGAL) is left as it is when its 32 bytes are all {@code 0xFF} (never
 *       written) or all {@code 0x00} (purged: the runtime overwrites erased entries with raw zeros), and
 *       transformed otherwise: an entry that was erased without being purged, or half-written before its bitmap
 *       update, still holds what the device wrote through encryption.</li>
 * </ul>
 *
 * <p>Since the rule looks only at the bitmap and at the slot's bytes, and an encrypted slot is all-{@code 0xFF} or
 * all-{@code 0x00} only with probability 2<sup>-255</sup>, {@code encrypt} and {@code decrypt} are inverse to each
 * other on every image. The tweak of a slot is always its own partition offset.
 *
 * <p><b>Differences from the generator's {@code decrypt} command</b> (none for the images the generator writes):
 * it decides by content only, leaving every all-{@code 0xFF} slot, and decrypts everything else (purged all-zero
 * slots included) with a tweak counter that counts only the slots it decrypted, so a blank slot before a written
 * one in the same page shifts every later tweak. Here the tweak is always the slot's real offset, a WRITTEN slot is
 * decrypted even if its ciphertext happens to be all {@code 0xFF}, and purged slots stay zero.
 *
 * <p>An image may end in a partial page (a truncated dump): every complete slot present is processed; a trailing
 * partial slot is copied as it is.
 */
public final class EntrySlots {

    private EntrySlots() {
    }

    /**
     * Returns a copy of {@code image} with every slot that carries (or will carry) ciphertext transformed.
     *
     * @param image the input image; not modified
     * @param key the 64-byte XTS-AES-256 key {@code eky ‖ tky}
     * @param encrypt {@code true} to encrypt a plaintext image, {@code false} to decrypt an encrypted one
     * @return the transformed copy, of the same length
     */
    public static byte[] transform(byte[] image, byte[] key, boolean encrypt) {
        byte[] out = image.clone();
        XtsAes xts = new XtsAes(key, encrypt);
        int[] offsets = new int[Page.ENTRY_COUNT];
        for (int pageOffset = 0; pageOffset < out.length; pageOffset += Page.SIZE) {
            int n = 0;
            for (int entry = 0; entry < Page.ENTRY_COUNT; entry++) {
                int slot = pageOffset + Page.FIRST_ENTRY_OFFSET + entry * Page.ENTRY_SIZE;
                if (slot + Page.ENTRY_SIZE > out.length) {
                    break;
                }
                if (carriesCiphertext(out, pageOffset, entry, slot)) {
                    offsets[n++] = slot;
                }
            }
            xts.process(out, offsets, n, Page.ENTRY_SIZE, 0L);
        }
        return out;
    }

    /**
     * The slot rule described above.
     *
     * @param image the image
     * @param pageOffset the page's offset
     * @param entry the entry index 0…125
     * @param slot the entry's offset
     * @return whether the slot is encrypted in an encrypted image
     */
    static boolean carriesCiphertext(byte[] image, int pageOffset, int entry, int slot) {
        if (Page.entryState(image, pageOffset, entry) == EntryState.WRITTEN) {
            return true;
        }
        long first = Bytes.u64(image, slot);
        if (first != -1L && first != 0L) {
            return true;
        }
        for (int i = 8; i < Page.ENTRY_SIZE; i += 8) {
            if (Bytes.u64(image, slot + i) != first) {
                return true;
            }
        }
        return false;
    }
}
