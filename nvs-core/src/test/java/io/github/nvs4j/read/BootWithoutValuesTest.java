package io.github.nvs4j.read;

import io.github.nvs4j.internal.format.CrcVerdicts;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.PageState;
import io.github.nvs4j.internal.runtime.Boot;
import io.github.nvs4j.internal.runtime.BootOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker's boot without values ({@link Boot#runWithoutValues}) finds the legacy blobs of the {@code unlisted}
 * rule without sorting its rows: a legacy blob whose namespace and key is listed as a format-2 blob is left out, one
 * with a key of its own is read (device-images README, {@code unlisted}). Mutated images cover the rest
 * ({@code BootWithoutValuesProperties}); this case is too rare for them.
 */
class BootWithoutValuesTest {

    @Test
    void legacyBlobSharingAKeyWithAFormat2BlobIsLeftOut() {
        byte[] payload = {1, 2, 3};
        byte[] image = new TestImage(3)
                .page(0, PageState.FULL, 0)
                .namespace(0, 0, "ns", 1)
                .blobIndex(0, 1, 1, "b", 3, 1, 0)
                .variable(0, 2, 1, ItemType.BLOB_DATA, "b", 0, payload)
                .variable(0, 4, 1, ItemType.BLOB, "b", 0xFF, new byte[] {9, 9})
                .variable(0, 6, 1, ItemType.BLOB, "c", 0xFF, new byte[] {7})
                .bytes();

        DeviceView view = NvsReader.boot(image);
        assertThat(view.unlisted()).extracting(ViewEntry::key).containsExactly("c");

        BootOutcome lean = Boot.runWithoutValues(new CrcVerdicts(image), false);
        assertThat(lean.unlisted().size()).isEqualTo(1);
        assertThat(lean.unlisted().entry(0)).isEqualTo(6);
        assertThat(lean.repairs()).isEqualTo(view.repairs());
    }
}
