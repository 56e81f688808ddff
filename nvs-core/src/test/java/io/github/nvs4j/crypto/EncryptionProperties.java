package io.github.nvs4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.testing.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trips and position binding of the image transform, on random images and on the recorded ones. */
class EncryptionProperties {

    private static NvsKeys keys(long seed) {
        byte[] key = new byte[64];
        new Random(seed).nextBytes(key);
        return NvsKeys.of(key);
    }

    /**
     * A random image: initialised pages with random bitmaps, whose slots hold what each state allows on a device
     * (written: anything, blank or zero included; erased: old bytes or purged zeros; empty: blank, or half-written
     * bytes), blank pages, and sometimes a truncated tail.
     */
    static byte[] randomImage(long seed) {
        Random random = new Random(seed);
        int pages = 1 + random.nextInt(5);
        byte[] image = new byte[pages * Page.SIZE];
        Arrays.fill(image, (byte) 0xFF);
        for (int page = 0; page < pages; page++) {
            int p = Page.offset(page);
            if (random.nextInt(4) == 0) {
                continue; // blank page
            }
            PageState state = random.nextBoolean() ? PageState.FULL : PageState.ACTIVE;
            Page.writeHeader(image, p, state, page, Page.VERSION_2);
            for (int entry = 0; entry < Page.ENTRY_COUNT; entry++) {
                int slot = Page.entryOffset(page, entry);
                EntryState es = EntryState.values()[random.nextInt(4)];
                Page.setEntryState(image, p, entry, es);
                int pick = random.nextInt(10);
                if (es == EntryState.EMPTY && pick < 8) {
                    continue; // blank
                }
                if (pick == 0) {
                    Arrays.fill(image, slot, slot + 32, (byte) 0x00);
                } else if (pick == 1 && es != EntryState.EMPTY) {
                    Arrays.fill(image, slot, slot + 32, (byte) 0xFF);
                } else {
                    byte[] content = new byte[32];
                    random.nextBytes(content);
                    System.arraycopy(content, 0, image, slot, 32);
                }
            }
        }
        if (random.nextInt(4) == 0) {
            image = Arrays.copyOf(image, random.nextInt(image.length + 1));
        }
        return image;
    }

    private static List<Path> recordedPlainImages() {
        try (Stream<Path> cases = Files.list(TestData.path("conformance"))) {
            return cases.map(c -> c.resolve("expected.bin"))
                    .filter(Files::exists)
                    .filter(p -> !p.getParent().getFileName().toString().startsWith("encrypt_"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> images() {
        List<Path> recorded = recordedPlainImages();
        Arbitrary<byte[]> fromCorpus = Arbitraries.of(recorded).map(p -> {
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Arbitraries.oneOf(Arbitraries.longs().map(EncryptionProperties::randomImage), fromCorpus);
    }

    @Property(tries = 200)
    void decryptUndoesEncrypt(@ForAll("images") byte[] image, @ForAll long keySeed) {
        NvsKeys keys = keys(keySeed);
        byte[] copy = image.clone();
        byte[] encrypted = NvsEncryption.encrypt(image, keys);
        assertThat(image).isEqualTo(copy);
        assertThat(encrypted).hasSize(image.length);
        assertThat(NvsEncryption.decrypt(encrypted, keys)).isEqualTo(image);
    }

    @Property(tries = 200)
    void encryptUndoesDecrypt(@ForAll("images") byte[] image, @ForAll long keySeed) {
        NvsKeys keys = keys(keySeed);
        assertThat(NvsEncryption.encrypt(NvsEncryption.decrypt(image, keys), keys)).isEqualTo(image);
    }

    @Property(tries = 100)
    void headersBitmapsBlankAndPurgedSlotsStayPlainWrittenSlotsChange(@ForAll("images") byte[] image,
                                                                      @ForAll long keySeed) {
        byte[] encrypted = NvsEncryption.encrypt(image, keys(keySeed));
        for (int p = 0; p < image.length; p += Page.SIZE) {
            int headerEnd = Math.min(image.length, p + Page.FIRST_ENTRY_OFFSET);
            assertThat(Arrays.copyOfRange(encrypted, p, headerEnd)).isEqualTo(Arrays.copyOfRange(image, p, headerEnd));
            for (int entry = 0; entry < Page.ENTRY_COUNT; entry++) {
                int slot = p + Page.FIRST_ENTRY_OFFSET + entry * Page.ENTRY_SIZE;
                if (slot + Page.ENTRY_SIZE > image.length) {
                    break;
                }
                byte[] before = Arrays.copyOfRange(image, slot, slot + 32);
                byte[] after = Arrays.copyOfRange(encrypted, slot, slot + 32);
                boolean written = Page.entryState(image, p, entry) == EntryState.WRITTEN;
                boolean blank = isAll(before, 0xFF) || isAll(before, 0x00);
                if (written || !blank) {
                    assertThat(after).as("slot 0x%x", slot).isNotEqualTo(before);
                } else {
                    assertThat(after).as("slot 0x%x", slot).isEqualTo(before);
                }
            }
        }
    }

    /** The tweak binds each entry to its position: moved ciphertext does not decrypt to what was moved. */
    @Property(tries = 200)
    void swappingTwoEncryptedEntriesBreaksBoth(@ForAll @IntRange(min = 0, max = 33) int a,
                                               @ForAll @IntRange(min = 0, max = 33) int b,
                                               @ForAll long keySeed) {
        Assume.that(a != b);
        byte[] plain = TestData.bytes("conformance/encrypt_inputkey/expected-decrypted.bin"); // entries 0-33 written
        NvsKeys keys = keys(keySeed);
        byte[] encrypted = NvsEncryption.encrypt(plain, keys);
        int sa = Page.entryOffset(0, a);
        int sb = Page.entryOffset(0, b);
        byte[] swapped = encrypted.clone();
        System.arraycopy(encrypted, sa, swapped, sb, 32);
        System.arraycopy(encrypted, sb, swapped, sa, 32);

        byte[] decrypted = NvsEncryption.decrypt(swapped, keys);
        byte[] plainA = Arrays.copyOfRange(plain, sa, sa + 32);
        byte[] plainB = Arrays.copyOfRange(plain, sb, sb + 32);
        assertThat(Arrays.copyOfRange(decrypted, sa, sa + 32)).isNotEqualTo(plainB).isNotEqualTo(plainA);
        assertThat(Arrays.copyOfRange(decrypted, sb, sb + 32)).isNotEqualTo(plainA).isNotEqualTo(plainB);
        // every other entry is untouched by the swap
        byte[] rest = decrypted.clone();
        System.arraycopy(plain, sa, rest, sa, 32);
        System.arraycopy(plain, sb, rest, sb, 32);
        assertThat(rest).isEqualTo(plain);
    }

    private static boolean isAll(byte[] b, int value) {
        for (byte x : b) {
            if (x != (byte) value) {
                return false;
            }
        }
        return true;
    }
}
