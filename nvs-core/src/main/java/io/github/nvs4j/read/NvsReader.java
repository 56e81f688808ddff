package io.github.nvs4j.read;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.internal.runtime.Boot;
import io.github.nvs4j.internal.runtime.StrictRead;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.write.FormatVersion;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads NVS partition images.
 *
 * <ul>
 *   <li>{@link #boot(byte[], PartitionMode)} shows an image exactly as the ESP-IDF runtime (v6.1) does after
 *       {@code nvs_flash_init}: torn writes, duplicates, interrupted garbage collections and broken blobs are
 *       repaired or discarded as the device would, and every value is read back with the device's lookup rules.
 *       It accepts any byte array; problems are data in the returned {@link DeviceView}.</li>
 *   <li>{@link #readModel(byte[])} reads a clean image (as a correct writer produces it) back into the model and
 *       refuses anything else with an {@link NvsFormatException} that names the page, entry and offset.</li>
 * </ul>
 *
 * <p>Image length: the runtime uses {@code floor(length / 4096)} pages and ignores a trailing partial page; so does
 * {@code boot} (recording {@link BootRepair.Kind#TRAILING_BYTES_IGNORED}). {@code readModel} refuses such an image.
 * An image of zero pages gives {@link InitResult#ESP_ERR_NVS_NOT_ENOUGH_SPACE}, as the runtime's page manager
 * finds no page to activate; a blank image of any number of pages mounts (an empty partition); a written 1-page
 * image has no spare page and gives {@link InitResult#ESP_ERR_NVS_NO_FREE_PAGES} when read-write.
 *
 * <p>{@link #formatVersion(byte[])} tells which format version an image is written in, for writing it again.
 *
 * <p>No method modifies the array it is given. The array is read in place (a clean image is not copied), so it must
 * not change while a call runs.
 */
public final class NvsReader {

    private NvsReader() {
    }

    /**
     * Boots a read-write partition.
     *
     * @param image the partition image
     * @return what the device sees
     */
    public static DeviceView boot(byte[] image) {
        return boot(image, PartitionMode.READ_WRITE);
    }

    /**
     * Boots a partition as the ESP-IDF runtime does, then reads every listed value as an application would.
     *
     * @param image the partition image; not modified
     * @param mode whether the partition is flagged read-only in the partition table
     * @return what the device sees
     */
    public static DeviceView boot(byte[] image, PartitionMode mode) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mode, "mode");
        return new DeviceView(Boot.run(image, mode == PartitionMode.READ_ONLY));
    }

    /**
     * Reads a clean image into the model: every page header CRC, entry CRC and data CRC must verify, the entry
     * state bitmap must be consistent (no illegal pair, no data in an EMPTY entry, no written entry behind an empty
     * one on the active page; erased entries are ignored), no page may be FREEING, blobs must be complete, key fields
     * must be NUL-terminated and zero-padded, every item must belong to a defined namespace (indices 1 to 254, each
     * name once) and each key must appear once per namespace. Uses the same runtime emulation as {@link #boot},
     * mounted read-only (so that the generator's 1- and 2-page read-only images are accepted), and requires that it
     * repaired nothing and read every value. The length must be a whole number of pages.
     *
     * @param image the image; not modified
     * @return the content, in page-log order (see {@link DeviceView#toModel()})
     * @throws NvsFormatException naming the page, entry and offset of the first problem
     */
    public static NvsData readModel(byte[] image) {
        Objects.requireNonNull(image, "image");
        return StrictRead.readModel(image);
    }

    /**
     * The format version an image is written in, from the version byte of its page headers (offset 8: {@code 0xFF}
     * format 1, {@code 0xFE} format 2): what {@code --version} the generator would need to write such an image.
     * Pages whose state word is still {@code 0xFFFFFFFF} (never initialised) and a trailing partial page are not
     * looked at. Only the header bytes are read; nothing is checked.
     *
     * @param image the partition image; not modified
     * @return {@link FormatVersion#V2} if an initialised page carries {@code 0xFE}, {@link FormatVersion#V1} if every
     *         initialised page carries {@code 0xFF}; empty if no page is initialised or a page carries a version
     *         newer than format 2 (which the runtime refuses)
     */
    public static Optional<FormatVersion> formatVersion(byte[] image) {
        Objects.requireNonNull(image, "image");
        boolean any = false;
        boolean v2 = false;
        for (int off = 0; off + Page.SIZE <= image.length; off += Page.SIZE) {
            if (Page.stateWord(image, off) == PageState.UNINITIALIZED.word()) {
                continue;
            }
            any = true;
            int version = Page.version(image, off);
            if (version < Page.VERSION_2) {
                return Optional.empty();
            }
            v2 |= version == Page.VERSION_2;
        }
        return !any ? Optional.empty() : Optional.of(v2 ? FormatVersion.V2 : FormatVersion.V1);
    }
}
