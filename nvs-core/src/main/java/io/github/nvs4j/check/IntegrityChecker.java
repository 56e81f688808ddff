package io.github.nvs4j.check;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.check.BootFindings;
import io.github.nvs4j.internal.check.Findings;
import io.github.nvs4j.internal.check.ItemChecks;
import io.github.nvs4j.internal.check.PageChecks;
import io.github.nvs4j.internal.check.ToolChecks;
import io.github.nvs4j.internal.check.ToolParse;
import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.internal.runtime.Boot;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.read.PartitionMode;
import java.util.Objects;

/**
 * Checks the integrity of an NVS partition image and reports every problem as a {@link Finding}.
 *
 * <p>The checker finds everything ESP-IDF's {@code nvs_tool.py -i} finds (the same problems at the same places, in
 * nvs4j's own codes and wording), and more that matters to a device: page states and format versions the runtime
 * refuses or ignores, sequence numbers, several ACTIVE or FREEING pages, a trailing partial page, namespace indices
 * it cannot use, key fields it can never look up, chunk indices, FLOAT/DOUBLE entries, and blob chunk ranges. Then
 * it boots the image with {@link NvsReader} and reports what the ESP-IDF runtime erases, discards or refuses at boot
 * and when the values are read (torn writes, superseded copies, interrupted garbage collections, blobs that do not
 * add up, orphan chunks, a failing {@code nvs_flash_init}), except where a format finding at the same place already
 * names the cause. The codes are listed in {@link FindingCode}.
 *
 * <p>Problems are data, not exceptions: any image of at least one page gives a report.
 */
public final class IntegrityChecker {

    private IntegrityChecker() {
    }

    /**
     * Checks the image of a writable partition (the usual case).
     *
     * @param image a plain (not encrypted) NVS partition image, not modified
     * @return the findings, in a stable order
     * @throws NvsFormatException if the image is shorter than one 4096-byte page
     */
    public static CheckReport check(byte[] image) {
        return check(image, PartitionMode.READ_WRITE);
    }

    /**
     * Checks an image. A partition flagged {@code readonly} in the partition table needs no spare page and may be
     * smaller than 3 pages, and the runtime repairs nothing on it at boot: what it cannot repair makes the init fail
     * or a page invisible.
     *
     * @param image a plain (not encrypted) NVS partition image, not modified
     * @param mode how the device mounts the partition
     * @return the findings, in a stable order
     * @throws NvsFormatException if the image is shorter than one 4096-byte page
     */
    public static CheckReport check(byte[] image, PartitionMode mode) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mode, "mode");
        if (image.length < Page.SIZE) {
            throw new NvsFormatException("the image is " + image.length + " bytes long, but an NVS partition holds"
                    + " at least one 4096-byte page");
        }
        int pages = image.length / Page.SIZE;
        Findings out = new Findings(image);
        int rest = image.length % Page.SIZE;
        if (rest != 0) {
            out.offset(FindingCode.PARTIAL_PAGE, (long) pages * Page.SIZE, "the image is " + image.length
                    + " bytes long, not a multiple of 4096: the device ignores the last " + rest + " bytes (a partial"
                    + " page), and nvs_tool.py refuses the image; it may be truncated");
        }
        // Every check below looks at the same entries: each entry and data CRC is computed once for all of them.
        CrcVerdicts crcs = new CrcVerdicts(image);
        ToolChecks.run(ToolParse.of(crcs), mode == PartitionMode.READ_ONLY, out);
        boolean[] loaded = PageChecks.loadedPages(image, pages);
        PageChecks.run(image, pages, loaded, out);
        ItemChecks.run(crcs, loaded, out);
        // the reader's boot without its values: the same reads and repairs, no value copied (ReadBenchmark)
        BootFindings.add(Boot.runWithoutValues(crcs, mode == PartitionMode.READ_ONLY), out);
        return new CheckReport(pages, out.list());
    }
}
