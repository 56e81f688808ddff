package io.github.nvs4j.cli;

import io.github.nvs4j.testing.ConformanceCase;
import io.github.nvs4j.testing.FlashDump;
import io.github.nvs4j.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.github.nvs4j.cli.Assertions2.failedWithOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nvs dump} against the device images, the flash dumps and nvs_tool's recorded minimal listings. */
class DumpCommandTest {

    @TempDir
    Path tmp;

    static Stream<String> deviceImages() throws IOException {
        try (Stream<Path> files = Files.list(TestData.path("device-images"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            assertThat(names).hasSizeGreaterThan(30);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceImages")
    void jsonIsTheRecordedDeviceView(String name) throws IOException {
        Path dir = TestData.path("device-images");
        CliRun run = CliRun.in(dir, "dump", name + ".bin", "--format", "json");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(dir.resolve(name + ".expected.json"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceImages")
    void textListsEveryValueOfTheView(String name) throws IOException {
        Path dir = TestData.path("device-images");
        CliRun run = CliRun.in(dir, "dump", name + ".bin");
        assertThat(run.status()).as(run.toString()).isZero();
        String json = Files.readString(dir.resolve(name + ".expected.json"), StandardCharsets.UTF_8);
        Matcher init = Pattern.compile("\"init\": \"(\\w+)\"").matcher(json);
        assertThat(init.find()).isTrue();
        assertThat(run.out()).startsWith("init: " + init.group(1));
        Matcher key = Pattern.compile("\\{\"namespace\": \"[^\"]*\", \"key\": \"([^\"\\\\]*)\", \"type\": \"(\\w+)\"")
                .matcher(json);
        int rows = 0;
        while (key.find()) {
            rows++;
            assertThat(run.out()).containsPattern("(?m)^\\S+ +" + Pattern.quote(key.group(1)) + " +"
                    + key.group(2) + " ");
        }
        assertThat(run.out().lines().count()).isGreaterThanOrEqualTo(rows);
    }

    @Test
    void textShowsUnreadableAndUnlistedSections() {
        Path dir = TestData.path("device-images");
        CliRun torn = CliRun.in(dir, "dump", "edge-ns-entry-torn.bin");
        assertThat(torn.out()).contains("unreadable").containsPattern("ns2 +cal5 +i16 +ESP_ERR_NVS_NOT_FOUND");
        assertThat(torn.err()).contains("note: at boot");
        CliRun legacy = CliRun.in(dir, "dump", "edge-legacy-blob.bin");
        assertThat(legacy.out()).contains("unlisted").containsPattern("dummyNamespace +hexFileKey +blob +0123456789abcdef");
        CliRun failed = CliRun.in(dir, "dump", "edge-freeing-no-spare.bin");
        assertThat(failed.status()).isZero();
        assertThat(failed.out()).startsWith("init: ESP_ERR_NVS_NOT_ENOUGH_SPACE");
    }

    @Test
    void longValuesAreAbbreviatedWithTheirLength() {
        CliRun run = CliRun.in(TestData.path("device-images"), "dump", "torn-dup.bin");
        assertThat(run.out()).containsPattern("k19 +blob +[0-9a-f]{48}\\.\\.\\. \\(5203 bytes\\)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"types_unsigned_minmax", "string_utf8", "blob_multipage_v2", "key_lengths",
            "namespaces_several", "v1_mixed_types"})
    void minimalIsNvsToolsListing(String name) throws IOException {
        ConformanceCase c = ConformanceCase.named(name);
        CliRun run = CliRun.in(c.dir(), "dump", "expected.bin", "--format", "minimal");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(c.file("expected-minimal.json"), StandardCharsets.UTF_8));
    }

    static Stream<String> flashDumps() {
        List<String> names = FlashDump.names();
        assertThat(names).hasSizeGreaterThanOrEqualTo(8);
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flashDumps")
    void flashDumpWithEachSelection(String name) throws IOException {
        Path dir = TestData.path("flash-dumps");
        FlashDump dump = FlashDump.load(name);
        String bin = name + ".bin";
        if (dump.isErrorCase()) {
            CliRun auto = CliRun.in(dir, "dump", bin, "--format", "json");
            failedWithOneLine(auto, 1);
            assertThat(auto.out()).isEmpty();
            CliRun byLabel = CliRun.in(dir, "dump", bin, "--partition", "nvs", "--format", "json");
            failedWithOneLine(byLabel, 1);
            assertThat(byLabel.out()).isEmpty();
            CliRun check = CliRun.in(dir, "check", bin);
            assertThat(check.status()).isEqualTo(CheckCommand.UNREADABLE);
            assertThat(check.out()).isEmpty();
            return;
        }
        Path images = TestData.path("device-images");
        List<Map<String, Object>> nvs = dump.nvsPartitions();
        assertThat(nvs).isNotEmpty();
        // No option: the first data/nvs partition, with a note on stderr.
        CliRun auto = CliRun.in(dir, "dump", bin, "--format", "json");
        assertThat(auto.status()).as(auto.toString()).isZero();
        assertThat(auto.out()).isEqualTo(Files.readString(images.resolve((String) nvs.get(0).get("expected")), StandardCharsets.UTF_8));
        assertThat(auto.errLines()).hasSize(1);
        assertThat(auto.err()).contains("'" + nvs.get(0).get("label") + "'");
        if (nvs.size() > 1) {
            assertThat(auto.err()).contains("nvs_flash_init() opens the one labelled 'nvs'");
        }
        for (Map<String, Object> p : nvs) {
            String expected = Files.readString(images.resolve((String) p.get("expected")), StandardCharsets.UTF_8);
            CliRun byLabel = CliRun.in(dir, "dump", bin, "--partition", (String) p.get("label"), "--format", "json");
            assertThat(byLabel.status()).as(byLabel.toString()).isZero();
            assertThat(byLabel.out()).isEqualTo(expected);
            CliRun byRange = CliRun.in(dir, "dump", bin, "--offset", "0x" + Long.toHexString((Long) p.get("offset")), "--size",
                    p.get("size").toString(), "--format", "json");
            assertThat(byRange.status()).as(byRange.toString()).isZero();
            assertThat(byRange.out()).isEqualTo(expected);
        }
    }

    @Test
    void readOnlyFlagIsPassedOnAndReported() {
        CliRun run = CliRun.in(TestData.path("flash-dumps"), "dump", "readonly-nvs-1mb.bin", "--format", "json");
        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("readonly");
    }

    @Test
    void selectionErrorsAreOneLine() {
        Path dir = TestData.path("flash-dumps");
        String line = failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--partition", "nope"), 1);
        assertThat(line).contains("nope").contains("nvs_factory");
        failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--partition", "phy_init"), 1);
        failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--offset", "0x9000"), 2);
        failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--offset", "x", "--size", "1"), 2);
        failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--partition", "nvs", "--offset", "0",
                "--size", "4096"), 2);
        failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--offset", "0x1ff000", "--size", "0x2000"), 1);
        failedWithOneLine(CliRun.in(dir, "dump", "two-nvs-2mb.bin", "--format", "xml"), 2);
        failedWithOneLine(CliRun.in(dir, "dump", "missing.bin"), 1);
    }

    @Test
    void encryptedImageIsReadWithItsKey() {
        ConformanceCase c = ConformanceCase.named("encrypt_inputkey");
        CliRun plain = CliRun.in(c.dir(), "dump", "expected-decrypted.bin", "--format", "json");
        CliRun keyed = CliRun.in(c.dir(), "dump", "expected.bin", "--key", "encryption_key.bin", "--format", "json");
        assertThat(keyed.status()).as(keyed.toString()).isZero();
        assertThat(keyed.out()).isEqualTo(plain.out());
        CliRun noKey = CliRun.in(c.dir(), "dump", "expected.bin");
        assertThat(noKey.err()).contains("looks encrypted").contains("--key");
        CliRun minimal = CliRun.in(c.dir(), "dump", "expected.bin", "--key", "encryption_key.bin", "--format",
                "minimal");
        try {
            assertThat(minimal.out()).isEqualTo(Files.readString(c.file("expected-decrypted-minimal.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void wrongKeyIsRefused() {
        ConformanceCase c = ConformanceCase.named("encrypt_hmac");
        String line = failedWithOneLine(CliRun.in(c.dir(), "dump", "expected.bin", "--key",
                "../encrypt_inputkey/encryption_key.bin"), 1);
        assertThat(line).contains("key");
        assertThat(CliRun.in(c.dir(), "dump", "expected.bin", "--key", "expected-keys.bin").status()).isZero();
    }
}
