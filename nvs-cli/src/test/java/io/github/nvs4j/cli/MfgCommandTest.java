package io.github.nvs4j.cli;

import io.github.nvs4j.testing.ConformanceCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nvs mfg generate} against the recorded mfg_gen.py cases. */
class MfgCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"mfg_5_devices", "mfg_blank_lines"})
    void recordedRunIsReproduced(String name) throws IOException {
        ConformanceCase c = ConformanceCase.named(name);
        Path work = c.copyTo(tmp.resolve(name));
        List<String> words = c.argWords();
        CliRun run = CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", words.get(1), words.get(2),
                "--outdir", "out", "--threads", "2");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("\nFiles generated in out ...\n");
        assertThat(run.errLines()).singleElement().asString().startsWith("nvs mfg generate: ")
                .contains("written to out");
        for (String kind : new String[] {"bin", "csv"}) {
            try (Stream<Path> expected = Files.list(c.file("expected/" + kind))) {
                List<Path> files = expected.toList();
                assertThat(files).isNotEmpty();
                for (Path f : files) {
                    assertThat(work.resolve("out/" + kind + "/" + f.getFileName())).as(f.toString())
                            .hasBinaryContent(Files.readAllBytes(f));
                }
            }
        }
    }

    @Test
    void progressBarOnATerminal() throws IOException {
        ConformanceCase c = ConformanceCase.named("mfg_5_devices");
        Path work = c.copyTo(tmp.resolve("bar"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"mfg", "generate", "config.csv", "values.csv", "dev", "0x3000",
            "--outdir", "o"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), work, true);
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\r[").contains("100% 5/5 devices\n")
                .contains("5 devices written");
    }

    @Test
    void refusedInputIsOneLineAndWritesNoImage() throws IOException {
        ConformanceCase c = ConformanceCase.named("mfg_5_devices");
        Path work = c.copyTo(tmp.resolve("bad"));
        Files.writeString(work.resolve("values.csv"), Files.readString(work.resolve("values.csv"))
                .replaceFirst("\n([^\n]*)\n", "\n$1,extra\n"));
        String line = failedWithOneLine(CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "dev",
                "0x3000", "--outdir", "o"), 1);
        assertThat(line).contains("values");
        assertThat(work.resolve("o/bin")).doesNotExist();
        failedWithOneLine(CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "dev", "0x3001"), 1);
        failedWithOneLine(CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "dev", "zz"), 2);
        failedWithOneLine(CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "dev", "0x3000",
                "--prefix_num", "1"), 2);
        failedWithOneLine(CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "dev", "0x3000",
                "--threads", "0"), 2);
        failedWithOneLine(CliRun.in(work, "mfg"), 2);
        failedWithOneLine(CliRun.in(work, "mfg", "frob"), 2);
    }

    @Test
    void i16ConfigIsEitherAcceptedOrRefusedInOneLine() throws IOException {
        ConformanceCase c = ConformanceCase.named("mfg_error_i16");
        Path work = c.copyTo(tmp.resolve("i16"));
        CliRun run = CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "bad", "0x3000", "--outdir", "o");
        if (run.status() != 0) {
            failedWithOneLine(run, 1);
        } else {
            assertThat(work.resolve("o/bin/bad-1.bin")).isNotEmptyFile();
        }
    }

    @Test
    void prefixNumAndKeygen() throws IOException {
        ConformanceCase c = ConformanceCase.named("mfg_5_devices");
        Path work = c.copyTo(tmp.resolve("keys"));
        CliRun run = CliRun.in(work, "mfg", "generate", "config.csv", "values.csv", "dev", "0x3000", "--outdir", "o",
                "--prefix_num", "7", "3", "--keygen");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(work.resolve("o/bin/dev-007-1.bin")).isRegularFile();
        assertThat(work.resolve("o/keys/keys-dev-007-1.bin")).isRegularFile();
        CliRun dec = CliRun.in(work, "decrypt", "o/bin/dev-007-1.bin", "o/keys/keys-dev-007-1.bin", "plain.bin");
        assertThat(dec.status()).as(dec.toString()).isZero();
        assertThat(work.resolve("plain.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected/bin/dev-1.bin")));
    }

    @Test
    void helpShowsExamples() {
        assertThat(CliRun.in(tmp, "mfg", "generate", "--help").out()).contains("Examples:").contains("--threads");
        assertThat(CliRun.in(tmp, "mfg", "--help").out()).contains("generate-key");
    }
}
