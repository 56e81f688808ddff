package io.github.nvs4j.internal.crypto;

import io.github.nvs4j.internal.format.Entry;
import io.github.nvs4j.internal.format.EntryState;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;

/**
 * How many written entry headers of an image make sense as they are: the evidence for "this image is readable" versus
 * "these bytes are ciphertext" (an encrypted image read without its key, or decrypted with the wrong key).
 *
 * <p>The census walks every page that has been initialised (state word other than {@code 0xFFFFFFFF}; a damaged
 * header or an unknown state does not matter here, since headers and bitmaps are never encrypted and the entries of
 * such a page are evidence too) and, in each, the WRITTEN entries the way a reader would: an entry that looks like a
 * header and starts a variable-length item with a plausible span makes the walk skip its payload entries; any other
 * WRITTEN entry is counted as a header and the walk moves on by one.
 *
 * <ul>
 *   <li>{@code crcValid}: headers whose entry CRC matches. Random bytes match with probability 2<sup>-32</sup>.</li>
 *   <li>{@code recognisable}: headers with a valid CRC, or that still look like a header although their CRC fails:
 *       a known type byte, chunk index {@code 0xFF} (or any for a blob chunk), a span of at least 1, and a key field
 *       with a NUL followed only by NULs. A damaged entry usually keeps this shape; random bytes have it with
 *       probability about 1.6·10<sup>-5</sup>.</li>
 * </ul>
 *
 * <p>{@link #looksLikeCiphertext()} is true when there are written headers, none has a valid CRC and fewer than half
 * are recognisable. A plaintext image with one or a few damaged entries is therefore never taken for ciphertext; an
 * image whose every written header is damaged beyond recognition is (the caller's message says both possibilities).
 *
 * @param written WRITTEN entries examined as headers
 * @param crcValid headers with a valid CRC
 * @param recognisable headers with a valid CRC or a header-like shape
 */
public record HeaderCensus(int written, int crcValid, int recognisable) {

    /**
     * Counts the headers of an image.
     *
     * @param image an image (any length; a trailing partial page is examined as far as it goes)
     * @return the counts
     */
    public static HeaderCensus of(byte[] image) {
        int written = 0;
        int crcValid = 0;
        int recognisable = 0;
        for (int pageOffset = 0; pageOffset + Page.FIRST_ENTRY_OFFSET <= image.length; pageOffset += Page.SIZE) {
            if (PageState.ofWord(Page.stateWord(image, pageOffset)) == PageState.UNINITIALIZED) {
                continue;
            }
            int entry = 0;
            while (entry < Page.ENTRY_COUNT) {
                int e = pageOffset + Page.FIRST_ENTRY_OFFSET + entry * Page.ENTRY_SIZE;
                if (e + Page.ENTRY_SIZE > image.length) {
                    break;
                }
                if (Page.entryState(image, pageOffset, entry) != EntryState.WRITTEN) {
                    entry++;
                    continue;
                }
                written++;
                boolean valid = Entry.crcValid(image, e);
                boolean shaped = valid || looksLikeHeader(image, e);
                if (valid) {
                    crcValid++;
                }
                if (shaped) {
                    recognisable++;
                }
                entry += shaped ? itemSpan(image, e, entry) : 1;
            }
        }
        return new HeaderCensus(written, crcValid, recognisable);
    }

    /**
     * @return whether the written headers look like ciphertext (see the type description); {@code false} when there
     *         is nothing to judge
     */
    public boolean looksLikeCiphertext() {
        return written > 0 && crcValid == 0 && recognisable * 2 < written;
    }

    private static int itemSpan(byte[] image, int e, int entry) {
        ItemType type = ItemType.ofCode(Entry.typeCode(image, e));
        int span = Entry.span(image, e);
        if (type != null && type.isVariableLength() && span >= 2 && entry + span <= Page.ENTRY_COUNT) {
            return span;
        }
        return 1;
    }

    private static boolean looksLikeHeader(byte[] image, int e) {
        ItemType type = ItemType.ofCode(Entry.typeCode(image, e));
        if (type == null || Entry.span(image, e) == 0) {
            return false;
        }
        if (type != ItemType.BLOB_DATA && Entry.chunkIndex(image, e) != Entry.NO_CHUNK) {
            return false;
        }
        int keyLength = Entry.keyLength(image, e);
        if (keyLength == Entry.KEY_SIZE) {
            return false;
        }
        for (int i = keyLength; i < Entry.KEY_SIZE; i++) {
            if (image[e + Entry.KEY_OFFSET + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
