package io.github.nvs4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the ground-truth data in {@code testdata/} (set by the build as system property {@code nvs4j.testdata}). */
public final class TestData {

    private TestData() {
    }

    /** @return the testdata folder; fails (never skips) when it is missing */
    public static Path root() {
        String configured = System.getProperty("nvs4j.testdata");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "testdata");
        if (!Files.isDirectory(root.resolve("conformance"))) {
            throw new IllegalStateException("test data not found at " + root.toAbsolutePath()
                    + " (set -Dnvs4j.testdata=<repo>/testdata)");
        }
        return root.normalize();
    }

    /** @param relative a path below testdata/ @return the resolved path */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** @param relative a path below testdata/ @return the file's bytes */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
