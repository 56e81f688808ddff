package io.github.nvs4j.check;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.check.Findings;
import io.github.nvs4j.internal.check.ItemChecks;
import io.github.nvs4j.internal.check.PageChecks;
import io.github.nvs4j.internal.check.ToolChecks;
import io.github.nvs4j.internal.check.ToolParse;
import io.github.nvs4j.internal.format.Page;
import java.util.Objects;

/**
 * Checks the integrity of an NVS partition image and reports every problem as a {@link Finding}.
 *
 * <p>The checker finds everything ESP-IDF's {@code nvs_tool.py -i} finds (the same problems at the same places, in
 * nvs4j's own codes and wording), and more that matters to a device: page states and format versions the runtime
 * refuses or ignores, sequence numbers, several ACTIVE or FREEING pages, a trailing partial page, namespace indices
 * it cannot use, key fields it can never look up, chunk indices, FLOAT/DOUBLE entries, and blob chunk ranges. The
 * codes are listed in {@link FindingCode}.
 *
 * <p>Problems are data, not exceptions: any image of at least one page gives a report.
 */
public final class IntegrityChecker {

    private IntegrityChecker() {
    }

    /**
     * Checks an image.
     *
     * @param image a plain (not encrypted) NVS partition image, not modified
     * @return the findings, in a stable order
     * @throws NvsFormatException if the image is shorter than one 4096-byte page
     */
    public static CheckReport check(byte[] image) {
        Objects.requireNonNull(image, "image");
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
        ToolChecks.run(ToolParse.of(image), out);
        boolean[] loaded = PageChecks.loadedPages(image, pages);
        PageChecks.run(image, pages, loaded, out);
        ItemChecks.run(image, loaded, out);
        return new CheckReport(pages, out.list());
    }
}
