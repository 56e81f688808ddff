package io.github.nvs4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.testing.TestData;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The evidence behind the wrong-key check, on the worked images of the encryption cases. */
class HeaderCensusTest {

    private static byte[] plain() {
        return TestData.bytes("conformance/encrypt_inputkey/expected-decrypted.bin");
    }

    @Test
    void generatorImageHasNineHeadersAllValid() {
        // namespace, u8, i32, string (span 2+), hex blob (chunk + index), file blob (chunk + index), u64
        assertThat(HeaderCensus.of(plain())).isEqualTo(new HeaderCensus(9, 9, 9));
        assertThat(HeaderCensus.of(plain()).looksLikeCiphertext()).isFalse();
    }

    @Test
    void encryptedImageHasNoValidHeaderAndEveryWrittenSlotIsExamined() {
        HeaderCensus census = HeaderCensus.of(TestData.bytes("conformance/encrypt_inputkey/expected.bin"));
        assertThat(census.written()).isEqualTo(34); // entries 0-33 are WRITTEN, none is skipped as payload
        assertThat(census.crcValid()).isZero();
        assertThat(census.recognisable()).isLessThan(2);
        assertThat(census.looksLikeCiphertext()).isTrue();
    }

    @Test
    void damagedCrcStillLooksLikeAHeaderAndKeepsItsSpan() {
        byte[] image = plain();
        // entry 3 is the string header; break its CRC only
        image[Page.entryOffset(0, 3) + 4] ^= 0x55;
        HeaderCensus census = HeaderCensus.of(image);
        assertThat(census).isEqualTo(new HeaderCensus(9, 8, 9));
    }

    @Test
    void garbageHeaderIsNotRecognisableAndItsPayloadIsExaminedEntryByEntry() {
        byte[] image = plain();
        int string = Page.entryOffset(0, 3);
        int span = image[string + 2];
        byte[] garbage = new byte[32];
        new Random(5).nextBytes(garbage);
        garbage[1] = (byte) 0x77; // not a type
        System.arraycopy(garbage, 0, image, string, 32);
        HeaderCensus census = HeaderCensus.of(image);
        assertThat(census.written()).isEqualTo(9 + span - 1);
        assertThat(census.crcValid()).isEqualTo(8);
    }

    @Test
    void onlyDamagedHeadersButMostRecognisableIsNotCiphertext() {
        byte[] image = plain();
        for (int entry = 0; entry < 34; entry++) {
            image[Page.entryOffset(0, entry) + 5] ^= 0x01; // every CRC (and payload) damaged
        }
        HeaderCensus census = HeaderCensus.of(image);
        assertThat(census.crcValid()).isZero();
        assertThat(census.looksLikeCiphertext()).isFalse();
    }

    @Test
    void blankPagesAndNonWrittenSlotsAreIgnored() {
        byte[] image = new byte[2 * Page.SIZE];
        Arrays.fill(image, (byte) 0xFF);
        assertThat(HeaderCensus.of(image)).isEqualTo(new HeaderCensus(0, 0, 0));
        assertThat(HeaderCensus.of(image).looksLikeCiphertext()).isFalse();
        byte[] erased = plain();
        for (int entry = 0; entry < 34; entry++) {
            Page.setEntryState(erased, 0, entry, EntryState.ERASED);
        }
        assertThat(HeaderCensus.of(erased).written()).isZero();
    }

    @Test
    void truncatedImagesAreCountedAsFarAsTheyGo() {
        byte[] image = plain();
        assertThat(HeaderCensus.of(Arrays.copyOf(image, 63))).isEqualTo(new HeaderCensus(0, 0, 0));
        assertThat(HeaderCensus.of(Arrays.copyOf(image, 64 + 32)).written()).isEqualTo(1);
        assertThat(HeaderCensus.of(Arrays.copyOf(image, 64 + 31)).written()).isZero();
    }
}
