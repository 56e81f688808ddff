package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.Workload;
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

import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The hardware floor for a workload's image, the yardstick every other result is read against: one JDK CRC32 (the
 * intrinsic) over 28 bytes of every entry slot of every page in use (126 per page, whether the slot is written or
 * not), and one copy of the image's bytes into a fresh array. An encoder or reader that touches every entry once and
 * produces or reads the image once cannot do less; the estimate for a fully packed 1 MiB image is 0.6 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class FloorBenchmark {

    private static final int PAGE = 4096;
    private static final int FIRST_ENTRY = 64;
    private static final int ENTRIES = 126;

    /** The data set (see {@link Workload}). */
    @Param({"mixed-100", "mixed-1000", "mixed-10000", "mixed-1000000", "blob-500000"})
    public String workload;

    private byte[] image;
    private int pagesInUse;

    /** Encodes the workload's image and counts its pages in use. */
    @Setup
    public void setup() {
        image = Workload.of(workload).image();
        pagesInUse = 0;
        for (int p = 0; p < image.length; p += PAGE) {
            if (image[p] != (byte) 0xFF || image[p + 1] != (byte) 0xFF) { // state word not UNINITIALIZED
                pagesInUse++;
            }
        }
    }

    /** @return the copy, with the folded CRCs stored in its first bytes so that nothing is dead code */
    @Benchmark
    public byte[] crcPerEntryAndCopy() {
        byte[] copy = image.clone();
        CRC32 crc = new CRC32();
        int acc = 0;
        for (int p = 0; p < pagesInUse; p++) {
            for (int e = p * PAGE + FIRST_ENTRY, end = e + ENTRIES * 32; e < end; e += 32) {
                crc.reset();
                crc.update(image, e, 28);
                acc += (int) crc.getValue();
            }
        }
        copy[0] ^= (byte) acc;
        return copy;
    }
}
