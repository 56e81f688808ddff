package io.github.nvs4j.cli;

import io.github.nvs4j.testing.ConformanceCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nvs generate} against the conformance cases recorded with nvs_partition_gen.py. */
class GenerateCommandTest {

    @TempDir
    Path tmp;

    static Stream<ConformanceCase> plainGenerateCases() {
        return ConformanceCase.ofKind("generate").stream().filter(c -> c.args().startsWith("generate "));
    }

    /**
     * Every generate case run through the command line with the recorded arguments: a case without oddities must be
     * written byte for byte as recorded. For an ODD/BUG case the library may deliberately differ from the generator
     * (see nvs-csv and NvsWriter): it is either written or refused with one line and no file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainGenerateCases")
    void generateCaseThroughTheCommandLine(ConformanceCase c) throws IOException {
        Path work = c.copyTo(tmp.resolve(c.name()));
        Files.delete(work.resolve("expected.bin"));
        CliRun run = CliRun.in(work, c.commandLine("out.bin"));
        if (c.oddOrBug()) {
            if (run.status() == 0) {
                assertThat(work.resolve("out.bin")).isNotEmptyFile();
            } else {
                failedWithOneLine(run, 1);
                assertThat(work.resolve("out.bin")).doesNotExist();
            }
            return;
        }
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(work.resolve("out.bin")).as(run.toString()).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
        String expectedStdout = Files.exists(c.file("expected-stdout.txt"))
                ? Files.readString(c.file("expected-stdout.txt"), StandardCharsets.UTF_8)
                : "\nCreating NVS binary with version: " + (c.args().contains("--version 1")
                ? "V1 - Multipage Blob Support Disabled" : "V2 - Multipage Blob Support Enabled")
                + "\n\nCreated NVS binary: ===> <CASE>/expected.bin\n";
        assertThat(run.out()).isEqualTo(expectedStdout.replace("<CASE>/expected.bin", work.toAbsolutePath()
                + "/out.bin"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void enoughCasesAreCleanAndCompared() {
        assertThat(plainGenerateCases().filter(c -> !c.oddOrBug()).count()).isGreaterThan(35);
    }

    @Test
    void readOnlyNoticeIsPrintedFirst() throws IOException {
        ConformanceCase c = ConformanceCase.named("partition_0x2000_readonly_2pages");
        Path work = c.copyTo(tmp.resolve("ro"));
        CliRun run = CliRun.in(work, "generate", "input.csv", "ro.bin", "0x2000");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("\n" + PartitionSize.READ_ONLY_NOTICE + "\n\nCreating NVS binary");
        assertThat(work.resolve("ro.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
    }

    @Test
    void sizeNotANumberIsAUsageErrorAndCreatesNothing() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_size_not_a_number");
        Path work = c.copyTo(tmp.resolve("nan"));
        CliRun run = CliRun.in(work, c.commandLine("expected.bin"));
        String line = failedWithOneLine(run, 2);
        assertThat(line).contains("SIZE 'abc'").contains("0x3000").contains("--help");
        assertThat(work.resolve("expected.bin")).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void version3IsAUsageError() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_version_3");
        Path work = c.copyTo(tmp.resolve("v3"));
        String line = failedWithOneLine(CliRun.in(work, c.commandLine("expected.bin")), 2);
        assertThat(line).contains("--version").contains("invalid choice: 3").contains("1, 2");
        assertThat(work.resolve("expected.bin")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"err_size_not_multiple", "err_size_zero"})
    void badSizesAreRefusedWithTheGeneratorsWords(String name) throws IOException {
        ConformanceCase c = ConformanceCase.named(name);
        Path work = c.copyTo(tmp.resolve(name));
        String line = failedWithOneLine(CliRun.in(work, c.commandLine("expected.bin")), 1);
        String generatorError = Files.readAllLines(c.file("expected-error.txt")).get(2).substring("error: ".length());
        assertThat(line).contains(generatorError.replaceAll("\\.$", ""));
        assertThat(work.resolve("expected.bin")).doesNotExist();
    }

    @Test
    void overflowLeavesNoFileAndNamesTheRow() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_overflow_primitives");
        Path work = c.copyTo(tmp.resolve("overflow"));
        CliRun run = CliRun.in(work, c.commandLine("expected.bin"));
        String line = failedWithOneLine(run, 1);
        assertThat(line).containsPattern("input\\.csv:\\d+").contains("key '");
        assertThat(work.resolve("expected.bin")).doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void overflowKeepsAnExistingOutputUnchanged() throws IOException {
        ConformanceCase c = ConformanceCase.named("err_overflow_primitives");
        Path work = c.copyTo(tmp.resolve("keep"));
        Files.write(work.resolve("expected.bin"), new byte[] {1, 2, 3});
        failedWithOneLine(CliRun.in(work, c.commandLine("expected.bin")), 1);
        assertThat(work.resolve("expected.bin")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @ParameterizedTest
    @MethodSource("refusedRows")
    void everyRefusedRowIsOneLineWithFileAndLine(ConformanceCase c) throws IOException {
        Path work = c.copyTo(tmp.resolve(c.name()));
        CliRun run = CliRun.in(work, c.commandLine("expected.bin"));
        String line = failedWithOneLine(run, 1);
        assertThat(line).containsPattern("input(-2)?\\.csv(:\\d+)?");
        assertThat(work.resolve("expected.bin")).doesNotExist();
    }

    static Stream<ConformanceCase> refusedRows() {
        return ConformanceCase.ofKind("error").stream().filter(c -> c.args().startsWith("generate "))
                .filter(c -> !c.name().startsWith("err_size") && !c.name().equals("err_version_3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x3000", "12288", "0o30000", "0b11000000000000", "0x3_000", "0X3000", " 12288 ",
            "+0x3000", "1_2288"})
    void sizeFormsOfPythonInt(String size) throws IOException {
        ConformanceCase c = ConformanceCase.named("partition_0x3000_basic");
        Path work = c.copyTo(tmp.resolve("size"));
        CliRun run = CliRun.in(work, "generate", "input.csv", "s.bin", size);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(work.resolve("s.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"012288", "0x", "12_", "_12", "1__2", "0x3000.0", "3e3", ""})
    void sizeFormsPythonRefuses(String size) throws IOException {
        ConformanceCase c = ConformanceCase.named("partition_0x3000_basic");
        Path work = c.copyTo(tmp.resolve("bad"));
        failedWithOneLine(CliRun.in(work, "generate", "input.csv", "s.bin", size), 2);
        assertThat(work.resolve("s.bin")).doesNotExist();
    }

    @Test
    void outdirIsCreatedAndPrintedAsGiven() throws IOException {
        ConformanceCase c = ConformanceCase.named("partition_0x3000_basic");
        Path work = c.copyTo(tmp.resolve("outdir"));
        CliRun run = CliRun.in(work, "generate", "--outdir", "build/nvs", "input.csv", "sub/x.bin", "0x3000");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).endsWith("Created NVS binary: ===> build/nvs/sub/x.bin\n");
        assertThat(work.resolve("build/nvs/sub/x.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
    }

    @Test
    void absoluteOutputIgnoresOutdir() throws IOException {
        ConformanceCase c = ConformanceCase.named("partition_0x3000_basic");
        Path work = c.copyTo(tmp.resolve("abs"));
        Path target = tmp.resolve("elsewhere.bin").toAbsolutePath();
        CliRun run = CliRun.in(work, "generate", "input.csv", target.toString(), "0x3000", "--outdir", "ignored");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(target).exists();
        assertThat(work.resolve("ignored")).doesNotExist();
        assertThat(run.out()).endsWith("===> " + target + "\n");
    }

    @Test
    void usageErrorsAreOneLineWithStatus2() throws IOException {
        Path work = ConformanceCase.named("partition_0x3000_basic").copyTo(tmp.resolve("usage"));
        failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin"), 2);
        failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin", "0x3000", "--bogus"), 2);
        failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin", "0x3000", "--version"), 2);
        failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin", "0x3000", "--version", "x"), 2);
        failedWithOneLine(CliRun.in(work, "frobnicate"), 2);
        failedWithOneLine(CliRun.in(work), 2);
        assertThat(work.resolve("x.bin")).doesNotExist();
    }

    @Test
    void missingInputIsOneLineNamingTheFile() throws IOException {
        String line = failedWithOneLine(CliRun.in(tmp, "generate", "nothere.csv", "x.bin", "0x3000"), 1);
        assertThat(line).contains("nothere.csv");
        assertThat(tmp.resolve("x.bin")).doesNotExist();
    }

    @Test
    void helpShowsExamples() {
        CliRun run = CliRun.in(tmp, "generate", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: nvs generate").contains("Examples:").contains("--version");
    }
}
