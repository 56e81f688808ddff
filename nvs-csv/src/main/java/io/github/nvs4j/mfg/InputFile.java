package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A config or values file given to the mass-manufacturing tool: its path, the name used in messages and the
 * checks {@code mfg_gen.py} applies to the file as a whole (extension, emptiness).
 *
 * @param path the file
 * @param role {@code "config"} or {@code "values"}, for messages
 */
record InputFile(Path path, String role) {

    /** @return the file name used in messages: the path as the caller gave it */
    String source() {
        return path.toString();
    }

    /**
     * Step 1 of {@code mfg_gen.py}'s checks: the name must end in {@code .csv} (compared case-sensitively, like
     * Python's {@code os.path.splitext}).
     */
    void checkExtension() {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        String stem = name.replaceFirst("^\\.+", ""); // leading dots never start an extension
        int dot = stem.lastIndexOf('.');
        String extension = dot < 0 ? "" : stem.substring(dot);
        if (!extension.equals(".csv")) {
            throw new NvsInputException("the " + role + " file's name must end in .csv (as mfg_gen.py requires)",
                    source(), 0, null, null);
        }
    }

    /** @return the exception of step 2: a file with no line other than whitespace-only ones */
    NvsInputException empty() {
        return new NvsInputException("the " + role + " file is empty: it has no line other than blank ones",
                source(), 0, null, null);
    }

    /**
     * Opens the file for reading records.
     *
     * @return a reader; the caller closes it
     */
    ExcelCsvReader open() {
        try {
            return new ExcelCsvReader(new BufferedInputStream(Files.newInputStream(path)), source());
        } catch (NoSuchFileException e) {
            throw new NvsInputException("the " + role + " file does not exist", source(), 0, null, e);
        } catch (IOException e) {
            throw new NvsInputException("cannot open the " + role + " file: " + e, source(), 0, null, e);
        }
    }
}
