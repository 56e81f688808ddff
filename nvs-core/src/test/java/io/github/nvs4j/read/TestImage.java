package io.github.nvs4j.read;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds NVS images entry by entry from the byte layout of nvs-format.md §1–§2 (through the format primitives only),
 * so that tests can set up exactly the situation a rule of §7 talks about.
 */
final class TestImage {

    private final byte[] b;

    TestImage(int pages) {
        b = new byte[pages * Page.SIZE];
        Arrays.fill(b, (byte) 0xFF);
    }

    /** Writes a page header (format 2). */
    TestImage page(int page, PageState state, int seq) {
        Page.writeHeader(b, page * Page.SIZE, state, seq, Page.VERSION_2);
        return this;
    }

    /** Overwrites a page's state word only (it is not covered by the header CRC). */
    TestImage stateWord(int page, int word) {
        Bytes.putU32(b, page * Page.SIZE, word);
        return this;
    }

    TestImage pair(int page, int entry, EntryState state) {
        Page.setEntryState(b, page * Page.SIZE, entry, state);
        return this;
    }

    /** A namespace definition: U8 in namespace 0 whose value is the index. */
    TestImage namespace(int page, int entry, String name, int index) {
        return fixed(page, entry, 0, ItemType.U8, name, index);
    }

    /** A fixed-size item with the value's low bytes little-endian, unused bytes 0xFF, chunk index 0xFF. */
    TestImage fixed(int page, int entry, int ns, ItemType type, String key, long value) {
        int e = Page.entryOffset(page, entry);
        Entry.putHeader(b, e, ns, type, 1, 0xFF);
        Entry.putKey(b, e, key.getBytes(StandardCharsets.UTF_8));
        Arrays.fill(b, e + 24, e + 32, (byte) 0xFF);
        for (int i = 0; i < type.width(); i++) {
            b[e + 24 + i] = (byte) (value >>> (8 * i));
        }
        Entry.sealCrc(b, e);
        return pair(page, entry, EntryState.WRITTEN);
    }

    /** A string with its terminating NUL; returns the builder. */
    TestImage string(int page, int entry, int ns, String key, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        byte[] payload = Arrays.copyOf(text, text.length + 1);
        return variable(page, entry, ns, ItemType.SZ, key, 0xFF, payload);
    }

    /** A blob chunk (BLOB_DATA) or a legacy blob (BLOB) with its payload. */
    TestImage variable(int page, int entry, int ns, ItemType type, String key, int chunk, byte[] payload) {
        int e = Page.entryOffset(page, entry);
        int span = Entry.spanOf(payload.length);
        Entry.putHeader(b, e, ns, type, span, chunk);
        Entry.putKey(b, e, key.getBytes(StandardCharsets.UTF_8));
        Bytes.putU16(b, e + 24, payload.length);
        Bytes.putU16(b, e + 26, 0xFFFF);
        Bytes.putU32(b, e + 28, NvsCrc.of(payload, 0, payload.length));
        Entry.sealCrc(b, e);
        System.arraycopy(payload, 0, b, e + 32, payload.length);
        for (int i = 0; i < span; i++) {
            pair(page, entry + i, EntryState.WRITTEN);
        }
        return this;
    }

    /** A blob index. */
    TestImage blobIndex(int page, int entry, int ns, String key, int size, int chunks, int chunkStart) {
        int e = Page.entryOffset(page, entry);
        Entry.putHeader(b, e, ns, ItemType.BLOB_IDX, 1, 0xFF);
        Entry.putKey(b, e, key.getBytes(StandardCharsets.UTF_8));
        Bytes.putU32(b, e + 24, size);
        b[e + 28] = (byte) chunks;
        b[e + 29] = (byte) chunkStart;
        Bytes.putU16(b, e + 30, 0xFFFF);
        Entry.sealCrc(b, e);
        return pair(page, entry, EntryState.WRITTEN);
    }

    /** Sets one raw byte (the CRC is not recomputed). */
    TestImage poke(int offset, int value) {
        b[offset] = (byte) value;
        return this;
    }

    /** Recomputes the entry CRC after a change. */
    TestImage reseal(int page, int entry) {
        Entry.sealCrc(b, Page.entryOffset(page, entry));
        return this;
    }

    byte[] bytes() {
        return b.clone();
    }
}
