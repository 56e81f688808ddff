package io.github.nvs4j.benchmarks;

import io.github.nvs4j.benchmarks.workload.Workload;
import io.github.nvs4j.check.CheckReport;
import io.github.nvs4j.check.IntegrityChecker;
import io.github.nvs4j.model.NvsData;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Reading and checking images:
 * <ul>
 *   <li>{@code bootAndView}: {@link NvsReader#boot} and its {@link DeviceView} (every listed value read);</li>
 *   <li>{@code check}: {@link IntegrityChecker#check}, which parses every page and entry, applies its format
 *       checks and boots the image itself (so it reads every value too);</li>
 *   <li>{@code readAndCheck}: both, as a tool that shows the values and the findings does (the image is booted
 *       twice: the checker has no entry point that takes an existing view);</li>
 *   <li>{@code readModel}: the strict {@link NvsReader#readModel}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class ReadBenchmark {

    /** The data set (see {@link Workload}). */
    @Param({"mixed-1000", "mixed-10000", "mixed-1000000", "blob-500000"})
    public String workload;

    private byte[] image;

    /** Encodes the workload's image. */
    @Setup
    public void setup() {
        image = Workload.of(workload).image();
    }

    /**
     * Boots the image as the device does and walks the view.
     *
     * @param bh sink
     */
    @Benchmark
    public void bootAndView(Blackhole bh) {
        DeviceView view = NvsReader.boot(image);
        bh.consume(view.entries());
        bh.consume(view.unreadable());
        bh.consume(view.repairs());
    }

    /** @return the findings */
    @Benchmark
    public CheckReport check() {
        return IntegrityChecker.check(image);
    }

    /**
     * Boots the image, walks the view, then checks it.
     *
     * @param bh sink
     */
    @Benchmark
    public void readAndCheck(Blackhole bh) {
        DeviceView view = NvsReader.boot(image);
        bh.consume(view.entries());
        bh.consume(IntegrityChecker.check(image));
    }

    /** @return the model read strictly */
    @Benchmark
    public NvsData readModel() {
        return NvsReader.readModel(image);
    }
}
