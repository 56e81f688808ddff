package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.Workload;
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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Ways to compute the entry CRC ({@code nvs_crc} of bytes 0..3 and 8..31 of every entry slot of the pages in use),
 * the one computation every encoder and reader repeats per entry. {@code production} is {@link NvsCrc#entry}; the
 * others are the candidates that were measured before choosing it (see RESULTS.md):
 * <ul>
 *   <li>{@code jdkPrefixed}: a fresh {@link CRC32}, the {@code FF FF FF FF} prefix, then the two pieces (the
 *       original {@code NvsCrc.entry});</li>
 *   <li>{@code jdkIdentity}: one reused {@link CRC32} over the two pieces, corrected with the identity
 *       {@code nvs_crc(x) = crc32(x) ^ crc32(zeros(28)) ^ 0xFFFFFFFF};</li>
 *   <li>{@code jdkScratchIdentity}: the two pieces copied into a 28-byte scratch array, then one reused
 *       {@link CRC32} call and the identity;</li>
 *   <li>{@code jdkWhole28}: not a correct entry CRC, only the cost of one intrinsic call over 28 contiguous bytes
 *       (what {@link FloorBenchmark} does per entry);</li>
 *   <li>{@code tableSlicing8}: a table-driven CRC in Java, eight bytes per step.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrcBenchmark {

    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int[] T = new int[8 * 256];
    private static final int ZEROS_28;

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
            }
            T[n] = c;
        }
        for (int t = 1; t < 8; t++) {
            for (int n = 0; n < 256; n++) {
                int prev = T[(t - 1) * 256 + n];
                T[t * 256 + n] = (prev >>> 8) ^ T[prev & 0xFF];
            }
        }
        CRC32 z = new CRC32();
        z.update(new byte[28]);
        ZEROS_28 = (int) z.getValue() ^ 0xFFFF_FFFF;
    }

    /** The data set (see {@link Workload}). */
    @Param({"mixed-10000"})
    public String workload;

    private byte[] image;
    private int entries;

    /** Encodes the image and counts the slots of its pages in use. */
    @Setup
    public void setup() {
        image = Workload.of(workload).image();
        int pages = 0;
        for (int p = 0; p < image.length; p += 4096) {
            if (image[p] != (byte) 0xFF) {
                pages++;
            }
        }
        entries = pages * 126;
    }

    private int slot(int i) {
        return (i / 126) * 4096 + 64 + (i % 126) * 32;
    }

    /** @return folded CRCs */
    @Benchmark
    public int production() {
        int acc = 0;
        for (int i = 0; i < entries; i++) {
            acc += NvsCrc.entry(image, slot(i));
        }
        return acc;
    }

    /** @return folded CRCs */
    @Benchmark
    public int jdkPrefixed() {
        int acc = 0;
        byte[] prefix = {-1, -1, -1, -1};
        for (int i = 0; i < entries; i++) {
            int e = slot(i);
            CRC32 crc = new CRC32();
            crc.update(prefix, 0, 4);
            crc.update(image, e, 4);
            crc.update(image, e + 8, 24);
            acc += (int) crc.getValue();
        }
        return acc;
    }

    /** @return folded CRCs */
    @Benchmark
    public int jdkIdentity() {
        int acc = 0;
        CRC32 crc = new CRC32();
        for (int i = 0; i < entries; i++) {
            int e = slot(i);
            crc.reset();
            crc.update(image, e, 4);
            crc.update(image, e + 8, 24);
            acc += (int) crc.getValue() ^ ZEROS_28;
        }
        return acc;
    }

    /** @return folded CRCs */
    @Benchmark
    public int jdkScratchIdentity() {
        int acc = 0;
        CRC32 crc = new CRC32();
        byte[] scratch = new byte[28];
        for (int i = 0; i < entries; i++) {
            int e = slot(i);
            I32.set(scratch, 0, (int) I32.get(image, e));
            System.arraycopy(image, e + 8, scratch, 4, 24);
            crc.reset();
            crc.update(scratch, 0, 28);
            acc += (int) crc.getValue() ^ ZEROS_28;
        }
        return acc;
    }

    /** @return folded CRCs */
    @Benchmark
    public int jdkWhole28() {
        int acc = 0;
        CRC32 crc = new CRC32();
        for (int i = 0; i < entries; i++) {
            crc.reset();
            crc.update(image, slot(i), 28);
            acc += (int) crc.getValue();
        }
        return acc;
    }

    /** @return folded CRCs */
    @Benchmark
    public int tableSlicing8() {
        int acc = 0;
        for (int i = 0; i < entries; i++) {
            int e = slot(i);
            int c = step4(0, (int) I32.get(image, e));
            c = step8(c, (long) I64.get(image, e + 8));
            c = step8(c, (long) I64.get(image, e + 16));
            c = step8(c, (long) I64.get(image, e + 24));
            acc += ~c;
        }
        return acc;
    }

    private static int step4(int c, int word) {
        c ^= word;
        return T[3 * 256 + (c & 0xFF)] ^ T[2 * 256 + ((c >>> 8) & 0xFF)] ^ T[256 + ((c >>> 16) & 0xFF)]
                ^ T[c >>> 24];
    }

    private static int step8(int c, long word) {
        int lo = c ^ (int) word;
        int hi = (int) (word >>> 32);
        return T[7 * 256 + (lo & 0xFF)] ^ T[6 * 256 + ((lo >>> 8) & 0xFF)] ^ T[5 * 256 + ((lo >>> 16) & 0xFF)]
                ^ T[4 * 256 + (lo >>> 24)] ^ T[3 * 256 + (hi & 0xFF)] ^ T[2 * 256 + ((hi >>> 8) & 0xFF)]
                ^ T[256 + ((hi >>> 16) & 0xFF)] ^ T[hi >>> 24];
    }
}
