package io.github.nvs4j.read.fuzz;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.read.PartitionMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Images built to make a naive emulation of the runtime quadratic (its lists are scanned linearly): thousands of
 * namespaces, thousands of copies of one key, blob indexes and chunks of one key on every page, blobs whose reads
 * fail one after the other. Each must still boot and print in well under a second or two.
 */
class AdversarialImagesTest {

    private static final int PAGES = 256;

    private static void fixed(byte[] b, int page, int entry, int ns, int type, String key, long value) {
        int e = Page.entryOffset(page, entry);
        Entry.putHeader(b, e, ns, ItemType.ofCode(type), 1, 0xFF);
        Entry.putKey(b, e, key.getBytes(StandardCharsets.US_ASCII));
        Bytes.putU64(b, e + 24, value);
        Entry.sealCrc(b, e);
        Page.setEntryState(b, page * Page.SIZE, entry, EntryState.WRITTEN);
    }

    private static void raw(byte[] b, int page, int entry, int ns, int type, int chunk, String key, int size,
                            int extra) {
        int e = Page.entryOffset(page, entry);
        Entry.putHeader(b, e, ns, ItemType.ofCode(type), 1, chunk);
        Entry.putKey(b, e, key.getBytes(StandardCharsets.US_ASCII));
        Bytes.putU32(b, e + 24, size);
        Bytes.putU32(b, e + 28, extra);
        Entry.sealCrc(b, e);
        Page.setEntryState(b, page * Page.SIZE, entry, EntryState.WRITTEN);
    }

    private static byte[] blank() {
        byte[] b = new byte[PAGES * Page.SIZE];
        Arrays.fill(b, (byte) 0xFF);
        for (int p = 0; p < PAGES - 1; p++) {
            Page.writeHeader(b, p * Page.SIZE, p == PAGES - 2 ? PageState.ACTIVE : PageState.FULL, p,
                    Page.VERSION_2);
        }
        return b;
    }

    private static void quickly(byte[] image) {
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            for (PartitionMode mode : PartitionMode.values()) {
                DeviceView view = NvsReader.boot(image, mode);
                assertThat(view.toJson()).endsWith("}\n");
                try {
                    view.toModel();
                } catch (io.github.nvs4j.NvsFormatException tooManyForTheModel) {
                    assertThat(tooManyForTheModel.page()).isNotNegative();
                }
            }
        });
    }

    @Test
    void manyNamespacesAndItems() {
        byte[] b = blank();
        for (int p = 0; p < PAGES - 1; p++) {
            for (int i = 0; i < Page.ENTRY_COUNT; i++) {
                if (i % 2 == 0) {
                    fixed(b, p, i, 0, 0x01, "n" + (p * 63 + i / 2), 1 + (i / 2) % 250);
                } else {
                    fixed(b, p, i, 1 + (i / 2) % 250, 0x01, "k" + i, i);
                }
            }
        }
        quickly(b);
    }

    @Test
    void thousandsOfCopiesOfOneKeyWithTwoTypes() {
        byte[] b = blank();
        fixed(b, 0, 0, 0, 0x01, "ns", 1);
        for (int p = 0; p < PAGES - 1; p++) {
            for (int i = p == 0 ? 1 : 0; i < Page.ENTRY_COUNT; i++) {
                fixed(b, p, i, 1, p < PAGES / 2 ? 0x01 : 0x02, "k", i);
            }
        }
        quickly(b);
    }

    @Test
    void blobIndexesAndChunksOfOneKeyEverywhere() {
        byte[] b = blank();
        fixed(b, 0, 0, 0, 0x01, "ns", 1);
        for (int p = 0; p < PAGES - 1; p++) {
            for (int i = p == 0 ? 1 : 0; i < Page.ENTRY_COUNT; i++) {
                if (i % 2 == 0) {
                    raw(b, p, i, 1, 0x48, 0xFF, "blob", 0, (i % 3) << 8 | (i % 2 == 0 ? 0 : 0x80) << 8);
                } else {
                    // empty chunks: span 1, data CRC of no bytes
                    raw(b, p, i, 1, 0x42, i % 5 == 0 ? 0x80 : i % 3, "blob", 0xFFFF0000, NvsCrc.of(b, 0, 0));
                }
            }
        }
        quickly(b);
    }

    @Test
    void manyBlobsWhoseReadsFail() {
        // index of 2 chunks, chunks 0 and 5: counts agree at boot, chunk 5 is then an orphan, and reading the
        // blob misses chunk 1, which erases the whole blob (a walk over every chunk of the key)
        byte[] b = blank();
        fixed(b, 0, 0, 0, 0x01, "ns", 1);
        int key = 0;
        for (int p = 0; p < PAGES - 1; p++) {
            for (int i = p == 0 ? 1 : 0; i + 2 < Page.ENTRY_COUNT; i += 3) {
                String k = "b" + key++;
                raw(b, p, i, 1, 0x42, 0, k, 0xFFFF0000, NvsCrc.of(b, 0, 0));
                raw(b, p, i + 1, 1, 0x42, 5, k, 0xFFFF0000, NvsCrc.of(b, 0, 0));
                raw(b, p, i + 2, 1, 0x48, 0xFF, k, 0, 0xFFFF0002);
            }
        }
        quickly(b);
    }
}
