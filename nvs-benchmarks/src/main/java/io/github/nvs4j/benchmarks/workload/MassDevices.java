package io.github.nvs4j.benchmarks.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The fixed, seeded mass-manufacturing input: a config file and a values file for {@code mfg_gen.py generate}, and
 * one certificate file per device. Every device has five keys in namespace {@code device} of a 0x6000 partition:
 * {@code serial} (string), {@code mac} ({@code hex2bin}, 6 bytes), {@code cal} ({@code i32}), {@code hw_rev}
 * ({@code u8}) and {@code cert}, a {@code file} row naming a 1,536-byte PEM-like certificate stored as a string.
 */
public final class MassDevices {

    /** The partition size of every device. */
    public static final long PARTITION_SIZE = 0x6000;
    /** Bytes of each certificate file. */
    public static final int CERTIFICATE_BYTES = 1536;
    /** The seed of the values. */
    public static final long SEED = 1536;

    /** The config file. */
    public static final String CONFIG = "device,namespace,\n"
            + "serial,data,string\nmac,data,hex2bin\ncal,data,i32\nhw_rev,data,u8\ncert,file,string\n";

    private MassDevices() {
    }

    /**
     * The files of one input set.
     *
     * @param config the config CSV
     * @param values the values CSV
     */
    public record InputFiles(Path config, Path values) {
    }

    /**
     * Writes {@code config.csv}, {@code values.csv} and {@code certs/dev-N.pem} into {@code dir}.
     *
     * @param dir an existing folder (the base folder of the {@code file} rows)
     * @param devices the number of devices
     * @return the config and values files
     * @throws IOException if a file cannot be written
     */
    public static InputFiles write(Path dir, int devices) throws IOException {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Path config = Files.writeString(dir.resolve("config.csv"), CONFIG);
        Path values = dir.resolve("values.csv");
        SplittableRandom random = new SplittableRandom(SEED);
        HexFormat hex = HexFormat.of();
        try (BufferedWriter out = Files.newBufferedWriter(values, StandardCharsets.UTF_8)) {
            out.write("serial,mac,cal,hw_rev,cert\n");
            for (int i = 1; i <= devices; i++) {
                Files.writeString(certs.resolve("dev-" + i + ".pem"), certificate(random));
                out.write("SN-" + (100_000 + i) + "," + "240ac4" + hex.toHexDigits(i).substring(2) + ","
                        + random.nextInt() + "," + (i % 4) + ",certs/dev-" + i + ".pem\n");
            }
        }
        return new InputFiles(config, values);
    }

    /**
     * @param random the source of the certificate's bytes
     * @return a 1,536-byte PEM-like certificate: header, base64 lines of up to 64 characters, footer
     */
    static String certificate(SplittableRandom random) {
        String begin = "-----BEGIN CERTIFICATE-----\n";
        String end = "-----END CERTIFICATE-----\n";
        String b64 = Base64.getEncoder().encodeToString(MixedKeys.bytes(random, CERTIFICATE_BYTES));
        StringBuilder pem = new StringBuilder(begin);
        int target = CERTIFICATE_BYTES - end.length();
        int used = 0;
        while (pem.length() < target) {
            int line = Math.min(64, target - pem.length() - 1);
            pem.append(b64, used, used + line).append('\n');
            used += line;
        }
        String text = pem.append(end).toString();
        if (text.length() != CERTIFICATE_BYTES) {
            throw new IllegalStateException("certificate of " + text.length() + " bytes");
        }
        return text;
    }
}
