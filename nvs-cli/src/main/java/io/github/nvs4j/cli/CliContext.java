package io.github.nvs4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a command runs with: its output streams, the working directory that relative paths and {@code file} rows are
 * resolved against, and whether a person watches stderr (progress bars) or asked for stack traces.
 *
 * @param out standard output: values, listings and the generator's own status lines
 * @param err standard error: notes, warnings, the one-line error message
 * @param workingDirectory the folder relative paths are resolved against, absolute
 * @param processDirectory whether {@code workingDirectory} is the process's own working directory, so that relative
 *                         paths can stay relative (and messages name files as the user typed them)
 * @param terminal whether stderr is a terminal ({@link System#console()} exists)
 * @param debug whether an unexpected exception prints its stack trace
 * @param notes notes for stderr, printed when the command succeeds (a failing command prints only its error line)
 */
record CliContext(PrintStream out, PrintStream err, Path workingDirectory, boolean processDirectory,
                  boolean terminal, boolean debug, List<String> notes) {

    CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(notes, "notes");
    }

    /**
     * Keeps a line for stderr, printed once the command has succeeded.
     *
     * @param line the line
     */
    void note(String line) {
        notes.add(line);
    }

    /** Prints the kept notes on stderr. */
    void printNotes() {
        for (String line : notes) {
            err.println(line);
        }
        notes.clear();
    }

    /**
     * Resolves a path argument as the Python tools do: relative to the working directory.
     *
     * @param argument the path as given
     * @return the path to open
     */
    Path path(String argument) {
        Path p = Path.of(argument);
        return processDirectory || p.isAbsolute() ? p : workingDirectory.resolve(p);
    }

    /** @return the working directory as text, as Python's {@code os.getcwd()} prints it */
    String cwd() {
        return workingDirectory.toString();
    }
}
