package io.github.nvs4j.benchmarks.mfg;

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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Mass manufacturing throughput: a batch of devices, each with its own 1,536-byte certificate file (a {@code file}
 * row, PEM-like text stored as a string) and five keys (serial string, MAC {@code hex2bin}, calibration {@code i32},
 * hardware revision {@code u8}, token {@code base64}) in a 0x6000 partition.
 *
 * <ul>
 *   <li>{@code inMemory}: {@link MfgJob#images()}, every device built and dropped, one thread;</li>
 *   <li>{@code writingFiles}: {@link MfgRunner#run}, every device's {@code bin/} and {@code csv/} file written
 *       (temporary file and move), with all processors.</li>
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
 * same for both sizes (no per-device growth), and {@code gc.count}/{@code gc.time} per device stay the same; with a
 * heap limit as small as {@code -Xmx48m} both sizes complete. Memory that grew with the batch would show up as a
 * rising allocation per device and, at 10,000 devices, as an {@code OutOfMemoryError}. The test
 * {@code MfgBoundedMemoryTest} checks the same for 100,000 devices by measuring the retained heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MfgBenchmark {

    private static final int CERTIFICATE_BYTES = 1536;

    /** Devices per batch. */
    @Param({"1000", "10000"})
    public int devices;

    private Path dir;
    private Path config;
    private Path values;
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
        dir = Files.createTempDirectory("nvs4j-mfg-bench");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        config = Files.writeString(dir.resolve("config.csv"), "device,namespace,\n"
                + "serial,data,string\nmac,data,hex2bin\ncal,data,i32\nhw_rev,data,u8\ntoken,data,base64\n"
                + "cert,file,string\n");
        values = dir.resolve("values.csv");
        Random random = new Random(1536);
        try (BufferedWriter out = Files.newBufferedWriter(values, StandardCharsets.UTF_8)) {
            out.write("serial,mac,cal,hw_rev,token,cert\n");
            for (int i = 1; i <= devices; i++) {
                byte[] token = new byte[32];
                random.nextBytes(token);
                Files.writeString(certs.resolve("dev-" + i + ".pem"), certificate(random));
                out.write("SN-" + (100_000 + i) + "," + String.format("240ac4%06x", i) + "," + (i * 13 - 40_000)
                        + "," + (i % 4) + "," + Base64.getEncoder().encodeToString(token) + ",certs/dev-" + i
                        + ".pem\n");
            }
        }
    }

    /** A 1,536-byte PEM-like certificate: header, base64 lines of up to 64 characters, footer. */
    private static String certificate(Random random) {
        String begin = "-----BEGIN CERTIFICATE-----\n";
        String end = "-----END CERTIFICATE-----\n";
        byte[] der = new byte[CERTIFICATE_BYTES];
        random.nextBytes(der);
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder(begin);
        int target = CERTIFICATE_BYTES - end.length();
        int used = 0;
        while (pem.length() < target) {
            int line = Math.min(64, target - pem.length() - 1);
            pem.append(b64, used, used + line).append('\n');
            used += line;
        }
        String text = pem.append(end).toString();
        if (text.length() != CERTIFICATE_BYTES) {
            throw new IllegalStateException("certificate of " + text.length() + " bytes");
        }
        return text;
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
        MfgJob job = MfgJob.open(config, values, options(dir.resolve("unused")).threads(1).build());
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
        MfgResult result = MfgRunner.run(config, values, options(outdir).build(), MfgProgress.NONE);
        counter.devices += result.devices();
        return result;
    }

    private MfgOptions.Builder options(Path out) {
        return MfgOptions.builder("dev", 0x6000).outdir(out).baseDirectory(dir);
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
