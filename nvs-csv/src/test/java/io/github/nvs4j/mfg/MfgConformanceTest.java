package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recorded {@code mfg_gen.py} cases: same file names, byte-identical images and per-device CSVs; and
 * {@code mfg_error_i16}, which nvs4j accepts (docs/mfg-differences.md).
 */
class MfgConformanceTest {

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"mfg_5_devices", "mfg_blank_lines"})
    void runnerWritesTheRecordedFilesByteForByte(String name) throws IOException {
        Path caseDir = TestData.path("conformance/" + name);
        MfgResult result = MfgRunner.run(caseDir.resolve("config.csv"), caseDir.resolve("values.csv"),
                optionsFor(caseDir).outdir(out).threads(3).build(), MfgProgress.NONE);
        Path expected = caseDir.resolve("expected");
        assertThat(result.devices()).isEqualTo(fileNames(expected.resolve("bin")).size());
        for (String folder : List.of("bin", "csv")) {
            assertThat(fileNames(out.resolve(folder))).as(folder).isEqualTo(fileNames(expected.resolve(folder)));
            for (String file : fileNames(expected.resolve(folder))) {
                assertThat(Files.readAllBytes(out.resolve(folder).resolve(file))).as(folder + "/" + file)
                        .isEqualTo(Files.readAllBytes(expected.resolve(folder).resolve(file)));
            }
        }
        assertThat(fileNames(out)).containsExactly("bin", "csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mfg_5_devices", "mfg_blank_lines"})
    void inMemoryImagesAreByteIdentical(String name) throws IOException {
        Path caseDir = TestData.path("conformance/" + name);
        MfgJob job = MfgJob.open(caseDir.resolve("config.csv"), caseDir.resolve("values.csv"),
                optionsFor(caseDir).build());
        Path expected = caseDir.resolve("expected");
        try (Stream<DeviceImage> images = job.images()) {
            images.forEach(image -> {
                try {
                    assertThat(image.image()).as(image.name())
                            .isEqualTo(Files.readAllBytes(expected.resolve("bin/" + image.name() + ".bin")));
                    assertThat(image.csv()).isEqualTo(Files.readAllBytes(expected.resolve("csv/" + image.name()
                            + ".csv")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * mfg_gen refuses {@code i16} ({@code Error: config file: config_tmp.csv has invalid encoding at line no:2});
     * nvs4j accepts it and the image holds the value: decoded here from the bytes, by the layout of spec §2.
     */
    @Test
    void mfgErrorI16IsAcceptedAndTheImageHoldsTheValue() throws IOException {
        Path caseDir = TestData.path("conformance/mfg_error_i16");
        assertThat(Files.readString(caseDir.resolve("expected-error.txt")))
                .contains("has invalid encoding at line no:2");
        MfgRunner.run(caseDir.resolve("config.csv"), caseDir.resolve("values.csv"),
                optionsFor(caseDir).outdir(out).build(), MfgProgress.NONE);
        assertThat(fileNames(out.resolve("bin"))).containsExactly("bad-1.bin");
        byte[] image = Files.readAllBytes(out.resolve("bin/bad-1.bin"));
        assertThat(image).hasSize(0x3000);
        int ns = 64;
        int k = 96;
        assertThat(image[ns] & 0xFF).as("namespace entry in table 0").isZero();
        assertThat(key(image, ns)).isEqualTo("ns");
        assertThat(image[ns + 24] & 0xFF).as("namespace index").isEqualTo(1);
        assertThat(image[k] & 0xFF).as("item in namespace 1").isEqualTo(1);
        assertThat(image[k + 1] & 0xFF).as("type i16").isEqualTo(0x12);
        assertThat(key(image, k)).isEqualTo("k");
        assertThat((short) ((image[k + 24] & 0xFF) | (image[k + 25] & 0xFF) << 8)).isEqualTo((short) -5);
        assertThat(Files.readString(out.resolve("csv/bad-1.csv")))
                .isEqualTo("key,type,encoding,value\r\nns,namespace,,\r\nk,data,i16,-5\r\n");
    }

    @Test
    void i16ValuesAreRangeCheckedLikeGenerate() throws IOException {
        Path config = Files.writeString(out.resolve("c.csv"), "ns,namespace,\nk,data,i16\n");
        Path values = Files.writeString(out.resolve("v.csv"), "k\n-32768\n32768\n");
        MfgJob job = MfgJob.open(config, values, MfgOptions.builder("dev", 0x3000).build());
        try (Stream<DeviceImage> images = job.images()) {
            assertThatThrownBy(() -> images.forEach(i -> assertThat(i.row().number()).isEqualTo(1)))
                    .isInstanceOfSatisfying(NvsInputException.class, e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.key()).isEqualTo("k");
                        assertThat(e.reason()).startsWith("device 2, column 1 (config ").contains("i16");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mfg_5_devices", "mfg_blank_lines"})
    void perDeviceCsvsAreByteIdentical(String name) throws IOException {
        Path caseDir = TestData.path("conformance/" + name);
        MfgJob job = MfgJob.open(caseDir.resolve("config.csv"), caseDir.resolve("values.csv"),
                optionsFor(caseDir).build());
        List<String> expectedNames = fileNames(caseDir.resolve("expected/csv"));
        List<String> names = new ArrayList<>();
        try (Stream<DeviceRow> rows = job.devices()) {
            for (Iterator<DeviceRow> it = rows.iterator(); it.hasNext(); ) {
                DeviceRow row = it.next();
                String fileName = OutputNames.csvFileName(job.names().baseName(row, row.values(), "values.csv"));
                names.add(fileName);
                assertThat(job.csvOf(row)).as(fileName)
                        .isEqualTo(Files.readAllBytes(caseDir.resolve("expected/csv").resolve(fileName)));
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expectedNames);
    }

    /** The key field of the entry at {@code offset}: bytes 8 to 23, up to the first NUL (spec §2.5). */
    private static String key(byte[] image, int offset) {
        int n = 0;
        while (n < 16 && image[offset + 8 + n] != 0) {
            n++;
        }
        return new String(image, offset + 8, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code args.txt}: {@code generate PREFIX SIZE}. */
    static MfgOptions.Builder optionsFor(Path caseDir) throws IOException {
        String[] args = Files.readString(caseDir.resolve("args.txt")).trim().split(" ");
        assertThat(args).hasSize(3);
        assertThat(args[0]).isEqualTo("generate");
        return MfgOptions.builder(args[1], Long.decode(args[2])).baseDirectory(caseDir);
    }

    static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
