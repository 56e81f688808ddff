package io.github.nvs4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Which slots are transformed (spec §9.1) and that the tweak is the slot's own partition offset. */
class EntrySlotsTest {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
            + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");

    private static byte[] blankImage(int pages) {
        byte[] image = new byte[pages * Page.SIZE];
        Arrays.fill(image, (byte) 0xFF);
        return image;
    }

    private static int slot(int page, int entry) {
        return Page.entryOffset(page, entry);
    }

    private static void fill(byte[] image, int offset, int value) {
        Arrays.fill(image, offset, offset + 32, (byte) value);
    }

    private static byte[] slotBytes(byte[] image, int offset) {
        return Arrays.copyOfRange(image, offset, offset + 32);
    }

    /** The XTS encryption of one 32-byte unit at a given partition offset, computed on its own. */
    private static byte[] encryptedAt(byte[] plain32, int offset) {
        byte[] buf = new byte[offset + 32];
        System.arraycopy(plain32, 0, buf, offset, 32);
        new XtsAes(KEY, true).process(buf, new int[] {offset}, 1, 32, 0);
        return Arrays.copyOfRange(buf, offset, offset + 32);
    }

    private static byte[] imageWithEveryKindOfSlot() {
        byte[] image = blankImage(2);
        Page.writeHeader(image, 0, PageState.FULL, 0, Page.VERSION_2);
        Page.writeHeader(image, Page.SIZE, PageState.ACTIVE, 1, Page.VERSION_2);
        Random random = new Random(3);
        // page 0: entry 0 written data, 1 written all-0xFF payload, 2 written all-zero payload, 3 erased (not purged),
        // 4 erased and purged, 5 empty and blank, 6 empty but half-written, 7 illegal pair with data, 8 empty zeros
        for (int e = 0; e <= 8; e++) {
            byte[] content = new byte[32];
            random.nextBytes(content);
            System.arraycopy(content, 0, image, slot(0, e), 32);
        }
        fill(image, slot(0, 1), 0xFF);
        fill(image, slot(0, 2), 0x00);
        fill(image, slot(0, 4), 0x00);
        fill(image, slot(0, 5), 0xFF);
        fill(image, slot(0, 8), 0x00);
        for (int e = 0; e <= 2; e++) {
            Page.setEntryState(image, 0, e, EntryState.WRITTEN);
        }
        Page.setEntryState(image, 0, 3, EntryState.ERASED);
        Page.setEntryState(image, 0, 4, EntryState.ERASED);
        Page.setEntryState(image, 0, 7, EntryState.ILLEGAL);
        // page 1: a written entry after a blank one (the generator's decrypt would use the wrong tweak here)
        image[slot(1, 3)] = 0x11;
        Page.setEntryState(image, Page.SIZE, 3, EntryState.WRITTEN);
        return image;
    }

    @Test
    void transformsExactlyTheSlotsThatCarryCiphertext() {
        byte[] plain = imageWithEveryKindOfSlot();
        byte[] encrypted = EntrySlots.transform(plain, KEY, true);

        int[] transformed = {slot(0, 0), slot(0, 1), slot(0, 2), slot(0, 3), slot(0, 6), slot(0, 7), slot(1, 3)};
        for (int offset : transformed) {
            assertThat(slotBytes(encrypted, offset)).as("slot at 0x%x", offset)
                    .isEqualTo(encryptedAt(slotBytes(plain, offset), offset));
        }
        // headers and bitmaps, blank slots, purged slots and the rest of the image are left as they are
        byte[] expected = plain.clone();
        for (int offset : transformed) {
            System.arraycopy(encrypted, offset, expected, offset, 32);
        }
        assertThat(encrypted).isEqualTo(expected);
        assertThat(slotBytes(encrypted, slot(0, 4))).isEqualTo(new byte[32]);
        assertThat(slotBytes(encrypted, slot(0, 8))).isEqualTo(new byte[32]);

        assertThat(EntrySlots.transform(encrypted, KEY, false)).isEqualTo(plain);
    }

    @Test
    void decryptionUsesTheRealPositionAfterABlankSlot() {
        byte[] plain = imageWithEveryKindOfSlot();
        byte[] encrypted = EntrySlots.transform(plain, KEY, true);
        byte[] decrypted = EntrySlots.transform(encrypted, KEY, false);
        assertThat(slotBytes(decrypted, slot(1, 3))).isEqualTo(slotBytes(plain, slot(1, 3)));
    }

    @Test
    void inputIsNotModified() {
        byte[] plain = imageWithEveryKindOfSlot();
        byte[] copy = plain.clone();
        EntrySlots.transform(plain, KEY, true);
        EntrySlots.transform(plain, KEY, false);
        assertThat(plain).isEqualTo(copy);
    }

    @Test
    void truncatedImageIsTransformedAsFarAsItsCompleteSlotsGo() {
        byte[] full = imageWithEveryKindOfSlot();
        byte[] encryptedFull = EntrySlots.transform(full, KEY, true);
        for (int length : new int[] {0, 10, 64, 95, 96, 100, slot(0, 7) + 31, slot(0, 7) + 32, Page.SIZE + 70,
            Page.SIZE + 64 + 32 * 4 - 1, Page.SIZE + 64 + 32 * 4}) {
            byte[] truncated = Arrays.copyOf(full, length);
            byte[] encrypted = EntrySlots.transform(truncated, KEY, true);
            assertThat(encrypted).hasSize(length);
            // everything up to the end of the last complete slot is as in the full image, the rest is raw
            int lastCompleteSlotEnd = 0;
            for (int page = 0; page * Page.SIZE < length; page++) {
                for (int e = 0; e < Page.ENTRY_COUNT; e++) {
                    if (slot(page, e) + 32 <= length) {
                        lastCompleteSlotEnd = slot(page, e) + 32;
                    }
                }
            }
            assertThat(Arrays.copyOf(encrypted, lastCompleteSlotEnd))
                    .isEqualTo(Arrays.copyOf(encryptedFull, lastCompleteSlotEnd));
            assertThat(Arrays.copyOfRange(encrypted, lastCompleteSlotEnd, length))
                    .isEqualTo(Arrays.copyOfRange(truncated, lastCompleteSlotEnd, length));
            assertThat(EntrySlots.transform(encrypted, KEY, false)).as("length %d", length)
                    .isEqualTo(truncated);
        }
    }

    @Test
    void blankImageIsUnchanged() {
        byte[] blank = blankImage(3);
        assertThat(EntrySlots.transform(blank, KEY, true)).isEqualTo(blank);
        assertThat(EntrySlots.transform(blank, KEY, false)).isEqualTo(blank);
    }
}
