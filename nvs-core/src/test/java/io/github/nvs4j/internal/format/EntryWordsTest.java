package io.github.nvs4j.internal.format;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries written whole from words ({@link Entry#putSealed}) against the spec's worked example and the byte path. */
class EntryWordsTest {

    @Test
    void workedExampleCount() {
        // docs/nvs-format.md §2.3: namespace 1, U8, span 1, no chunk, key "count", value 42 -> CRC 0x0178D064
        byte[] b = new byte[32];
        long data = 0x2AL | 0xFFFF_FFFF_FFFF_FF00L;
        Entry.putSealed(b, 0, Entry.headWord(1, ItemType.U8, 1, Entry.NO_CHUNK), KeyField.word("count", 0),
                KeyField.word("count", 8), data);
        assertThat(HexFormat.of().formatHex(b)).isEqualTo(
                "010101ff64d07801" + "636f756e740000000000000000000000" + "2affffffffffffff");
    }

    @Test
    void wordsGiveTheSameBytesAsTheFieldByFieldPath() {
        SplittableRandom random = new SplittableRandom(3);
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789_.";
        for (int n = 0; n < 2000; n++) {
            StringBuilder key = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                key.append(chars.charAt(random.nextInt(chars.length())));
            }
            int ns = random.nextInt(256);
            int span = 1 + random.nextInt(126);
            int chunk = random.nextInt(256);
            long data = random.nextLong();
            ItemType type = ItemType.values()[random.nextInt(ItemType.values().length)];

            byte[] expected = new byte[32];
            Entry.putHeader(expected, 0, ns, type, span, chunk);
            KeyField.put(expected, 0, key.toString());
            Bytes.putU64(expected, 24, data);
            Entry.sealCrc(expected, 0);

            assertThat(KeyField.isShortAscii(key.toString())).isTrue();
            byte[] actual = new byte[32];
            Entry.putSealed(actual, 0, Entry.headWord(ns, type, span, chunk), KeyField.word(key.toString(), 0),
                    KeyField.word(key.toString(), 8), data);
            assertThat(actual).as("key %s", key).isEqualTo(expected);
        }
        assertThat(KeyField.isShortAscii("a".repeat(16))).isFalse();
        assertThat(KeyField.isShortAscii("é")).isFalse();
    }
}
