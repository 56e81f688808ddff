package io.github.nvs4j.check;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.testing.TestData;

/**
 * Byte edits on a copy of a recorded image, as the conformance cases describe them: change bytes, then recompute the
 * entry or page header CRC with {@code NvsCrc} where the edit requires it ("CRC fixed").
 */
final class Mutation {

    /**
     * The base image of the check cases: 0x3000, page 0 ACTIVE with namespace {@code check} (entry 0, index 1),
     * u8 {@code a} (1), u16 {@code b} (2), i32 {@code c} (3), string {@code s} (4, span 2), blob chunk {@code bl}
     * (6, span 3), blob index {@code bl} (9), namespace {@code other} (10, index 2), u8 {@code x} (11, namespace 2);
     * pages 1 and 2 blank.
     */
    static final String CLEAN = "conformance/check-clean/image.bin";

    final byte[] image;

    private Mutation(byte[] image) {
        this.image = image;
    }

    static Mutation of(String relative) {
        return new Mutation(TestData.bytes(relative));
    }

    static int entryOffset(int page, int entry) {
        return Page.entryOffset(page, entry);
    }

    /** Sets one byte of an entry and reseals the entry CRC. */
    Mutation entryByte(int page, int entry, int offset, int value) {
        int e = entryOffset(page, entry);
        image[e + offset] = (byte) value;
        Entry.sealCrc(image, e);
        return this;
    }

    /** Sets a little-endian u32 inside an entry and reseals the entry CRC. */
    Mutation entryU32(int page, int entry, int offset, int value) {
        int e = entryOffset(page, entry);
        Bytes.putU32(image, e + offset, value);
        Entry.sealCrc(image, e);
        return this;
    }

    /** Sets the state word of a page (not covered by the header CRC). */
    Mutation state(int page, int word) {
        Bytes.putU32(image, Page.offset(page), word);
        return this;
    }

    /** Sets the sequence number of a page and reseals its header CRC. */
    Mutation sequence(int page, int sequence) {
        int off = Page.offset(page);
        Bytes.putU32(image, off + 4, sequence);
        Bytes.putU32(image, off + 28, io.github.nvs4j.internal.format.NvsCrc.pageHeader(image, off));
        return this;
    }

    /** Sets the version byte of a page and reseals its header CRC. */
    Mutation version(int page, int version) {
        int off = Page.offset(page);
        image[off + 8] = (byte) version;
        Bytes.putU32(image, off + 28, io.github.nvs4j.internal.format.NvsCrc.pageHeader(image, off));
        return this;
    }

    /** Sets an entry's bitmap pair. */
    Mutation entryState(int page, int entry, EntryState state) {
        int index = Page.offset(page) + Page.BITMAP_OFFSET + (entry >> 2);
        int shift = (entry & 3) << 1;
        image[index] = (byte) ((image[index] & ~(3 << shift)) | (state.bits() << shift));
        return this;
    }

    /** Sets a raw byte anywhere, resealing nothing. */
    Mutation raw(int offset, int value) {
        image[offset] = (byte) value;
        return this;
    }

    CheckReport check() {
        return IntegrityChecker.check(image);
    }
}
