package io.github.nvs4j.benchmarks.mfg;

import io.github.nvs4j.benchmarks.workload.MassDevices;
import io.github.nvs4j.mfg.DeviceImage;
import io.github.nvs4j.mfg.MfgJob;
import io.github.nvs4j.mfg.MfgOptions;
import io.github.nvs4j.mfg.MfgProgress;
import io.github.nvs4j.mfg.MfgResult;
import io.github.nvs4j.mfg.MfgRunner;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Mass manufacturing throughput on the {@link MassDevices} input (five keys per device, one of them a 1,536-byte
 * certificate file, 0x6000 partitions).
 *
 * <ul>
 *   <li>{@code inMemory}: {@link MfgJob#images()}, every device built and dropped, one thread;</li>
 *   <li>{@code writingFiles}: {@link MfgRunner#run}, every device's {@code bin/} and {@code csv/} file written,
 *       with all processors;</li>
 *   <li>{@code rawFileWrites}: the disk's baseline in the same run: the same number of files of the same sizes
 *       (one 0x6000-byte and one 300-byte file per device, in two folders) written with plain
 *       {@link Files#write}, one thread, nothing computed.</li>
 * </ul>
 * The primary score is batches per second; the secondary {@code devices} score is <b>devices per second</b>.
 *
 * <p><b>Peak heap staying flat.</b> Both benchmarks read the values file line by line and keep at most
 * {@code 2 × threads} devices in memory, so memory must not depend on the batch size. Compare the two values of
 * {@code devices} (1,000 and 10,000):
 * <pre>
 * java -jar nvs-benchmarks/target/benchmarks.jar MfgBenchmark -prof gc -jvmArgs -Xmx48m
 * </pre>
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} (bytes allocated per batch) divided by {@code devices} is the
 * same for both sizes (no per-device growth); with a heap limit as small as {@code -Xmx48m} both sizes complete.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MfgBenchmark {

    private static final int CSV_FILE_BYTES = 300;

    /** Devices per batch. */
    @Param({"1000", "10000"})
    public int devices;

    /**
     * Where the files go: {@code disk}, the default temporary folder (the VM's disk), or {@code tmpfs},
     * {@code /dev/shm} (memory), which shows what the code costs without the disk.
     */
    @Param({"disk"})
    public String fs;

    private Path dir;
    private MassDevices.InputFiles inputs;
    private Path outdir;
    private int batch;

    /** Counts the devices, so that JMH reports devices per second next to batches per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Devices {
        /** Devices built (reported by JMH as a rate). */
        public long devices;
    }

    /**
     * Writes the config, the values file and one certificate file per device.
     *
     * @throws IOException if the temporary files cannot be written
     */
    @Setup(Level.Trial)
    public void inputs() throws IOException {
        dir = fs.equals("tmpfs") ? Files.createTempDirectory(Path.of("/dev/shm"), "nvs4j-mfg-bench")
                : Files.createTempDirectory("nvs4j-mfg-bench");
        inputs = MassDevices.write(dir, devices);
    }

    /** A fresh output folder for each batch that writes files. */
    @Setup(Level.Invocation)
    public void freshOutput() {
        outdir = dir.resolve("out-" + (++batch));
    }

    /** Removes the batch's files. */
    @TearDown(Level.Invocation)
    public void removeOutput() {
        delete(outdir);
    }

    /** Removes the inputs. */
    @TearDown(Level.Trial)
    public void removeInputs() {
        delete(dir);
    }

    /**
     * Builds every device in memory.
     *
     * @param bh sink for the images
     * @param counter counts devices
     */
    @Benchmark
    public void inMemory(Blackhole bh, Devices counter) {
        MfgJob job = MfgJob.open(inputs.config(), inputs.values(), options(dir.resolve("unused")).threads(1).build());
        try (Stream<DeviceImage> images = job.images()) {
            images.forEach(image -> {
                bh.consume(image);
                counter.devices++;
            });
        }
    }

    /**
     * Writes every device's files with all processors.
     *
     * @param counter counts devices
     * @return the run's summary
     */
    @Benchmark
    public MfgResult writingFiles(Devices counter) {
        MfgResult result = MfgRunner.run(inputs.config(), inputs.values(), options(outdir).build(),
                MfgProgress.NONE);
        counter.devices += result.devices();
        return result;
    }

    /**
     * The disk's baseline: as many files of the same sizes as {@link #writingFiles}, written directly.
     *
     * @param counter counts devices
     * @throws IOException if a file cannot be written
     */
    @Benchmark
    public void rawFileWrites(Devices counter) throws IOException {
        Path bin = Files.createDirectories(outdir.resolve("bin"));
        Path csv = Files.createDirectories(outdir.resolve("csv"));
        byte[] image = new byte[(int) MassDevices.PARTITION_SIZE];
        byte[] text = new byte[CSV_FILE_BYTES];
        for (int i = 1; i <= devices; i++) {
            image[0] = (byte) i;
            text[0] = (byte) i;
            Files.write(csv.resolve("dev-" + i + ".csv"), text);
            Files.write(bin.resolve("dev-" + i + ".bin"), image);
            counter.devices++;
        }
    }

    private MfgOptions.Builder options(Path out) {
        return MfgOptions.builder("dev", MassDevices.PARTITION_SIZE).outdir(out).baseDirectory(dir);
    }

    private static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
