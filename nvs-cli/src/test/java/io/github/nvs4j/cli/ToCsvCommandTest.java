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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nvs to-csv}: the CSV of a generator-made image regenerates it byte for byte. */
class ToCsvCommandTest {

    private static final Pattern HINT = Pattern.compile("regenerate with: nvs generate (\\S+) IMAGE\\.bin (0x[0-9a-f]+)"
            + " --version ([12])\n");

    @TempDir
    Path tmp;

    /** Clean generate cases: no ODD/BUG behaviour, not encrypted. */
    static Stream<ConformanceCase> cleanImages() {
        return ConformanceCase.ofKind("generate").stream().filter(c -> c.args().startsWith("generate ")).filter(c -> !c.oddOrBug());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanImages")
    void csvRegeneratesTheImageByteForByte(ConformanceCase c) throws IOException {
        Path work = Files.createDirectories(tmp.resolve(c.name()));
        Files.copy(c.file("expected.bin"), work.resolve("image.bin"));
        CliRun toCsv = CliRun.in(work, "to-csv", "image.bin", "keys.csv");
        assertThat(toCsv.status()).as(toCsv.toString()).isZero();
        assertThat(toCsv.errLines()).as(toCsv.toString()).hasSizeBetween(1, 2);
        Matcher hint = HINT.matcher(toCsv.err());
        assertThat(hint.find()).as(toCsv.err()).isTrue();
        assertThat(hint.group(1)).isEqualTo("keys.csv");
        assertThat(hint.group(3)).isEqualTo(c.args().contains("--version 1") ? "1" : "2");
        CliRun generate = CliRun.in(work, "generate", "keys.csv", "again.bin", hint.group(2), "--version",
                hint.group(3));
        assertThat(generate.status()).as(generate.toString()).isZero();
        assertThat(work.resolve("again.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
    }

    @Test
    void enoughImagesAreChecked() {
        assertThat(cleanImages().count()).isGreaterThan(35);
    }

    @Test
    void encryptedImageWithItsKey() throws IOException {
        ConformanceCase c = ConformanceCase.named("encrypt_multipage_blob");
        Path work = c.copyTo(tmp.resolve("enc"));
        CliRun run = CliRun.in(work, "to-csv", "expected.bin", "k.csv", "--key", "encryption_key.bin");
        assertThat(run.status()).as(run.toString()).isZero();
        Matcher hint = HINT.matcher(run.err());
        assertThat(hint.find()).isTrue();
        CliRun encrypt = CliRun.in(work, "encrypt", "k.csv", "again.bin", hint.group(2), "--version", hint.group(3),
                "--inputkey", "encryption_key.bin");
        assertThat(encrypt.status()).as(encrypt.toString()).isZero();
        assertThat(work.resolve("again.bin")).hasBinaryContent(Files.readAllBytes(c.file("expected.bin")));
    }

    @Test
    void partitionOfAFlashDump() throws IOException {
        Path out = tmp.resolve("dump.csv");
        CliRun run = CliRun.in(TestData.path("flash-dumps"), "to-csv", "two-nvs-2mb.bin", out.toString(),
                "--partition", "nvs");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.err()).contains("IMAGE.bin 0xa000 --version 2");
        assertThat(Files.readString(out)).startsWith("key,type,encoding,value\n");
    }

    @Test
    void damagedImagesAreConvertedWithAWarning() {
        CliRun torn = CliRun.in(TestData.path("device-images"), "to-csv", "edge-ns-entry-torn.bin",
                tmp.resolve("t.csv").toString());
        assertThat(torn.status()).as(torn.toString()).isZero();
        assertThat(torn.err()).contains("warning: the image is not clean").contains("none of them is in the CSV");
        CliRun dup = CliRun.in(TestData.path("device-images"), "to-csv", "torn-dup.bin",
                tmp.resolve("d.csv").toString());
        assertThat(dup.err()).contains("only the newest copy");
    }

    @Test
    void unmountableImageIsRefusedAndWritesNothing() {
        String line = failedWithOneLine(CliRun.in(TestData.path("device-images"), "to-csv",
                "edge-freeing-no-spare.bin", tmp.resolve("x.csv").toString()), 1);
        assertThat(line).contains("ESP_ERR_NVS_NOT_ENOUGH_SPACE");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }
}
