package io.github.nvs4j.cli;

import io.github.nvs4j.testing.ConformanceCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** Help on every command, the tool version, and error paths common to all commands. */
class HelpAndErrorsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"generate", "encrypt", "decrypt", "generate-key", "dump", "check", "to-csv",
        "mfg generate", "mfg generate-key"})
    void everyCommandHasHelpWithExamples(String command) {
        String[] words = (command + " --help").split(" ");
        CliRun run = CliRun.in(tmp, words);
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: nvs " + command).contains("Examples:").contains("Exit status");
        CliRun shortForm = CliRun.in(tmp, (command + " -h").split(" "));
        assertThat(shortForm.out()).isEqualTo(run.out());
    }

    @Test
    void overviewAndVersion() {
        CliRun help = CliRun.in(tmp, "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("generate").contains("to-csv").contains("mfg");
        CliRun version = CliRun.in(tmp, "--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("nvs ");
    }

    @Test
    void lineThatOnlyPicocliReadsGivesTheSameResult() throws IOException {
        Path work = ConformanceCase.named("partition_0x3000_basic").copyTo(tmp.resolve("picocli"));
        // "-V" is not an option of generate: the scanner declines, picocli parses and refuses it.
        failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin", "0x3000", "-V"), 2);
        // An option value starting with '-' makes the scanner decline; picocli reads the rest.
        CliRun run = CliRun.in(work, "generate", "input.csv", "--outdir", "-o", "x.bin", "--version", "2", "0x3000");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(work.resolve("-o/x.bin")).hasBinaryContent(Files.readAllBytes(
                ConformanceCase.named("partition_0x3000_basic").file("expected.bin")));
        String missing = failedWithOneLine(CliRun.in(work, "generate", "--outdir", "-o", "x.bin"), 2);
        assertThat(missing).contains("INPUT... OUTPUT SIZE");
        String abbreviated = failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin", "0x3000",
                "--outd", "o"), 2);
        assertThat(abbreviated).contains("--outd");
    }

    @Test
    void outputThatIsAFolderIsRefusedInOneLine() throws IOException {
        Path work = ConformanceCase.named("partition_0x3000_basic").copyTo(tmp.resolve("folder"));
        Files.createDirectories(work.resolve("x.bin"));
        String line = failedWithOneLine(CliRun.in(work, "generate", "input.csv", "x.bin", "0x3000"), 1);
        assertThat(line).contains("x.bin");
        Files.writeString(work.resolve("file"), "not a folder");
        String outdir = failedWithOneLine(CliRun.in(work, "generate", "input.csv", "y.bin", "0x3000", "--outdir",
                "file/sub"), 1);
        assertThat(outdir).contains("file").contains("--outdir");
    }

    @Test
    void unknownFormatIsAUsageErrorListingTheChoices() {
        Path dir = ConformanceCase.named("string_basic").dir();
        assertThat(failedWithOneLine(CliRun.in(dir, "dump", "expected.bin", "--format", "xml"), 2))
                .contains("argument --format: invalid choice: 'xml' (choose from text, json, minimal)");
        assertThat(failedWithOneLine(CliRun.in(dir, "check", "expected.bin", "--format", "minimal"), 2))
                .contains("argument --format: invalid choice: 'minimal' (choose from text, json)");
    }

    @Test
    void invalidFileNameIsOneLine() {
        String line = failedWithOneLine(CliRun.in(tmp, "dump", "bad\u0000name.bin"), 1);
        assertThat(line).contains("not a valid file name");
        failedWithOneLine(CliRun.in(tmp, "generate", "in\u0000.csv", "x.bin", "0x3000"), 1);
    }

    @Test
    void debugShowsTheStackTraceOnlyWhenAsked() throws IOException {
        Files.write(tmp.resolve("short.bin"), new byte[10]);
        CliRun quiet = CliRun.in(tmp, "check", "short.bin");
        assertThat(quiet.errLines()).hasSize(1);
        CliRun plain = CliRun.in(tmp, "dump", "--debug", "missing.bin");
        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err()).contains("missing.bin").contains("\tat ");
    }
}
