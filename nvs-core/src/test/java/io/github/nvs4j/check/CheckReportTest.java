package io.github.nvs4j.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nvs4j.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order, text and JSON of a {@link CheckReport}, and the location rules of {@link Finding}. */
class CheckReportTest {

    private static Finding entry(FindingCode code, int page, int entry, String key, String message) {
        return new Finding(code.severity(), code, page, entry, 4096L * page + 64 + 32L * entry, key, message);
    }

    @Test
    void sortsByOffsetThenCodeAndImageFindingsFirst() {
        Finding late = entry(FindingCode.ENTRY_CRC, 1, 0, "z", "m");
        Finding early = entry(FindingCode.UNKNOWN_TYPE, 0, 3, "c", "m");
        Finding sameOffset = entry(FindingCode.DATA_CRC, 0, 3, "c", "m");
        Finding image = new Finding(Severity.ERROR, FindingCode.NO_FREE_PAGE, -1, -1, -1, null, "m");

        CheckReport report = new CheckReport(3, List.of(late, early, sameOffset, image));

        assertThat(report.findings()).containsExactly(image, sameOffset, early, late);
    }

    @Test
    void textHasOneAlignedLinePerFinding() {
        CheckReport report = IntegrityChecker.check(TestData.bytes("conformance/check-entry-crc-bitflip/image.bin"));

        assertThat(report.toText()).isEqualTo("error   ENTRY_CRC                page 0 entry 1 (0x0060) key 'a':"
                + " entry header CRC is 0x9c167437 but the entry hashes to 0x9c167436;"
                + " the runtime erases it at boot\n");
    }

    @Test
    void textOfAWholeImageFindingAndOfAPageFinding() {
        Finding image = new Finding(Severity.WARNING, FindingCode.PARTITION_TOO_SMALL, -1, -1, -1, null, "small");
        Finding page = new Finding(Severity.ERROR, FindingCode.PAGE_HEADER_CRC, 2, -1, 0x2000, null, "bad");
        Finding tail = new Finding(Severity.ERROR, FindingCode.PARTIAL_PAGE, -1, -1, 0x3000, null, "tail");

        String text = new CheckReport(3, List.of(page, image, tail)).toText();

        assertThat(text).isEqualTo(
                "warning PARTITION_TOO_SMALL      image: small\n"
                        + "error   PAGE_HEADER_CRC          page 2 (0x2000): bad\n"
                        + "error   PARTIAL_PAGE             offset 0x3000: tail\n");
    }

    @Test
    void keysAreEscapedInTheLocation() {
        Finding f = entry(FindingCode.KEY_PADDING, 0, 1, "a'b\\c\u0001", "m");

        assertThat(f.location()).isEqualTo("page 0 entry 1 (0x0060) key 'a\\'b\\\\c\\x01'");
    }

    @Test
    void emptyReport() {
        CheckReport report = IntegrityChecker.check(TestData.bytes("conformance/check-clean/image.bin"));

        assertThat(report.toText()).isEmpty();
        assertThat(report.toJson()).isEqualTo("{\n  \"findings\": []\n}\n");
    }

    @Test
    void jsonFieldsInOrderWithNullsForAbsentParts() {
        Finding image = new Finding(Severity.WARNING, FindingCode.PARTITION_TOO_SMALL, -1, -1, -1, null, "small");
        Finding f = entry(FindingCode.ENTRY_CRC, 0, 1, "\"q\"", "crc\tbad");

        assertThat(new CheckReport(3, List.of(f, image)).toJson()).isEqualTo("""
                {
                  "findings": [
                    {
                      "severity": "warning",
                      "code": "PARTITION_TOO_SMALL",
                      "page": null,
                      "entry": null,
                      "offset": null,
                      "key": null,
                      "message": "small"
                    },
                    {
                      "severity": "error",
                      "code": "ENTRY_CRC",
                      "page": 0,
                      "entry": 1,
                      "offset": 96,
                      "key": "\\"q\\"",
                      "message": "crc\\tbad"
                    }
                  ]
                }
                """);
    }

    @Test
    void countsBySeverity() {
        CheckReport report = IntegrityChecker.check(TestData.bytes("conformance/check-truncated-one-page/image.bin"));

        assertThat(report.count(Severity.ERROR)).isEqualTo(2); // NO_FREE_PAGE and INIT_FAILED
        assertThat(report.count(Severity.WARNING)).isEqualTo(1);
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.isClean()).isFalse();
    }

    @Test
    void findingRefusesAnInconsistentLocation() {
        assertThatThrownBy(() -> new Finding(Severity.ERROR, FindingCode.ENTRY_CRC, -1, 3, 96, null, "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding(Severity.ERROR, FindingCode.ENTRY_CRC, 0, 126, 96, null, "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
