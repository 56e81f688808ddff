package io.github.nvs4j.benchmarks.workload;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A named, fixed data set of the benchmark suite, with its model, its generator CSV text and the partition size it
 * is written into. Names (the values of the benchmarks' {@code workload} parameter):
 *
 * <ul>
 *   <li>{@code mixed-N}: {@link MixedKeys} with {@code N} keys (100, 1000, 10000, 1000000 in the suite);</li>
 *   <li>{@code blob-N}: one blob of {@code N} random bytes (500000 in the suite) in namespace {@code ns0}, key
 *       {@code blob}, written as a {@code hex2bin} row in the CSV.</li>
 * </ul>
 *
 * <p>Partition size: 1 MiB for {@code mixed-10000} (the figure), otherwise the smallest power of two of at
 * least 16 KiB that holds the data pages plus the spare page: {@code mixed-100} 16 KiB, {@code mixed-1000}
 * 128 KiB, {@code mixed-1000000} 64 MiB, {@code blob-500000} 512 KiB. Everything is written in format 2.
 *
 * @param name the workload's name
 * @param data the model
 * @param partitionSize the partition size in bytes
 */
public record Workload(String name, NvsData data, long partitionSize) {

    /** The format version of every workload. */
    public static final FormatVersion VERSION = FormatVersion.V2;

    /** The seed of the blob workloads. */
    public static final long BLOB_SEED = 500_000L;

    /**
     * @param name a workload name, such as {@code mixed-10000} or {@code blob-500000}
     * @return the workload
     * @throws IllegalArgumentException for an unknown name
     */
    public static Workload of(String name) {
        int dash = name.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("workload name KIND-COUNT expected, not " + name);
        }
        String kind = name.substring(0, dash);
        int count = Integer.parseInt(name.substring(dash + 1));
        NvsData data = switch (kind) {
            case "mixed" -> MixedKeys.model(count);
            case "blob" -> NvsData.builder().put("ns0", "blob",
                    NvsValue.Blob.of(MixedKeys.bytes(new SplittableRandom(BLOB_SEED), count))).build();
            default -> throw new IllegalArgumentException("unknown workload kind " + kind + " in " + name);
        };
        long size = name.equals("mixed-10000") ? 1L << 20 : sizeFor(data);
        return new Workload(name, data, size);
    }

    private static long sizeFor(NvsData data) {
        long needed = (NvsWriter.pagesNeeded(data, VERSION) + 1L) * 4096;
        long size = 16 * 1024;
        while (size < needed) {
            size <<= 1;
        }
        return size;
    }

    /** @return the image as {@link NvsWriter} writes it */
    public byte[] image() {
        return NvsWriter.write(data, partitionSize, VERSION);
    }

    /** @return the same data as generator CSV text (UTF-8 bytes) */
    public byte[] csv() {
        if (name.startsWith("mixed-")) {
            return MixedKeys.csv(Integer.parseInt(name.substring("mixed-".length())));
        }
        NvsValue.Blob blob = (NvsValue.Blob) data.items().get(0).value();
        String text = "key,type,encoding,value\nns0,namespace,,\nblob,data,hex2bin,"
                + HexFormat.of().formatHex(blob.bytes()) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the number of keys (items) */
    public int keys() {
        return data.size();
    }
}
