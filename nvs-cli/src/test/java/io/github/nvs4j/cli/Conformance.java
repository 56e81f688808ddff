package io.github.nvs4j.cli;

import io.github.nvs4j.testing.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of {@code testdata/conformance/cases.tsv}.
 *
 * @param name the folder name
 * @param kind generate, error, check or mfg
 * @param args the content of {@code args.txt}
 * @param description the description column
 */
record Conformance(String name, String kind, String args, String description) {

    static List<Conformance> all() {
        try {
            List<String> lines = Files.readAllLines(TestData.path("conformance/cases.tsv"), StandardCharsets.UTF_8);
            List<Conformance> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    cases.add(new Conformance(f[0], f[1], f[2], f[3]));
                }
            }
            if (cases.size() < 100) {
                throw new IllegalStateException("cases.tsv lists only " + cases.size() + " cases");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Conformance> ofKind(String kind) {
        return all().stream().filter(c -> c.kind().equals(kind));
    }

    static Conformance named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no conformance case " + name));
    }

    Path dir() {
        return TestData.path("conformance/" + name);
    }

    Path file(String fileName) {
        return dir().resolve(fileName);
    }

    /** @return whether the description marks the case as reproducing an oddity or a bug of the reference tool */
    boolean oddOrBug() {
        return description.startsWith("ODD") || description.startsWith("BUG");
    }

    /** @return the CSV file names in command-line order */
    List<String> inputs() {
        Path list = file("inputs.txt");
        if (!Files.exists(list)) {
            return List.of("input.csv");
        }
        try {
            return Files.readAllLines(list, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the words of {@code args.txt}: SUBCOMMAND SIZE [OPTIONS...] */
    List<String> argWords() {
        return Arrays.asList(args.trim().split("\\s+"));
    }

    /**
     * @param output the output file name
     * @return the full command line the reference tool was run with: SUBCOMMAND INPUTS OUTPUT SIZE OPTIONS
     */
    String[] commandLine(String output) {
        List<String> words = argWords();
        List<String> line = new ArrayList<>();
        line.add(words.get(0));
        line.addAll(inputs());
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
    Path copyTo(Path target) {
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
}
