package io.github.nvs4j.benchmarks;

import io.github.nvs4j.internal.format.NvsCrc;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The payload CRC ({@link NvsCrc#of}) by length, against the two ways it can be computed: the JDK's intrinsic
 * {@link CRC32} in one call (corrected by the zero-run identity) and the table in Java. 1,024 inputs per operation
 * at different offsets of a 4 MiB buffer, so that the data is not all in L1. Decides {@code NvsCrc}'s threshold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrcPayloadBenchmark {

    private static final int INPUTS = 1024;

    /** Payload length in bytes. */
    @Param({"4", "9", "24", "33", "64", "96", "4000"})
    public int length;

    private byte[] buf;
    private int[] offsets;

    /** Random bytes and offsets. */
    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(9);
        buf = new byte[4 << 20];
        random.nextBytes(buf);
        offsets = new int[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            offsets[i] = random.nextInt(buf.length - length);
        }
    }

    /** @return folded CRCs */
    @Benchmark
    public int production() {
        int acc = 0;
        for (int off : offsets) {
            acc += NvsCrc.of(buf, off, length);
        }
        return acc;
    }

    /** @return folded CRCs (without the correction, which is one array load) */
    @Benchmark
    public int jdkOneCall() {
        int acc = 0;
        CRC32 crc = new CRC32();
        for (int off : offsets) {
            crc.reset();
            crc.update(buf, off, length);
            acc += (int) crc.getValue();
        }
        return acc;
    }
}
