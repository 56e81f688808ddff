package io.github.nvs4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * The training run for the class-data sharing archive that the build writes next to {@code nvs.jar}
 * ({@code -XX:DumpLoadedClassList}, then {@code -Xshare:dump}; see {@code nvs-cli/pom.xml} and {@code bin/nvs}):
 * runs the everyday commands in-process on the example CSV, so that the archive holds the classes they load. Not a
 * user command. Best effort: it never fails the build.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /**
     * Runs the training.
     *
     * @param args the scratch folder for the files the commands write; the working directory must be
     *             {@code examples/} (its CSV reads certificate files relative to it); optionally a file to write
     *             this JVM's class path into (one line), which {@code bin/nvs} compares with the jar it runs, as the
     *             archive is only valid for the class path it was made with
     */
    public static void main(String[] args) {
        Path scratch = Path.of(args.length > 0 ? args[0] : "target/cds-training").toAbsolutePath();
        String t = scratch.toString();
        String[][] commands = {
            {"generate", "nvs.csv", t + "/a.bin", "0x4000"},
            {"generate", "nvs.csv", t + "/b.bin", "0x4000", "--version", "1", "--outdir", t},
            {"generate", "nvs.csv", t + "/m.bin", "0x10000"},
            {"dump", t + "/m.bin"},
            {"dump", t + "/a.bin"},
            {"dump", t + "/a.bin", "--format", "json"},
            {"dump", t + "/a.bin", "--format", "minimal"},
            {"check", t + "/a.bin"},
            {"check", t + "/a.bin", "--format", "json"},
            {"to-csv", t + "/a.bin", t + "/a.csv"},
            {"generate", t + "/a.csv", t + "/c.bin", "0x4000"},
            {"generate-key", "--keyfile", "k.bin", "--outdir", t},
            {"encrypt", "nvs.csv", t + "/e.bin", "0x4000", "--inputkey", t + "/keys/k.bin"},
            {"decrypt", t + "/e.bin", t + "/keys/k.bin", t + "/d.bin"},
            {"dump", t + "/e.bin", "--key", t + "/keys/k.bin"},
            {"generate", "nvs.csv", t + "/x.bin", "0x3001"},
        };
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int failed = 0;
        for (String[] command : commands) {
            try {
                Main.run(command, sink, sink);
            } catch (RuntimeException | Error e) {
                failed++;
            }
        }
        String classPath = System.getProperty("java.class.path");
        try (JarFile jar = new JarFile(classPath)) {
            jar.getManifest(); // what "java -jar" does before main: its classes go into the archive too
        } catch (IOException | RuntimeException e) {
            failed++;
        }
        if (args.length > 1) {
            try {
                Files.writeString(Path.of(args[1]), classPath + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                failed++;
            }
        }
        System.out.println("nvs CDS training: " + commands.length + " commands run" + (failed == 0 ? ""
                : ", " + failed + " failed unexpectedly"));
    }
}
