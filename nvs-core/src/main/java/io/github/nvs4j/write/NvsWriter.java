package io.github.nvs4j.write;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.layout.ImageLayout;
import io.github.nvs4j.model.NvsData;

/**
 * Writes NVS partition images byte-identical to Espressif's {@code nvs_partition_gen.py} 0.2.0 for every input the
 * generator handles correctly: the same page headers, entry placement, blob splitting, page states and padding.
 *
 * <p>Namespaces get the indices 1, 2, 3, … in the order of {@link NvsData#namespaces()}, and each definition entry is
 * written where {@link NvsData#namespaceStart(int)} places it among the items. A partition size of 0x1000 or 0x2000
 * selects the generator's read-only mode (no spare page; the image is only as long as the pages used); any larger
 * size keeps the last page as the spare the runtime needs and gives an image of exactly that size.
 *
 * <h2>Where nvs4j differs from the generator</h2>
 * Where the generator produces something the ESP-IDF runtime cannot use, nvs4j does what the runtime does or
 * refuses with a message:
 * <ol>
 *   <li><b>Strings of 3969–4000 bytes</b> (with the NUL; they need all 126 entries of a page). The generator's fit
 *       test ({@code n + span < 126}) can never place them and it crashes. nvs4j writes such a string at entry 0 of
 *       a fresh page, opening a new page if the current one has any entry in use — as the runtime itself writes and
 *       reads it. Shorter strings follow the generator's rule exactly.</li>
 *   <li><b>Blobs that need more than 127 chunks.</b> The generator writes them, and the runtime deletes them at boot.
 *       nvs4j refuses them with an {@link NvsInputException} naming the key and the chunk count. Because the first
 *       chunk only gets the room left on the current page, the limit depends on where the blob starts: from
 *       127 × 4000 = 508000 bytes at the start of a page down to 126 × 4000 = 504000 bytes when only entry 125 is
 *       left.</li>
 *   <li><b>Non-ASCII keys.</b> The generator lets such an entry grow past 32 bytes: its key field's zero run reaches
 *       into the data field, and the surplus is written past the entry (into the next slot, or past the page end,
 *       which makes the image longer). nvs4j writes the entry's 32 bytes as the generator does, zeros in the data
 *       field included, but nothing past the entry.</li>
 * </ol>
 * Inputs the generator accepts but the device cannot use in another way — more than 254 namespaces, duplicate keys,
 * keys over 15 bytes, values before any namespace — cannot be expressed in an {@link NvsData}; and because items
 * carry their namespace by name, a namespace that is named again gets its own index back (the generator keeps using
 * the index of the namespace created last).
 */
public final class NvsWriter {

    private NvsWriter() {
    }

    /**
     * Lays out {@code data} as the generator would.
     *
     * @param data the content, in write order
     * @param partitionSize the partition size in bytes: a multiple of 4096, at least 0x1000; 0x1000 and 0x2000 select
     *                      read-only mode
     * @param version the format version
     * @return the image: {@code partitionSize} bytes, or for read-only sizes only the pages used
     * @throws NvsInputException if the size is invalid, a value exceeds the version's limit (format 1: strings and
     *                           blobs of at most 1984 bytes; format 2: strings of at most 4000 bytes with the NUL,
     *                           blobs of at most 127 chunks), or the data does not fit (naming the key that did not
     *                           fit and the size that would be needed)
     */
    public static byte[] write(NvsData data, long partitionSize, FormatVersion version) {
        return ImageLayout.write(data, partitionSize, version);
    }

    /**
     * Counts the pages that hold data when {@code data} is written, whatever the partition size. A read/write
     * partition needs one page more (the spare, and at least 0x3000 bytes in all); a read-only one of 0x1000 or
     * 0x2000 bytes needs exactly these pages.
     *
     * @param data the content, in write order
     * @param version the format version
     * @return the number of pages with data, at least 1
     * @throws NvsInputException if a value exceeds the version's limit, as for {@link #write}
     */
    public static int pagesNeeded(NvsData data, FormatVersion version) {
        return ImageLayout.pagesNeeded(data, version);
    }

    /**
     * @param partitionSize a partition size
     * @return whether the generator treats it as read-only (0x1000 or 0x2000): no spare page, no padding
     */
    public static boolean isReadOnlySize(long partitionSize) {
        return partitionSize == 0x1000 || partitionSize == 0x2000;
    }
}
