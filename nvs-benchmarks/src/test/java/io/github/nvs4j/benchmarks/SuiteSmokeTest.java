package io.github.nvs4j.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI smoke run of the whole JMH suite: every benchmark method once, on the smallest parameters, in this JVM
 * (no warm-up, one single-shot iteration, no fork), failing on any error. It asserts nothing about time; it keeps
 * the suite from rotting (a benchmark that throws, or that disappears from the generated list, fails the build).
 */
class SuiteSmokeTest {

    /** Every benchmark method of the suite, as {@code Class.method}. */
    private static final Set<String> EXPECTED = Set.of(
            "EncodeBenchmark.fromModel", "EncodeBenchmark.fromCsv",
            "FloorBenchmark.crcPerEntryAndCopy",
            "ReadBenchmark.bootAndView", "ReadBenchmark.check", "ReadBenchmark.readAndCheck",
            "ReadBenchmark.readModel",
            "CryptoBenchmark.encrypt", "CryptoBenchmark.decryptAndRead",
            "MfgBenchmark.inMemory", "MfgBenchmark.writingFiles", "MfgBenchmark.rawFileWrites",
            "CrcBenchmark.production", "CrcBenchmark.jdkPrefixed", "CrcBenchmark.jdkIdentity",
            "CrcBenchmark.jdkScratchIdentity", "CrcBenchmark.jdkWhole28", "CrcBenchmark.tableSlicing8",
            "CrcPayloadBenchmark.production", "CrcPayloadBenchmark.jdkOneCall");

    @Test
    void everyBenchmarkRunsOnce() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("io\\.github\\.nvs4j\\.benchmarks\\..*")
                .param("workload", "mixed-100")
                .param("devices", "10")
                .param("length", "33")
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementBatchSize(1)
                .forks(0)
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String[] parts = label.split("\\.");
            ran.add(parts[parts.length - 2] + "." + parts[parts.length - 1]);
            assertThat(result.getPrimaryResult().getSampleCount()).as(label).isPositive();
        }
        assertThat(ran).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }
}
