package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.Workload;
import io.github.nvs4j.csv.CsvOptions;
import io.github.nvs4j.csv.NvsCsvReader;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.write.NvsWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writing images: from the model ({@link NvsWriter#write}) and from generator CSV text
 * ({@link NvsCsvReader#read(String, byte[], CsvOptions)} then {@link NvsWriter#write}), for every workload.
 * Compare with {@link FloorBenchmark} of the same workload in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class EncodeBenchmark {

    /** The data set (see {@link Workload}). */
    @Param({"mixed-100", "mixed-1000", "mixed-10000", "mixed-1000000", "blob-500000"})
    public String workload;

    private NvsData data;
    private byte[] csv;
    private long partitionSize;
    private CsvOptions options;

    /** Builds the model and the CSV text. */
    @Setup
    public void setup() {
        Workload w = Workload.of(workload);
        data = w.data();
        csv = w.csv();
        partitionSize = w.partitionSize();
        options = new CsvOptions(Path.of("").toAbsolutePath(), Workload.VERSION);
    }

    /** @return the image written from the model */
    @Benchmark
    public byte[] fromModel() {
        return NvsWriter.write(data, partitionSize, Workload.VERSION);
    }

    /** @return the image written from the CSV file's bytes */
    @Benchmark
    public byte[] fromCsv() {
        return NvsWriter.write(NvsCsvReader.read("bench.csv", csv, options).data(), partitionSize,
                Workload.VERSION);
    }
}
