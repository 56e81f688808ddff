package io.github.nvs4j.internal.runtime;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;

/**
 * What the runtime checks and computes on a 32-byte item header, read in place from the image: the header
 * consistency rules of nvs-format.md §2.7 ({@code Item::checkHeaderConsistency}), the entry CRC and the 24-bit
 * item hash of §7.7. The CRCs here use the table-driven {@code nvs_crc} of {@link NvsCrc} for the short, fixed
 * inputs of a header, which avoids a call into {@link java.util.zip.CRC32} per entry on the hot path.
 */
final class ItemHeader {

    /** The header passes every check. */
    static final int VALID = 0;
    /** The stored entry CRC does not match. */
    static final int BAD_CRC = 1;
    /** The type byte names no type the runtime knows. */
    static final int UNKNOWN_TYPE = 2;
    /** Span, size or chunk index contradict the type or the entry's position. */
    static final int INCONSISTENT = 3;

    static final int T_U8 = 0x01;
    static final int T_I8 = 0x11;
    static final int T_U16 = 0x02;
    static final int T_I16 = 0x12;
    static final int T_U32 = 0x04;
    static final int T_I32 = 0x14;
    static final int T_U64 = 0x08;
    static final int T_I64 = 0x18;
    static final int T_FLOAT = 0x24;
    static final int T_DOUBLE = 0x28;
    static final int T_SZ = 0x21;
    static final int T_BLOB = 0x41;
    static final int T_BLOB_DATA = 0x42;
    static final int T_BLOB_IDX = 0x48;
    /** {@code ItemType::ANY}: matches every type in a lookup. */
    static final int T_ANY = 0xFF;

    /** Largest total size a blob index may record: 127 chunks of 125 entries of 32 bytes. */
    static final long MAX_BLOB_INDEX_SIZE = 127L * (Page.ENTRY_COUNT - 1) * Page.ENTRY_SIZE;

    private ItemHeader() {
    }

    /**
     * @param type a type byte
     * @return whether items of that type carry a payload in the entries after the header
     */
    static boolean isVariableLength(int type) {
        return type == T_SZ || type == T_BLOB || type == T_BLOB_DATA;
    }

    /**
     * @param type a type byte
     * @return whether it is one of the ten fixed-size types (integers, float, double)
     */
    static boolean isFixedSize(int type) {
        return switch (type) {
            case T_U8, T_I8, T_U16, T_I16, T_U32, T_I32, T_U64, T_I64, T_FLOAT, T_DOUBLE -> true;
            default -> false;
        };
    }

    /** Feeds {@code len} bytes into the register {@code c} (the shared slicing-by-8 tables). */
    private static int update(int c, byte[] b, int off, int len) {
        return NvsCrc.update(c, b, off, len);
    }

    private static int update(int c, int oneByte) {
        return NvsCrc.update(c, oneByte);
    }

    /**
     * @param b image
     * @param e entry offset
     * @return the entry CRC over bytes 0..3 and 8..31 ({@code Item::calculateCrc32})
     */
    static int entryCrc(byte[] b, int e) {
        return NvsCrc.entry(b, e);
    }

    /**
     * @param b image
     * @param e entry offset
     * @return the 24-bit hash of the entry as stored: namespace, the 16 raw key bytes, chunk index
     */
    static int storedHash(byte[] b, int e) {
        int c = update(0, b[e]);
        c = update(c, b, e + 8, 16);
        return ~update(c, b[e + 3]) & 0xFFFFFF;
    }

    /**
     * @param ns namespace index of the lookup
     * @param key the lookup key, normalised to 16 bytes (at most 15 bytes of key, then zeros)
     * @param chunkIndex chunk index of the lookup
     * @return the 24-bit hash a lookup for these values starts from
     */
    static int lookupHash(int ns, byte[] key, int chunkIndex) {
        int c = update(0, ns);
        c = update(c, key, 0, 16);
        return ~update(c, chunkIndex) & 0xFFFFFF;
    }

    /**
     * Applies nvs-format.md §2.7 to the header of entry {@code index} of a page.
     *
     * @param b image
     * @param e entry offset
     * @param index the entry's index in its page, 0…125
     * @return {@link #VALID}, {@link #BAD_CRC}, {@link #UNKNOWN_TYPE} or {@link #INCONSISTENT}
     */
    static int check(byte[] b, int e, int index) {
        return check(b, e, index, Bytes.u32(b, e + 4) == entryCrc(b, e));
    }

    /**
     * {@link #check(byte[], int, int)} with the entry CRC's verdict already known.
     *
     * @param crcValid whether the stored entry CRC matches
     */
    static int check(byte[] b, int e, int index, boolean crcValid) {
        if (!crcValid) {
            return BAD_CRC;
        }
        int type = b[e + 1] & 0xFF;
        int span = b[e + 2] & 0xFF;
        int chunk = b[e + 3] & 0xFF;
        if (isFixedSize(type)) {
            return span == 1 ? VALID : INCONSISTENT;
        }
        if (type == T_BLOB_IDX) {
            long size = Bytes.u32(b, e + 24) & 0xFFFF_FFFFL;
            return span == 1 && chunk == 0xFF && size <= MAX_BLOB_INDEX_SIZE ? VALID : INCONSISTENT;
        }
        if (isVariableLength(type)) {
            if (type == T_BLOB_DATA && chunk == 0xFF) {
                return INCONSISTENT;
            }
            int left = Page.ENTRY_COUNT - index;
            int size = Bytes.u16(b, e + 24);
            boolean ok = size <= (left - 1) * Page.ENTRY_SIZE && span <= left
                    && span == 1 + (size + Page.ENTRY_SIZE - 1) / Page.ENTRY_SIZE;
            return ok ? VALID : INCONSISTENT;
        }
        return UNKNOWN_TYPE;
    }

    /**
     * @param b image
     * @param e entry offset
     * @param index the entry's index in its page
     * @param problem a result of {@link #check}
     * @return a sentence saying why the header was rejected
     */
    static String describe(byte[] b, int e, int index, int problem) {
        int type = b[e + 1] & 0xFF;
        int span = b[e + 2] & 0xFF;
        return switch (problem) {
            case BAD_CRC -> String.format("entry header CRC is 0x%08x but the header hashes to 0x%08x",
                    Bytes.u32(b, e + 4), entryCrc(b, e));
            case UNKNOWN_TYPE -> String.format("type byte 0x%02x names no NVS type", type);
            default -> {
                if (type == T_BLOB_IDX) {
                    yield String.format("blob index with span %d, chunk index 0x%02x and size %d (needs span 1, "
                            + "chunk index 0xff, size at most %d)", span, b[e + 3] & 0xFF,
                            Bytes.u32(b, e + 24) & 0xFFFF_FFFFL, MAX_BLOB_INDEX_SIZE);
                }
                if (isVariableLength(type)) {
                    yield String.format("type 0x%02x with span %d, size %d and chunk index 0x%02x does not fit "
                            + "entry %d (span must be 1 + ceil(size / 32) and end inside the page)", type, span,
                            Bytes.u16(b, e + 24), b[e + 3] & 0xFF, index);
                }
                yield String.format("type 0x%02x with span %d (a fixed-size item has span 1)", type, span);
            }
        };
    }
}
