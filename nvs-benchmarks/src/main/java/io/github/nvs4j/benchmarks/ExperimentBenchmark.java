package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.Workload;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.NvsWriter;
import org.openjdk.jmh.annotations.*;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class ExperimentBenchmark {
    @Param({"mixed-10000"})
    public String workload;
    NvsData data;
    NvsData empty = NvsData.empty();

    @Setup
    public void setup() {
        data = Workload.of(workload).data();
    }

    @Benchmark
    public byte[] allocFill() {
        byte[] b = new byte[1 << 20];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @Benchmark
    public byte[] writeEmpty() {
        return NvsWriter.write(empty, 1 << 20, Workload.VERSION);
    }

    @Benchmark
    public int walkModel() {
        int acc = 0;
        List<NvsData.Item> items = data.items();
        for (int i = 0, n = items.size(); i < n; i++) {
            NvsData.Item item = items.get(i);
            acc += item.key().length() + item.namespace().length();
            NvsValue v = item.value();
            acc += v.type().ordinal();
            if (v instanceof NvsValue.Str s) acc += s.length();
            if (v instanceof NvsValue.Blob s) acc += s.length();
        }
        return acc;
    }

    byte[] img = new byte[1 << 20];

    @Benchmark
    public int keysOnly() {
        List<NvsData.Item> items = data.items();
        int e = 64;
        for (int i = 0, n = items.size(); i < n; i++) {
            io.github.nvs4j.internal.format.KeyField.put(img, e, items.get(i).key());
            e += 32;
        }
        return e;
    }

    @Benchmark
    public int keysAndCrc() {
        List<NvsData.Item> items = data.items();
        int e = 64;
        int acc = 0;
        for (int i = 0, n = items.size(); i < n; i++) {
            io.github.nvs4j.internal.format.KeyField.put(img, e, items.get(i).key());
            io.github.nvs4j.internal.format.Entry.sealCrc(img, e);
            e += 32;
        }
        return e;
    }

    @Benchmark
    public int crcOnly() {
        int acc = 0;
        for (int i = 0, e = 64, n = data.size(); i < n; i++, e += 32) {
            acc += io.github.nvs4j.internal.format.NvsCrc.entry(img, e);
        }
        return acc;
    }
}
