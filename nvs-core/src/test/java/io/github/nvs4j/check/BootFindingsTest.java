package io.github.nvs4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.read.PartitionMode;
import io.github.nvs4j.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings that come from the reader's boot of the image ({@code NvsReader.boot}): each repair becomes one finding at
 * its place unless a format finding there already names the cause; a failing init and failing stats are findings.
 * The images are recorded device images (their README says what boot does to each) and conformance check cases.
 */
class BootFindingsTest {

    private static CheckReport check(String relative) {
        return IntegrityChecker.check(TestData.bytes(relative));
    }

    private static List<Finding> at(CheckReport report, FindingCode code) {
        return report.withCode(code);
    }

    @Test
    void interruptedGarbageCollection() {
        CheckReport report = check("device-images/torn-freeing.bin");

        assertThat(at(report, FindingCode.PARTIAL_COPY_DISCARDED)).singleElement()
                .satisfies(f -> assertThat(f.page()).isZero());
        assertThat(at(report, FindingCode.FREEING_PAGE_RECOVERED)).singleElement()
                .satisfies(f -> assertThat(f.page()).isEqualTo(1));
        // no erased page, but boot frees one: nvs_tool's error is only a warning for the device
        assertThat(at(report, FindingCode.NO_FREE_PAGE)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.message()).contains("partial copy"));
        assertThat(at(report, FindingCode.INIT_FAILED)).isEmpty();
    }

    @Test
    void freeingPageWithoutSpareFailsTheInit() {
        CheckReport report = check("device-images/edge-freeing-no-spare.bin");

        assertThat(at(report, FindingCode.INIT_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ESP_ERR_NVS_NOT_ENOUGH_SPACE").contains("0x1105"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(at(report, FindingCode.NO_FREE_PAGE)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void onePageImageHasNoSpareWhenWritableButIsFineReadOnly() {
        byte[] image = TestData.bytes("conformance/partition_min_0x1000/expected.bin");

        CheckReport writable = IntegrityChecker.check(image);
        CheckReport readOnly = IntegrityChecker.check(image, PartitionMode.READ_ONLY);

        assertThat(at(writable, FindingCode.INIT_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ESP_ERR_NVS_NO_FREE_PAGES"));
        assertThat(readOnly.hasErrors()).as(readOnly.toText()).isFalse();
        assertThat(readOnly.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder(FindingCode.NO_FREE_PAGE, FindingCode.PARTITION_TOO_SMALL);
    }

    @Test
    void readOnlyImageWithDuplicatesInItsLastPageLosesThePage() {
        CheckReport report = IntegrityChecker.check(TestData.bytes("conformance/duplicate_keys/expected.bin"),
                PartitionMode.READ_ONLY);

        assertThat(at(report, FindingCode.PAGE_INVALIDATED)).singleElement()
                .satisfies(f -> assertThat(f.page()).isZero());
    }

    @Test
    void halfWrittenRunReplacesTheEmptyButNotBlankFinding() {
        CheckReport report = check("conformance/check-written-entry-marked-empty/image.bin");

        assertThat(at(report, FindingCode.HALF_WRITTEN_ENTRY)).extracting(Finding::entry)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(at(report, FindingCode.EMPTY_BUT_NOT_BLANK)).isEmpty();
    }

    @Test
    void entryMarkedEmptyBeyondTheHalfWrittenRunIsNeverExamined() {
        CheckReport report = check("device-images/edge-halfwritten-run.bin");

        assertThat(at(report, FindingCode.HALF_WRITTEN_ENTRY)).extracting(Finding::entry)
                .containsExactly(95, 96, 97, 98);
        assertThat(at(report, FindingCode.EMPTY_BUT_NOT_BLANK)).extracting(Finding::entry).containsExactly(105);
    }

    @Test
    void supersededCopies() {
        CheckReport inPage = check("conformance/check-duplicate-key/image.bin");
        CheckReport olderPage = check("device-images/edge-lastitem-older-page.bin");
        CheckReport legacy = check("device-images/edge-legacy-blob-lastitem.bin");

        assertThat(at(inPage, FindingCode.OLDER_COPY_ERASED)).singleElement()
                .satisfies(f -> assertThat(f.entry()).isEqualTo(1))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(at(inPage, FindingCode.DUPLICATE_KEY)).hasSize(2);
        assertThat(at(olderPage, FindingCode.OLDER_COPY_ERASED)).singleElement()
                .satisfies(f -> assertThat(f.page()).isZero()).satisfies(f -> assertThat(f.entry()).isEqualTo(117));
        assertThat(at(legacy, FindingCode.OLDER_COPY_ERASED)).singleElement()
                .satisfies(f -> assertThat(f.key()).isEqualTo("dummyHex2BinKey"));
    }

    @Test
    void blobsThatDoNotAddUp() {
        CheckReport missing = check("conformance/check-blob-missing-chunk/image.bin");
        CheckReport anyChunk = check("device-images/edge-step4-any-chunk.bin");

        // the index is already BLOB_MISSING_CHUNK; the chunk left without it is erased as an orphan
        assertThat(at(missing, FindingCode.BLOB_INDEX_MISMATCH)).isEmpty();
        assertThat(at(missing, FindingCode.ORPHAN_BLOB_CHUNK)).singleElement()
                .satisfies(f -> assertThat(f.page()).isZero()).satisfies(f -> assertThat(f.entry()).isEqualTo(1));
        assertThat(at(anyChunk, FindingCode.BLOB_INDEX_MISMATCH)).singleElement()
                .satisfies(f -> assertThat(f.entry()).isEqualTo(98));
        assertThat(at(anyChunk, FindingCode.OLDER_COPY_ERASED)).singleElement()
                .satisfies(f -> assertThat(f.entry()).isEqualTo(91));
    }

    @Test
    void causesAlreadyFoundAreNotRepeated() {
        CheckReport crc = check("conformance/check-entry-crc-bitflip/image.bin");
        CheckReport encrypted = check("conformance/check-encrypted-image/image.bin");
        CheckReport orphans = check("device-images/edge-orphan-chunks.bin");

        assertThat(crc.findings()).extracting(Finding::code).containsExactly(FindingCode.ENTRY_CRC);
        assertThat(at(encrypted, FindingCode.ENTRY_CRC)).hasSize(1);
        assertThat(at(orphans, FindingCode.ORPHAN_BLOB_CHUNK)).isEmpty();
        assertThat(at(orphans, FindingCode.BLOB_CHUNK_OUT_OF_RANGE)).hasSize(4);
    }

    @Test
    void payloadEntryReadAsAHeader() {
        // nvs_tool sees nothing: the erased string header hides its payload entry, which the runtime reads as a
        // header, fails its CRC and erases
        CheckReport report = check("conformance/check-string-header-erased/image.bin");

        assertThat(at(report, FindingCode.ENTRY_CRC)).singleElement()
                .satisfies(f -> assertThat(f.entry()).isEqualTo(5));
    }

    @Test
    void untornDeviceImagesHaveNoError() {
        for (String name : List.of("wl-mixed-3000-10", "wl-mixed-6000-1000", "wl-ints-5000-2000",
                "wl-strings-8000-5000", "wl-blobs-20000-5000", "wl-manyns-20000-5000", "edge-legacy-blob")) {
            CheckReport report = check("device-images/" + name + ".bin");
            assertThat(report.hasErrors()).as(name + "\n" + report.toText()).isFalse();
        }
    }
}
