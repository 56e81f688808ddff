package io.github.nvs4j.check;

import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Images built to make a checker do as much work as possible (issue "read like the device": no unbounded work driven
 * by the image): a 1 MiB partition whose 32,130 entries all carry the same key. nvs_tool.py compares every entry of
 * a key with every other, and so did the checker's duplicate filters: about a billion comparisons, and a message
 * per duplicate naming all 32,129 others. The check must now finish within a few seconds and keep its messages
 * short. (On this project's 2-vCPU VM each case takes well under a second; the bound leaves room for slow CI.)
 */
class HostileImagesTest {

    private static final int PAGES = 256; // 1 MiB
    private static final int FULL_PAGES = PAGES - 1; // one spare page
    private static final int ENTRIES = FULL_PAGES * Page.ENTRY_COUNT;
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Every entry: u8 "k" in namespace 1. */
    @Test
    void oneKeyEverywhere() {
        byte[] image = fill(slot -> fixed(slot, 1, ItemType.U8, "k", slot & 0xFF));
        CheckReport report = checkWithinBound(image);
        // nvs_tool.py's duplicate check flags every one of them
        assertThat(report.withCode(FindingCode.DUPLICATE_KEY)).hasSize(ENTRIES);
        assertShortMessages(report);
        assertThat(report.withCode(FindingCode.DUPLICATE_KEY).get(0).message())
                .contains("and " + (ENTRIES - 1 - 8) + " more");
    }

    /** Every entry: a blob chunk of key "k" in namespace 1, chunk indexes cycling through 0…254. */
    @Test
    void oneBlobKeyEverywhere() {
        byte[] image = fill(slot -> chunkHeaderOnly(slot, 1, "k", slot % 255));
        CheckReport report = checkWithinBound(image);
        // chunks of one chunk index are duplicates of each other; there is no index for any of them
        assertThat(report.withCode(FindingCode.DUPLICATE_KEY)).hasSize(ENTRIES);
        assertThat(report.withCode(FindingCode.BLOB_CHUNK_WITHOUT_INDEX)).hasSize(ENTRIES);
        assertShortMessages(report);
    }

    /** Every entry: key "k", alternately a blob index of 255 chunks and a chunk, in namespaces 1 to 200. */
    @Test
    void blobIndexesAndChunksOfOneKey() {
        byte[] image = fill(slot -> {
            int ns = 1 + slot % 200;
            if (slot % 2 == 0) {
                blobIndex(slot, ns, "k", 255 * 4000, 255, 0);
            } else {
                chunkHeaderOnly(slot, ns, "k", slot % 300);
            }
        });
        CheckReport report = checkWithinBound(image);
        assertThat(report.withCode(FindingCode.DUPLICATE_KEY)).isNotEmpty();
        assertShortMessages(report);
    }

    /** Every entry: a namespace definition of the same name, with indexes cycling through 1…254. */
    @Test
    void oneNamespaceNameEverywhere() {
        byte[] image = fill(slot -> fixed(slot, 0, ItemType.U8, "ns", 1 + slot % 254));
        CheckReport report = checkWithinBound(image);
        assertThat(report.withCode(FindingCode.DUPLICATE_KEY)).hasSize(ENTRIES);
        assertShortMessages(report);
    }

    /** Every entry fails its CRC: every boot repair meets a format finding at the same place. */
    @Test
    void everyEntryCorrupt() {
        byte[] image = fill(slot -> {
            fixed(slot, 1, ItemType.U8, "k" + slot, 1);
            image()[Page.entryOffset(slot / Page.ENTRY_COUNT, slot % Page.ENTRY_COUNT) + 4] ^= 1;
        });
        CheckReport report = checkWithinBound(image);
        assertThat(report.withCode(FindingCode.ENTRY_CRC)).isNotEmpty();
    }

    // ---- building ----

    private byte[] current;

    private byte[] image() {
        return current;
    }

    /** Writes FULL page headers on all pages but the last and calls {@code entry} for every slot, in order. */
    private byte[] fill(IntConsumer entry) {
        current = new byte[PAGES * Page.SIZE];
        Arrays.fill(current, (byte) 0xFF);
        for (int p = 0; p < FULL_PAGES; p++) {
            Page.writeHeader(current, Page.offset(p), PageState.FULL, p, Page.VERSION_2);
        }
        for (int slot = 0; slot < ENTRIES; slot++) {
            entry.accept(slot);
        }
        return current;
    }

    private void fixed(int slot, int ns, ItemType type, String key, long value) {
        int p = slot / Page.ENTRY_COUNT;
        int e = Page.entryOffset(p, slot % Page.ENTRY_COUNT);
        Entry.putHeader(current, e, ns, type, 1, 0xFF);
        Entry.putKey(current, e, key.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 8; i++) {
            current[e + 24 + i] = i < type.width() ? (byte) (value >>> (8 * i)) : (byte) 0xFF;
        }
        seal(slot, e);
    }

    /** A blob chunk header of span 1 and size 0 (so that every entry can be one). */
    private void chunkHeaderOnly(int slot, int ns, String key, int chunk) {
        int e = Page.entryOffset(slot / Page.ENTRY_COUNT, slot % Page.ENTRY_COUNT);
        Entry.putHeader(current, e, ns, ItemType.BLOB_DATA, 1, chunk & 0xFF);
        Entry.putKey(current, e, key.getBytes(StandardCharsets.UTF_8));
        Arrays.fill(current, e + 24, e + 32, (byte) 0);
        current[e + 26] = (byte) 0xFF;
        current[e + 27] = (byte) 0xFF;
        seal(slot, e);
    }

    private void blobIndex(int slot, int ns, String key, int size, int chunks, int start) {
        int e = Page.entryOffset(slot / Page.ENTRY_COUNT, slot % Page.ENTRY_COUNT);
        Entry.putHeader(current, e, ns, ItemType.BLOB_IDX, 1, 0xFF);
        Entry.putKey(current, e, key.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 4; i++) {
            current[e + 24 + i] = (byte) (size >>> (8 * i));
        }
        current[e + 28] = (byte) chunks;
        current[e + 29] = (byte) start;
        current[e + 30] = (byte) 0xFF;
        current[e + 31] = (byte) 0xFF;
        seal(slot, e);
    }

    private void seal(int slot, int e) {
        Entry.sealCrc(current, e);
        Page.setEntryState(current, Page.offset(slot / Page.ENTRY_COUNT), slot % Page.ENTRY_COUNT,
                EntryState.WRITTEN);
    }

    // ---- checking ----

    private static CheckReport checkWithinBound(byte[] image) {
        CheckReport report = assertTimeoutPreemptively(BOUND, () -> IntegrityChecker.check(image));
        DeviceView view = assertTimeoutPreemptively(BOUND, () -> NvsReader.boot(image));
        assertThat(view.repairs()).isNotNull();
        assertThat(assertTimeoutPreemptively(BOUND, report::toText)).isNotEmpty();
        return report;
    }

    /** No message names more than a handful of other entries. */
    private static void assertShortMessages(CheckReport report) {
        for (Finding f : report.findings()) {
            assertThat(f.message().length()).as(f.code() + " message length").isLessThan(1000);
        }
    }
}
