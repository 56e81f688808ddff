package io.github.nvs4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nvs4j.internal.format.Page;
import io.github.nvs4j.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code check-*} case of the conformance corpus: each problem {@code nvs_tool.py -i} reported (its
 * {@code expected-check.txt}, or the refusal in {@code expected-check-error.txt}) must be covered by a finding with
 * the corresponding code at the same place: same page and entry where the tool names them, same key where the tool
 * printed a plain one, same namespace index where the tool printed one. The wording is not compared.
 */
class CheckConformanceTest {

    static Stream<String> checkCases() throws IOException {
        try (Stream<Path> dirs = Files.list(TestData.path("conformance"))) {
            List<String> names = dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith("check-"))
                    .sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(24);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkCases")
    void coversEveryProblemNvsToolReports(String name) throws IOException {
        Path dir = TestData.path("conformance/" + name);
        byte[] image = Files.readAllBytes(dir.resolve("image.bin"));
        CheckReport report = IntegrityChecker.check(image);

        List<NvsToolFindings.Problem> problems;
        Path error = dir.resolve("expected-check-error.txt");
        if (Files.exists(error)) {
            // what the tool printed before it stopped, then the reason it stopped
            String text = Files.readString(error, StandardCharsets.UTF_8);
            int from = text.indexOf("--- stdout ---\n");
            int to = text.indexOf("--- stderr ---");
            List<NvsToolFindings.Problem> printed = from < 0 || to < from ? List.of()
                    : NvsToolFindings.parse(text.substring(from + "--- stdout ---\n".length(), to));
            problems = new java.util.ArrayList<>(printed);
            problems.add(refusal(text));
        } else {
            problems = NvsToolFindings.parse(
                    Files.readString(dir.resolve("expected-check.txt"), StandardCharsets.UTF_8));
        }

        for (NvsToolFindings.Problem problem : problems) {
            assertThat(report.findings()).as("%s: a finding for nvs_tool's '%s'%n%s", name, problem.line(),
                    report.toText()).anyMatch(f -> covers(f, problem, image));
        }
    }

    @Test
    void cleanImageHasNoFinding() {
        CheckReport report = IntegrityChecker.check(TestData.bytes("conformance/check-clean/image.bin"));

        assertThat(report.findings()).as(report.toText()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.hasErrors()).isFalse();
    }

    /** nvs_tool reports nothing for these, but the device does care. */
    @Test
    void devicePageStatesNvsToolIgnores() {
        CheckReport zero = IntegrityChecker.check(TestData.bytes("conformance/check-page-state-corrupted/image.bin"));
        CheckReport invalid = IntegrityChecker.check(TestData.bytes("conformance/check-page-state-invalid/image.bin"));

        assertThat(zero.withCode(FindingCode.UNKNOWN_PAGE_STATE)).singleElement()
                .satisfies(f -> assertThat(f.page()).isZero())
                .satisfies(f -> assertThat(f.message()).contains("0x00000000"));
        assertThat(invalid.withCode(FindingCode.UNKNOWN_PAGE_STATE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("0x12345678"));
    }

    /**
     * Maps the exception that stopped nvs_tool.py to the finding that reports the same problem: a length that is
     * not a multiple of 4096, a fixed-size entry with a span (KeyError 'size' in the parser), a non-integer entry in
     * namespace 0 (unhashable list), a blob chunk outside its index's range (IndexError), an unknown type in
     * namespace 0 (formatting None as a namespace index).
     */
    private static NvsToolFindings.Problem refusal(String error) {
        String line = error.lines().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow();
        FindingCode code;
        if (line.contains("NotAlignedError")) {
            code = FindingCode.PARTIAL_PAGE;
        } else if (line.contains("KeyError: 'size'")) {
            code = FindingCode.SPAN_MISMATCH;
        } else if (line.contains("unhashable type: 'list'")) {
            code = FindingCode.NAMESPACE_ENTRY_TYPE;
        } else if (line.contains("IndexError")) {
            code = FindingCode.BLOB_CHUNK_OUT_OF_RANGE;
        } else if (line.contains("NoneType.__format__")) {
            code = FindingCode.UNKNOWN_TYPE;
        } else {
            throw new AssertionError("no finding is known for nvs_tool's failure: " + line);
        }
        return new NvsToolFindings.Problem(code, -1, -1, -1, null, -1, line);
    }

    private static boolean covers(Finding f, NvsToolFindings.Problem p, byte[] image) {
        if (f.code() != p.code()) {
            return false;
        }
        if (p.page() >= 0 && f.page() != p.page()) {
            return false;
        }
        if (p.sequence() >= 0 && (f.page() < 0
                || (Page.sequence(image, Page.offset(f.page())) & 0xFFFF_FFFFL) != p.sequence())) {
            return false;
        }
        if (p.entry() >= 0 && f.entry() != p.entry()) {
            return false;
        }
        if (p.key() != null && isPlain(p.key()) && !p.key().equals(f.key())) {
            return false;
        }
        if (p.namespace() >= 0) {
            if (!f.hasEntry()) {
                return false;
            }
            int e = (int) f.offset();
            int ns = p.code() == FindingCode.UNUSED_NAMESPACE ? image[e + 24] & 0xFF : image[e] & 0xFF;
            return ns == p.namespace();
        }
        return true;
    }

    private static boolean isPlain(String key) {
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
