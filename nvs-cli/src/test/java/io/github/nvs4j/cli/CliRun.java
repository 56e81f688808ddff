package io.github.nvs4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of {@code nvs}: its exit status and what it printed.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int status, String out, String err) {

    /**
     * Runs {@code nvs} as if started in {@code workingDirectory}.
     *
     * @param workingDirectory the working folder
     * @param args the arguments
     * @return the run
     */
    static CliRun in(Path workingDirectory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e, workingDirectory, false);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the lines printed on stderr */
    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n", -1)).subList(0, err.split("\n", -1).length
                - (err.endsWith("\n") ? 1 : 0));
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
