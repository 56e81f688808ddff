package io.github.nvs4j.testing;

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
import java.util.stream.Stream;

/**
 * One case of {@code testdata/conformance} (or of another corpus with the same layout, such as
 * {@code testdata/oracle-cases}) as listed in its {@code cases.tsv}, with its arguments ({@code args.txt}) split the
 * way the reference tool's command line was.
 *
 * @param name        the case folder's name
 * @param kind        {@code generate}, {@code error}, {@code check} or {@code mfg}
 * @param args        the content of {@code args.txt}: SUBCOMMAND SIZE [OPTIONS...]
 * @param description the description column
 * @param corpus      the corpus folder below {@code testdata/}: {@value #CONFORMANCE} or {@value #ORACLE_CASES}
 */
public record ConformanceCase(String name, String kind, String args, String description, String corpus) {

    /** The recorded conformance corpus. */
    public static final String CONFORMANCE = "conformance";

    /** Minimal inputs found by differential fuzzing against the generator, recorded with it. */
    public static final String ORACLE_CASES = "oracle-cases";

    /** @return every case of {@code conformance/cases.tsv}, in file order; fails when the list looks truncated */
    public static List<ConformanceCase> all() {
        List<ConformanceCase> cases = all(CONFORMANCE);
        if (cases.size() < 100) {
            throw new IllegalStateException("cases.tsv lists only " + cases.size() + " cases");
        }
        return cases;
    }

    /**
     * @param corpus a corpus folder below {@code testdata/}, such as {@link #ORACLE_CASES}
     * @return every case of its {@code cases.tsv}, in file order
     */
    public static List<ConformanceCase> all(String corpus) {
        try {
            List<String> lines = Files.readAllLines(TestData.path(corpus + "/cases.tsv"), StandardCharsets.UTF_8);
            List<ConformanceCase> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    cases.add(new ConformanceCase(f[0], f[1], f[2], f[3], corpus));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param kind a case kind
     * @return the cases of that kind, in file order
     */
    public static List<ConformanceCase> ofKind(String kind) {
        return all().stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /**
     * @param name a case name
     * @return that case
     */
    public static ConformanceCase named(String name) {
        return named(CONFORMANCE, name);
    }

    /**
     * @param corpus a corpus folder below {@code testdata/}
     * @param name a case name
     * @return that case
     */
    public static ConformanceCase named(String corpus, String name) {
        return all(corpus).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no case " + name + " in " + corpus));
    }

    /** @return the case folder */
    public Path dir() {
        return TestData.path(corpus + "/" + name);
    }

    /**
     * @param fileName a file name in the case folder
     * @return its path
     */
    public Path file(String fileName) {
        return dir().resolve(fileName);
    }

    /**
     * @param fileName a file name in the case folder
     * @return its bytes
     */
    public byte[] bytes(String fileName) {
        try {
            return Files.readAllBytes(file(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether the description marks the case as reproducing an oddity or a bug of the reference tool */
    public boolean oddOrBug() {
        return description.startsWith("ODD") || description.startsWith("BUG");
    }

    /** @return the CSV file names in command-line order ({@code inputs.txt}, or {@code input.csv}) */
    public List<String> inputNames() {
        Path list = file("inputs.txt");
        if (!Files.exists(list)) {
            return List.of("input.csv");
        }
        try {
            return Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the CSV inputs in command-line order, as paths in the case folder */
    public List<Path> inputs() {
        return inputNames().stream().map(this::file).toList();
    }

    /** @return the words of {@code args.txt}: SUBCOMMAND SIZE [OPTIONS...] */
    public List<String> argWords() {
        return Arrays.asList(args.trim().split("\\s+"));
    }

    /**
     * @param option an option of {@code args.txt}, such as {@code --inputkey}
     * @return the word after it, if the option is given
     */
    public Optional<String> option(String option) {
        List<String> w = argWords();
        int i = w.indexOf(option);
        return i < 0 || i + 1 >= w.size() ? Optional.empty() : Optional.of(w.get(i + 1));
    }

    /** @return the sub-command, such as {@code generate} or {@code encrypt} */
    public String subcommand() {
        return argWords().get(0);
    }

    /** @return the size argument as written */
    public String sizeText() {
        return argWords().get(1);
    }

    /** @return the size parsed as Python's {@code int(size, 0)}, if it parses */
    public Optional<Long> size() {
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
    public int versionNumber() {
        List<String> w = argWords();
        int i = w.indexOf("--version");
        return i < 0 ? 2 : Integer.parseInt(w.get(i + 1));
    }

    /** @return the format version, or empty for a number the generator refuses */
    public Optional<FormatVersion> version() {
        int v = versionNumber();
        return v == 1 || v == 2 ? Optional.of(FormatVersion.of(v)) : Optional.empty();
    }

    /**
     * @param output the output file name
     * @return the full command line the reference tool was run with: SUBCOMMAND INPUTS OUTPUT SIZE OPTIONS
     */
    public String[] commandLine(String output) {
        List<String> words = argWords();
        List<String> line = new ArrayList<>();
        line.add(words.get(0));
        line.addAll(inputNames());
        line.add(output);
        line.addAll(words.subList(1, words.size()));
        return line.toArray(new String[0]);
    }

    /**
     * Copies the case folder into {@code target}, so that a run in it can write files.
     *
     * @param target an empty folder
     * @return target
     */
    public Path copyTo(Path target) {
        try (Stream<Path> files = Files.walk(dir())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(dir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
