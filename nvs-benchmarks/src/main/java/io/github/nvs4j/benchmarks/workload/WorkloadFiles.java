package io.github.nvs4j.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the JMH suite's mixed workloads as files for whole-process timing ({@code scripts/time-cli.sh}): for each
 * key count {@code N} the generator CSV {@code mixed-N.csv} ({@link MixedKeys#csv(int)}, the same bytes the
 * benchmarks read) and {@code mixed-N.size}, the partition size {@link Workload} uses, in hexadecimal
 * ({@code 0x...}) on one line. With {@code --image N} it also writes {@code mixed-N.bin}, the image of that workload
 * as {@link Workload#image()} makes it (the 1 MiB image of {@code mixed-10000} is the dump case). With
 * {@code --mfg N} it writes the mass-manufacturing input of {@code N} devices ({@link MassDevices}) into the
 * folder itself: {@code config.csv}, {@code values.csv} and {@code certs/} (the values name the certificates
 * relative to the working folder, as {@code mfg_gen.py} reads them, so run the tools from there).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.nvs4j.benchmarks.workload.WorkloadFiles DIR [N...]
 * [--image N]... [--mfg N]}; without counts it writes 100, 10000 and 1000000. Files that exist are left alone
 * (for {@code --mfg}: an existing {@code values.csv}, whatever its device count).
 */
public final class WorkloadFiles {

    private WorkloadFiles() {
    }

    /**
     * Writes the files.
     *
     * @param args the target folder, then key counts and {@code --image N} options
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: WorkloadFiles DIR [N...] [--image N]... [--mfg N]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<Integer> counts = new ArrayList<>();
        List<Integer> images = new ArrayList<>();
        List<Integer> devices = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--image") && i + 1 < args.length) {
                images.add(Integer.parseInt(args[++i]));
            } else if (args[i].equals("--mfg") && i + 1 < args.length) {
                devices.add(Integer.parseInt(args[++i]));
            } else {
                counts.add(Integer.parseInt(args[i]));
            }
        }
        if (counts.isEmpty() && images.isEmpty() && devices.isEmpty()) {
            counts.addAll(List.of(100, 10_000, 1_000_000));
        }
        for (int n : counts) {
            String name = "mixed-" + n;
            Path csv = dir.resolve(name + ".csv");
            Path size = dir.resolve(name + ".size");
            if (!Files.exists(csv)) {
                Files.write(csv, MixedKeys.csv(n));
            }
            if (!Files.exists(size)) {
                Files.writeString(size, "0x" + Long.toHexString(Workload.of(name).partitionSize()) + "\n");
            }
        }
        for (int n : images) {
            Path bin = dir.resolve("mixed-" + n + ".bin");
            if (!Files.exists(bin)) {
                Files.write(bin, Workload.of("mixed-" + n).image());
            }
        }
        if (!devices.isEmpty() && !Files.exists(dir.resolve("values.csv"))) {
            MassDevices.write(dir, devices.get(devices.size() - 1));
        }
    }
}
