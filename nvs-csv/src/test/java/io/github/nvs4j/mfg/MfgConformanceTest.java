package io.github.nvs4j.mfg;

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

/**
 * The recorded {@code mfg_gen.py} cases: same file names and byte-identical per-device CSVs.
 */
class MfgConformanceTest {

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
