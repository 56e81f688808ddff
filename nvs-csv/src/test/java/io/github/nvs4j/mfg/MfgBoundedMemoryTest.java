package io.github.nvs4j.mfg;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 devices in bounded memory: the heap that survives a full collection is measured after 10,000 devices and
 * again after all 100,000. Anything kept per device (a row, a name, an image) would grow it by 90,000 times its
 * size; the limit below allows less than 50 bytes per device. The values file is generated into a temporary folder.
 */
class MfgBoundedMemoryTest {

    private static final int DEVICES = 100_000;
    private static final int BASELINE_AT = 10_000;
    private static final long MAX_GROWTH = 4L << 20;

    @TempDir
    static Path dir;

    private static Path config;
    private static Path values;

    @BeforeAll
    static void inputs() throws IOException {
        config = Files.writeString(dir.resolve("config.csv"),
                "factory,namespace,\nserial,data,string\ncal,data,i32\nmac,data,hex2bin\nbatch,data,u16,REPEAT\n");
        values = dir.resolve("values.csv");
        try (BufferedWriter out = Files.newBufferedWriter(values, StandardCharsets.UTF_8)) {
            out.write("id,serial,cal,mac,batch\n");
            for (int i = 1; i <= DEVICES; i++) {
                out.write(i + ",SN-" + (1_000_000 + i) + "," + (i * 37 - 500_000) + ",240ac4"
                        + String.format("%06x", i) + "," + (i == 1 ? "42" : "") + "\n");
            }
        }
    }

    @Test
    void streamingImagesHoldsOneDeviceAtATime() {
        MfgJob job = MfgJob.open(config, values, MfgOptions.builder("dev", 0x3000).build());
        long baseline = 0;
        int count = 0;
        try (Stream<DeviceImage> images = job.images()) {
            for (Iterator<DeviceImage> it = images.iterator(); it.hasNext(); ) {
                DeviceImage image = it.next();
                count++;
                assertThat(image.imageLength()).isEqualTo(0x3000);
                if (count == BASELINE_AT) {
                    baseline = retainedHeap();
                }
            }
        }
        long growth = retainedHeap() - baseline;
        assertThat(count).isEqualTo(DEVICES);
        assertThat(growth).as("heap growth from device %d to %d", BASELINE_AT, DEVICES).isLessThan(MAX_GROWTH);
    }

    @Test
    void parallelRunnerHoldsABoundedNumberOfDevices() {
        MfgJob job = MfgJob.open(config, values, MfgOptions.builder("dev", 0x3000).threads(4).build());
        int total = job.validate();
        AtomicLong baseline = new AtomicLong();
        AtomicLong end = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        MfgRunner.execute(job, (files, done, all) -> {
            if (done == BASELINE_AT) {
                baseline.set(retainedHeap());
            } else if (done == all) {
                end.set(retainedHeap());
            }
        }, total, image -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                assertThat(image.csv()).isNotEmpty();
                return new DeviceFiles(image.row(), image.name(), Path.of(image.name() + ".bin"),
                        Path.of(image.name() + ".csv"), Optional.empty(), Optional.empty());
            } finally {
                inFlight.decrementAndGet();
            }
        });
        assertThat(total).isEqualTo(DEVICES);
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(4);
        assertThat(end.get() - baseline.get()).as("heap growth from device %d to %d", BASELINE_AT, DEVICES)
                .isLessThan(MAX_GROWTH);
    }

    /** The smallest used heap over three full collections: what the program really holds. */
    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
