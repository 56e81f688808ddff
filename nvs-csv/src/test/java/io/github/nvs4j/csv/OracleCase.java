package io.github.nvs4j.csv;

import io.github.nvs4j.write.FormatVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One case of {@code testdata/oracle-cases}: a minimal input found by differential fuzzing against
 * {@code nvs_partition_gen.py} 0.2.0, recorded with the generator (see that folder's README). Same layout as the
 * {@code generate} and {@code error} cases of {@code testdata/conformance}.
 *
 * @param name        the case folder's name
 * @param kind        {@code generate} or {@code error}
 * @param args        the content of {@code args.txt}: SUBCOMMAND SIZE [OPTIONS...]
 * @param description the description column
 */
record OracleCase(String name, String kind, String args, String description) {

    /** @return every case of {@code oracle-cases/cases.tsv}, in file order */
    static List<OracleCase> all() {
        try {
            List<String> lines = Files.readAllLines(TestData.path("oracle-cases/cases.tsv"), StandardCharsets.UTF_8);
            List<OracleCase> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    cases.add(new OracleCase(f[0], f[1], f[2], f[3]));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a case name
     * @return that case
     */
    static OracleCase named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no oracle case " + name));
    }

    /** @return the case folder */
    Path dir() {
        return TestData.path("oracle-cases/" + name);
    }

    /** @return a file of the case */
    Path file(String fileName) {
        return dir().resolve(fileName);
    }

    /** @return the CSV inputs in command-line order ({@code inputs.txt}, or {@code input.csv}) */
    List<Path> inputs() {
        Path list = file("inputs.txt");
        if (!Files.exists(list)) {
            return List.of(file("input.csv"));
        }
        try {
            return Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(String::strip).map(this::file).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> words() {
        return Arrays.asList(args.trim().split("\\s+"));
    }

    /** @return {@code generate} or {@code encrypt} */
    String subcommand() {
        return words().get(0);
    }

    /** @return the size argument (the cases use hex or decimal) */
    long size() {
        String s = words().get(1);
        return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }

    /** @return the value of an option, or null */
    String option(String name) {
        List<String> w = words();
        int i = w.indexOf(name);
        return i < 0 ? null : w.get(i + 1);
    }

    /** @return the format version ({@code --version}, 2 when absent) */
    FormatVersion version() {
        String v = option("--version");
        return FormatVersion.of(v == null ? 2 : Integer.parseInt(v));
    }

    /** @return options as the generator ran: working directory = the case folder */
    CsvOptions options() {
        return new CsvOptions(dir(), version());
    }

    /** @return the case's bytes of a file */
    byte[] bytes(String fileName) {
        try {
            return Files.readAllBytes(file(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
