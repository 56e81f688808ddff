package io.github.nvs4j.internal.check;

import io.github.nvs4j.internal.format.Bytes;
import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.internal.format.Page;
import java.util.Arrays;

/**
 * How ESP-IDF's {@code nvs_tool.py} ({@code nvs_parser.py}) sees an image, section 11.3 of {@code docs/nvs-format.md}.
 * This is deliberately <em>not</em> the device's view: it reproduces another tool so that nvs4j can report what that
 * tool reports and print what it prints. The runtime's view of an image belongs to the reader.
 *
 * <p>The parser cuts the image into whole 4096-byte pages (a trailing partial page is ignored here; the tool refuses
 * such an image) and walks the 126 entries of <em>every</em> page by spans, whatever the page or entry state says:
 * an entry whose span byte is 0 or 0xFF counts as span 1, and the entries a span covers become the "children" of the
 * entry that starts it (cut at the page end). Only the entries that start a span ("heads") are examined as entries.
 * Keys are decoded by dropping trailing NULs and mapping each byte to the character of the same code (Latin-1), so
 * bytes after an inner NUL show up. FLOAT and DOUBLE are unknown types to the tool.
 *
 * <p>The only allocation is the list of heads; every field is read in place from the image.
 */
public final class ToolParse {

    private static final byte[] BLANK_PAGE = blankPage();

    /** Sentinel of {@link #dataComputed}: the tool crashes computing it (a fixed-size type with a span above 1). */
    public static final long CRASH = -1L;

    private final byte[] image;
    private final CrcVerdicts crcs;
    private final int pageCount;
    private final int[] headStart;
    private final byte[] heads;
    private final int writtenHeads;

    private ToolParse(byte[] image, CrcVerdicts crcs) {
        this.image = image;
        this.crcs = crcs;
        this.pageCount = image.length / Page.SIZE;
        this.headStart = new int[pageCount + 1];
        byte[] buffer = new byte[pageCount * Page.ENTRY_COUNT];
        int n = 0;
        int written = 0;
        for (int p = 0; p < pageCount; p++) {
            headStart[p] = n;
            int bitmap = Page.offset(p) + Page.BITMAP_OFFSET;
            int i = 0;
            while (i < Page.ENTRY_COUNT) {
                buffer[n++] = (byte) i;
                if (((image[bitmap + (i >> 2)] >> ((i & 3) << 1)) & 3) == 2) { // the pair of a WRITTEN entry
                    written++;
                }
                i += effectiveSpan(p, i);
            }
        }
        headStart[pageCount] = n;
        this.heads = buffer;
        this.writtenHeads = written;
    }

    /**
     * @param image the image (not copied; must not change while the result is used)
     * @return the tool's parse of the image's whole pages
     */
    public static ToolParse of(byte[] image) {
        return new ToolParse(image, new CrcVerdicts(image));
    }

    /**
     * @param crcs the CRC verdicts of the image, shared with other checks (the image is {@link CrcVerdicts#image()};
     *     not copied, must not change while the result is used)
     * @return the tool's parse of the image's whole pages
     */
    public static ToolParse of(CrcVerdicts crcs) {
        return new ToolParse(crcs.image(), crcs);
    }

    /** @return the image */
    public byte[] image() {
        return image;
    }

    /** @return the number of whole pages */
    public int pageCount() {
        return pageCount;
    }

    // ---- pages ----

    /**
     * @param page a physical page index
     * @return the status name the tool gives the page's state word: {@code Empty}, {@code Active}, {@code Full},
     *     {@code Erasing}, {@code Corrupted} (0x00000000) or {@code Invalid} (anything else)
     */
    public String status(int page) {
        return switch (Page.stateWord(image, Page.offset(page))) {
            case 0xFFFFFFFF -> "Empty";
            case 0xFFFFFFFE -> "Active";
            case 0xFFFFFFFC -> "Full";
            case 0xFFFFFFF8 -> "Erasing";
            case 0x00000000 -> "Corrupted";
            default -> "Invalid";
        };
    }

    /**
     * @param page a physical page index
     * @return whether the tool calls the page {@code Empty} (state word 0xFFFFFFFF), whatever the rest holds
     */
    public boolean isStatusEmpty(int page) {
        return Page.stateWord(image, Page.offset(page)) == 0xFFFFFFFF;
    }

    /**
     * @param page a physical page index
     * @return the sequence number as the tool prints it ({@code page_index}), unsigned
     */
    public long sequence(int page) {
        return Page.sequence(image, Page.offset(page)) & 0xFFFF_FFFFL;
    }

    /**
     * @param page a physical page index
     * @return whether the 32-byte entry state bitmap is all 0xFF
     */
    public boolean isBitmapBlank(int page) {
        return isBlank(image, Page.offset(page) + Page.BITMAP_OFFSET, 32);
    }

    // ---- the walk ----

    /** @return how many heads of all pages are WRITTEN in their page's bitmap */
    public int writtenHeadCount() {
        return writtenHeads;
    }

    /**
     * @param page a physical page index
     * @return how many entries of the page start a span
     */
    public int headCount(int page) {
        return headStart[page + 1] - headStart[page];
    }

    /**
     * @param page a physical page index
     * @param k 0 … {@link #headCount}−1
     * @return the entry index of the k-th head of the page
     */
    public int head(int page, int k) {
        return heads[headStart[page] + k];
    }

    // ---- entries ----

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the entry's offset in the image
     */
    public int entryOffset(int page, int entry) {
        return Page.entryOffset(page, entry);
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the entry's state in the bitmap
     */
    public EntryState state(int page, int entry) {
        return Page.entryState(image, Page.offset(page), entry);
    }

    /**
     * @param state a bitmap state
     * @return the name the tool prints: {@code Empty}, {@code Written}, {@code Erased} or {@code Invalid}
     */
    public static String stateName(EntryState state) {
        return switch (state) {
            case EMPTY -> "Empty";
            case WRITTEN -> "Written";
            case ERASED -> "Erased";
            case ILLEGAL -> "Invalid";
        };
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return whether all 32 bytes of the entry are 0xFF (the tool's {@code is_empty})
     */
    public boolean isBlank(int page, int entry) {
        int e = entryOffset(page, entry);
        // most entries differ from 0xFF in their first eight bytes: decide those without the general comparison
        return Bytes.u64(image, e) == -1L && isBlank(image, e, Page.ENTRY_SIZE);
    }

    /**
     * @param page a physical page index
     * @param from the first entry index
     * @param count how many entries
     * @return whether all these entries are WRITTEN in the page's bitmap
     */
    public boolean allWritten(int page, int from, int count) {
        int bitmap = Page.offset(page) + Page.BITMAP_OFFSET;
        for (int i = from; i < from + count; i++) {
            if (((image[bitmap + (i >> 2)] >> ((i & 3) << 1)) & 3) != EntryState.WRITTEN.bits()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param page a physical page index
     * @return whether all 4096 bytes of the page are 0xFF
     */
    public boolean isBlankPage(int page) {
        return isBlank(image, Page.offset(page), Page.SIZE);
    }

    /**
     * @param image an image
     * @param from the first byte
     * @param length at most 4096
     * @return whether the bytes are all 0xFF (vectorised comparison)
     */
    public static boolean isBlank(byte[] image, int from, int length) {
        return Arrays.equals(image, from, from + length, BLANK_PAGE, 0, length);
    }

    private static byte[] blankPage() {
        byte[] page = new byte[Page.SIZE];
        Arrays.fill(page, (byte) 0xFF);
        return page;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the span byte as stored (the tool's {@code metadata.span})
     */
    public int rawSpan(int page, int entry) {
        return image[entryOffset(page, entry) + 2] & 0xFF;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the span the walk uses: the span byte, or 1 for 0 and 0xFF
     */
    public int effectiveSpan(int page, int entry) {
        int span = rawSpan(page, entry);
        return span == 0 || span == 0xFF ? 1 : span;
    }

    /**
     * @param page a physical page index
     * @param entry the index of a head
     * @return how many entries follow it as its children: the effective span − 1, cut at the page end
     */
    public int childCount(int page, int entry) {
        return Math.min(effectiveSpan(page, entry) - 1, Page.ENTRY_COUNT - 1 - entry);
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the key as the tool decodes it: trailing NULs dropped, each byte one character (Latin-1)
     */
    public String key(int page, int entry) {
        int k = entryOffset(page, entry) + 8;
        int n = 16;
        while (n > 0 && image[k + n - 1] == 0) {
            n--;
        }
        return new String(image, k, n, java.nio.charset.StandardCharsets.ISO_8859_1); // Latin-1: one copy
    }

    /**
     * @param code a type byte
     * @return the item type as the tool knows it, or {@code null} for a byte it does not know (FLOAT and DOUBLE
     *     included)
     */
    public static ItemType toolType(int code) {
        ItemType t = ItemType.ofCode(code);
        return t == ItemType.FLOAT || t == ItemType.DOUBLE ? null : t;
    }

    /**
     * @param code a type byte
     * @return the type name the tool prints: {@code uint8_t} … {@code blob_index}, or {@code 0xNN}
     */
    public static String typeName(int code) {
        ItemType t = toolType(code);
        if (t != null) {
            return t.toolName();
        }
        return "0x" + Character.forDigit((code >> 4) & 0xF, 16) + Character.forDigit(code & 0xF, 16);
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the entry's type byte
     */
    public int typeCode(int page, int entry) {
        return image[entryOffset(page, entry) + 1] & 0xFF;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the entry's namespace index
     */
    public int nsIndex(int page, int entry) {
        return image[entryOffset(page, entry)] & 0xFF;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the entry's chunk index
     */
    public int chunkIndex(int page, int entry) {
        return image[entryOffset(page, entry) + 3] & 0xFF;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the stored entry CRC, unsigned
     */
    public long crcOriginal(int page, int entry) {
        return Bytes.u32(image, entryOffset(page, entry) + 4) & 0xFFFF_FFFFL;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return whether the stored entry CRC matches bytes 0..3 and 8..31 ({@link #crcOriginal} equals
     *     {@link #crcComputed}; computed once per entry)
     */
    public boolean crcMatches(int page, int entry) {
        return crcs.entryValid(page, entry);
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the entry CRC computed over bytes 0..3 and 8..31, unsigned
     */
    public long crcComputed(int page, int entry) {
        return NvsCrc.entry(image, entryOffset(page, entry)) & 0xFFFF_FFFFL;
    }

    /**
     * @param page a physical page index
     * @param entry an entry index
     * @return the u32 at entry offset 28 (the tool's {@code data_original}), unsigned
     */
    public long dataOriginal(int page, int entry) {
        return Bytes.u32(image, entryOffset(page, entry) + 28) & 0xFFFF_FFFFL;
    }

    /**
     * Returns the tool's {@code data_computed}: 0 for an effective span of 1; otherwise the CRC of the children's
     * bytes, cut to the size field when the type has one and it is not 0 (u16 for strings and blobs, u32 for blob
     * indexes); all children's bytes for an unknown type.
     *
     * @param page a physical page index
     * @param entry the index of a head
     * @return the CRC (unsigned), or {@link #CRASH} for a fixed-size type with a span above 1, where the tool fails
     *     with a {@code KeyError}
     */
    public long dataComputed(int page, int entry) {
        if (effectiveSpan(page, entry) == 1) {
            return 0;
        }
        int length = crcLength(page, entry);
        return length < 0 ? CRASH : NvsCrc.of(image, payloadOffset(page, entry), length) & 0xFFFF_FFFFL;
    }

    /**
     * Tells whether {@link #dataComputed} equals {@link #dataOriginal}, computing the CRC only once per entry for
     * the usual case, a payload cut to its u16 size field (strings and blob data).
     *
     * @param page a physical page index
     * @param entry the index of a head
     * @return whether the data CRC matches; {@code true} where the tool crashes ({@link #CRASH})
     */
    public boolean dataMatches(int page, int entry) {
        int length = effectiveSpan(page, entry) == 1 ? 0 : crcLength(page, entry);
        if (length < 0) {
            return true;
        }
        if (length > 0 && length == Bytes.u16(image, entryOffset(page, entry) + 24)) {
            return crcs.dataValid(page, entry); // the same bytes the runtime's read checks
        }
        return dataComputed(page, entry) == dataOriginal(page, entry);
    }

    /**
     * Returns how many bytes {@link #dataComputed} hashes: the children's bytes, cut to the size field when the type
     * has one and it is not 0.
     *
     * @param page a physical page index
     * @param entry the index of a head
     * @return the length, or -1 where the tool crashes (a fixed-size type with a span above 1)
     */
    public int crcLength(int page, int entry) {
        int e = entryOffset(page, entry);
        long length = (long) childCount(page, entry) * Page.ENTRY_SIZE;
        ItemType type = toolType(image[e + 1] & 0xFF);
        if (type != null) {
            if (type.isFixedSize()) {
                return effectiveSpan(page, entry) == 1 ? 0 : -1;
            }
            long size = type == ItemType.BLOB_IDX ? Bytes.u32(image, e + 24) & 0xFFFF_FFFFL
                    : Bytes.u16(image, e + 24);
            if (size != 0) {
                length = Math.min(length, size);
            }
        }
        return (int) length;
    }

    /**
     * @param page a physical page index
     * @param entry the index of a head
     * @return the offset in the image where the head's children start
     */
    public int payloadOffset(int page, int entry) {
        return entryOffset(page, entry) + Page.ENTRY_SIZE;
    }

    /**
     * Returns how many payload bytes the tool takes for a string or blob: the children's bytes, cut to the u16 size
     * field.
     *
     * @param page a physical page index
     * @param entry the index of a head
     * @return the payload length
     */
    public int payloadLength(int page, int entry) {
        int size = Bytes.u16(image, entryOffset(page, entry) + 24);
        return Math.min(size, childCount(page, entry) * Page.ENTRY_SIZE);
    }

    /**
     * Returns the value of a fixed-size type as the tool decodes it: little-endian, the low nibble of the type byte
     * gives the width, signed when the high nibble is not 0.
     *
     * @param page a physical page index
     * @param entry an entry index whose type is a tool-known fixed-size type
     * @return the value; an unsigned 64-bit value above {@code Long.MAX_VALUE} comes back negative (see
     *     {@link Long#toUnsignedString})
     */
    public long fixedValue(int page, int entry) {
        int e = entryOffset(page, entry);
        int code = image[e + 1] & 0xFF;
        int width = code & 0x0F;
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (image[e + 24 + i] & 0xFF);
        }
        if ((code & 0xF0) != 0 && width < 8) {
            int shift = 64 - 8 * width;
            value = (value << shift) >> shift;
        }
        return value;
    }

    /**
     * @param code a type byte the tool knows as fixed-size
     * @return whether {@link #fixedValue} is signed for it
     */
    public static boolean isSigned(int code) {
        return (code & 0xF0) != 0;
    }
}
