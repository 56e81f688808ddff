package io.github.nvs4j.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.zip.CRC32;

/** Placeholder: CRC32 over 1 MiB in 32-byte pieces. */
@State(Scope.Benchmark)
public class CrcFloorBenchmark {
    private final byte[] image = new byte[1 << 20];

    /** @return the combined CRCs */
    @Benchmark
    public long crcPerEntry() {
        long acc = 0;
        CRC32 crc = new CRC32();
        for (int off = 0; off < image.length; off += 32) {
            crc.reset();
            crc.update(image, off, 28);
            acc += crc.getValue();
        }
        return acc;
    }
}
