package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.Workload;
import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsKeys;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
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

/**
 * Encryption: {@link NvsEncryption#encrypt} of a plain image, and {@link NvsEncryption#decryptVerified} followed by
 * {@link NvsReader#boot} of the encrypted one. The key is fixed (bytes 1…64).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class CryptoBenchmark {

    /** The data set (see {@link Workload}); {@code mixed-1000} is the 128 KiB image of the target. */
    @Param({"mixed-1000", "mixed-10000"})
    public String workload;

    private NvsKeys keys;
    private byte[] plain;
    private byte[] encrypted;

    /** Encodes and encrypts the workload's image. */
    @Setup
    public void setup() {
        byte[] key = new byte[NvsKeys.SIZE];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        keys = NvsKeys.of(key);
        plain = Workload.of(workload).image();
        encrypted = NvsEncryption.encrypt(plain, keys);
    }

    /** @return the encrypted image */
    @Benchmark
    public byte[] encrypt() {
        return NvsEncryption.encrypt(plain, keys);
    }

    /** @return the view of the decrypted image */
    @Benchmark
    public DeviceView decryptAndRead() {
        return NvsReader.boot(NvsEncryption.decryptVerified(encrypted, keys));
    }
}
