package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a command's output files so that a failure never leaves a partial or empty file behind: each file is
 * written completely to a temporary file in its target folder, and only when every file of the command is staged
 * are they moved into place (an atomic rename where the file system supports it). Missing folders are created.
 * Closing without {@link #commit()} deletes whatever was staged.
 */
final class OutputFiles implements AutoCloseable {

    private record Staged(Path temp, Path target) {
    }

    private final List<Staged> staged = new ArrayList<>();

    /**
     * Writes {@code content} to a temporary file next to {@code target}.
     *
     * @param target the final file
     * @param content its bytes
     * @throws NvsInputException if the folder cannot be created or the file cannot be written
     */
    void stage(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new NvsInputException("the output '" + target + "' is a folder; give a file name", null, 0, null,
                    null);
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new NvsInputException("the output folder '" + folder + "' cannot be created: '" + e.getFile()
                    + "' exists and is not a folder", null, 0, null, e);
        } catch (IOException e) {
            throw new NvsInputException("the output folder '" + folder + "' cannot be created: " + describe(e),
                    null, 0, null, e);
        }
        Path temp = null;
        try {
            temp = createTemp(folder, absolute.getFileName().toString());
            staged.add(new Staged(temp, absolute));
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                out.write(content);
            }
        } catch (IOException e) {
            throw new NvsInputException("cannot write '" + target + "': " + describe(e), null, 0, null, e);
        }
    }

    /**
     * Moves every staged file to its target, replacing an existing file.
     *
     * @throws NvsInputException if a file cannot be moved
     */
    void commit() {
        // By position, not List.remove(Object): a record's equals is bootstrapped through invokedynamic, which costs
        // milliseconds at start-up.
        while (!staged.isEmpty()) {
            Staged s = staged.get(0);
            try {
                try {
                    Files.move(s.temp(), s.target(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(s.temp(), s.target(), StandardCopyOption.REPLACE_EXISTING);
                }
                staged.remove(0);
            } catch (IOException e) {
                throw new NvsInputException("cannot write '" + s.target() + "': " + describe(e), null, 0, null, e);
            }
        }
    }

    /** Deletes the temporary files of anything not committed. */
    @Override
    public void close() {
        for (Staged s : staged) {
            try {
                Files.deleteIfExists(s.temp());
            } catch (IOException ignored) {
                // nothing more can be done; the name starts with a dot and ends with .tmp
            }
        }
        staged.clear();
    }

    /**
     * Writes one file safely.
     *
     * @param target the file
     * @param content its bytes
     */
    static void write(Path target, byte[] content) {
        try (OutputFiles files = new OutputFiles()) {
            files.stage(target, content);
            files.commit();
        }
    }

    /**
     * Creates an empty temporary file in {@code folder}. Unlike {@link Files#createTempFile}, which draws its name
     * from a {@code SecureRandom} (slow to start), the name comes from the clock and a counter.
     */
    private static Path createTemp(Path folder, String name) throws IOException {
        long stamp = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(stamp + attempt) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 1000) {
                    throw e;
                }
            }
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String detail = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        return detail == null ? kind : detail;
    }
}
