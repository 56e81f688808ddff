package io.github.nvs4j.csv;

import io.github.nvs4j.testing.TestData;
import io.github.nvs4j.write.FormatVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One case of {@code testdata/conformance} as listed in {@code cases.tsv}, with its arguments parsed the way the
 * generator parses them.
 *
 * @param name        the case folder's name
 * @param kind        {@code generate}, {@code error}, {@code check} or {@code mfg}
 * @param args        the content of {@code args.txt}
 * @param description the description column
 */
record ConformanceCase(String name, String kind, String args, String description) {

    /** @return every case of {@code cases.tsv}, in file order */
    static List<ConformanceCase> all() {
        try {
            List<String> lines = Files.readAllLines(TestData.path("conformance/cases.tsv"), StandardCharsets.UTF_8);
            List<ConformanceCase> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                cases.add(new ConformanceCase(f[0], f[1], f[2], f[3]));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param kind a case kind
     * @return the cases of that kind
     */
    static List<ConformanceCase> ofKind(String kind) {
        return all().stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /**
     * @param name a case name
     * @return that case
     */
    static ConformanceCase named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no conformance case " + name));
    }

    /** @return the case folder */
    Path dir() {
        return TestData.path("conformance/" + name);
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

    /** @return the generator sub-command: {@code generate} or {@code encrypt} */
    String subcommand() {
        return words().get(0);
    }

    /** @return the size argument as written */
    String sizeText() {
        return words().get(1);
    }

    /** @return the size parsed as Python's {@code int(size, 0)}, if it parses */
    Optional<Long> size() {
        String s = sizeText().replace("_", "").toLowerCase();
        try {
            if (s.startsWith("0x")) {
                return Optional.of(Long.parseLong(s.substring(2), 16));
            }
            if (s.startsWith("0o")) {
                return Optional.of(Long.parseLong(s.substring(2), 8));
            }
            if (s.startsWith("0b")) {
                return Optional.of(Long.parseLong(s.substring(2), 2));
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return the {@code --version} number (2 when absent) */
    int versionNumber() {
        List<String> w = words();
        int i = w.indexOf("--version");
        return i < 0 ? 2 : Integer.parseInt(w.get(i + 1));
    }

    /** @return the format version, or empty for a number the generator refuses */
    Optional<FormatVersion> version() {
        int v = versionNumber();
        return v == 1 || v == 2 ? Optional.of(FormatVersion.of(v)) : Optional.empty();
    }

    /** @return options as the generator ran: working directory = the case folder */
    CsvOptions options() {
        return new CsvOptions(dir(), version().orElseThrow());
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
