package io.github.nvs4j.cli;

import io.github.nvs4j.testing.ConformanceCase;
import io.github.nvs4j.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nvs check}: exit statuses and output formats over the recorded check cases. */
class CheckCommandTest {

    @TempDir
    Path tmp;

    static Stream<ConformanceCase> checkCases() {
        return ConformanceCase.ofKind("check").stream();
    }

    /** The status says whether an error was found; the text and JSON outputs agree with it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkCases")
    void statusFollowsTheFindings(ConformanceCase c) {
        CliRun text = CliRun.in(c.dir(), "check", "image.bin");
        CliRun json = CliRun.in(c.dir(), "check", "image.bin", "--format", "json");
        assertThat(text.status()).as(text.toString()).isIn(0, 1);
        assertThat(json.status()).isEqualTo(text.status());
        assertThat(json.out()).startsWith("{\n  \"findings\": [");
        boolean errors = json.out().contains("\"severity\": \"error\"");
        assertThat(text.status()).isEqualTo(errors ? 1 : 0);
        assertThat(text.out().lines().filter(l -> l.startsWith("error ")).count() > 0).isEqualTo(errors);
        assertThat(text.out()).containsPattern("(no findings|\\d+ errors?, \\d+ warnings?) \\(\\d+ pages checked\\)\n$");
    }

    @Test
    void cleanImagePassesAndDamagedOnesFail() {
        CliRun clean = CliRun.in(ConformanceCase.named("check-clean").dir(), "check", "image.bin");
        assertThat(clean.status()).isZero();
        assertThat(clean.out()).isEqualTo("no findings (3 pages checked)\n");
        for (String name : new String[] {"check-entry-crc-bitflip", "check-string-data-crc", "check-duplicate-key",
            "check-no-empty-page", "check-blob-missing-chunk", "check-undefined-namespace"}) {
            CliRun run = CliRun.in(ConformanceCase.named(name).dir(), "check", "image.bin");
            assertThat(run.status()).as(name + "\n" + run).isEqualTo(1);
        }
    }

    @Test
    void unreadableImagesExit2WithOneLine() throws IOException {
        Files.write(tmp.resolve("short.bin"), new byte[100]);
        String line = failedWithOneLine(CliRun.in(tmp, "check", "short.bin"), CheckCommand.UNREADABLE);
        assertThat(line).contains("4096");
        failedWithOneLine(CliRun.in(tmp, "check", "missing.bin"), CheckCommand.UNREADABLE);
        ConformanceCase enc = ConformanceCase.named("encrypt_hmac");
        failedWithOneLine(CliRun.in(enc.dir(), "check", "expected.bin", "--key",
                "../encrypt_inputkey/encryption_key.bin"), CheckCommand.UNREADABLE);
        failedWithOneLine(CliRun.in(tmp, "check", "short.bin", "--format", "yaml"), 2);
    }

    @Test
    void encryptedImageIsCheckedWithItsKey() {
        ConformanceCase c = ConformanceCase.named("encrypt_inputkey");
        CliRun run = CliRun.in(c.dir(), "check", "expected.bin", "--key", "encryption_key.bin");
        assertThat(run.status()).as(run.toString()).isZero();
        CliRun noKey = CliRun.in(c.dir(), "check", "expected.bin");
        assertThat(noKey.status()).isEqualTo(1);
        assertThat(noKey.err()).contains("looks encrypted");
    }

    @Test
    void wholeFlashDumpIsChecked() {
        CliRun run = CliRun.in(TestData.path("flash-dumps"), "check", "two-nvs-2mb.bin", "--partition", "nvs");
        assertThat(run.status()).as(run.toString()).isIn(0, 1);
        assertThat(run.out()).contains("(10 pages checked)");
        assertThat(run.err()).contains("'nvs'");
    }
}
