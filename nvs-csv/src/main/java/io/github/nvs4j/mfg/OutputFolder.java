package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output folder of a run ({@code --outdir}) with its {@code bin/}, {@code csv/} and {@code keys/} folders, and
 * the way files get there: each file is written to a temporary file ({@code .nvs4j-….tmp}) in its target folder and
 * then moved to its name, so no half-written file is ever visible under a target name. An existing target is never
 * replaced. A device whose files cannot all be written leaves none of them behind. Key files are created readable
 * by their owner only (where the file system has POSIX permissions).
 */
final class OutputFolder {

    private static final String TEMP_PREFIX = ".nvs4j-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path outdir;
    private final Path binDir;
    private final Path csvDir;
    private final Path keysDir;
    private final OutputNames names;
    private final SecureRandom random = new SecureRandom();

    OutputFolder(Path outdir, OutputNames names) {
        this.outdir = outdir;
        this.binDir = outdir.resolve("bin");
        this.csvDir = outdir.resolve("csv");
        this.keysDir = outdir.resolve("keys");
        this.names = names;
    }

    /**
     * Tells whether a target could already exist: only when a target folder exists and holds something, so that
     * runs into a fresh folder need no per-device look-up.
     */
    boolean mayHoldTargets(boolean keys) {
        return holdsFiles(binDir) || holdsFiles(csvDir) || keys && holdsFiles(keysDir);
    }

    /**
     * Refuses a device whose files exist already ({@code mfg_gen.py}: {@code Target csv file: … already exists.};
     * it overwrites key files, nvs4j refuses them too).
     */
    void checkFree(DeviceRow row, String base, boolean keys, boolean hmacKeys, String valuesSource) {
        List<Path> targets = new ArrayList<>(List.of(csvDir.resolve(OutputNames.csvFileName(base)),
                binDir.resolve(OutputNames.binFileName(base))));
        if (keys) {
            targets.add(keysDir.resolve(OutputNames.keyFileName(base)));
        }
        if (hmacKeys) {
            targets.add(names.hmacKeyFile(keysDir, base));
        }
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new NvsInputException(OutputNames.deviceLabel(row) + ": the target file " + target
                        + " already exists; existing files are never replaced (remove them, or choose another"
                        + " --outdir or PREFIX)", valuesSource, row.line(), null, null);
            }
        }
    }

    /** Creates {@code bin/}, {@code csv/} and, when keys are written, {@code keys/}. */
    void createFolders(boolean keys) {
        createFolder(outdir, "--outdir");
        createFolder(csvDir, "csv folder");
        createFolder(binDir, "bin folder");
        if (keys) {
            createFolder(keysDir, "keys folder");
        }
    }

    /**
     * Writes a device's files: HMAC key, key, CSV, image (in that order, so an image never exists without its key).
     *
     * @return the files
     * @throws NvsInputException naming the file that could not be written; the device's other files are removed
     */
    DeviceFiles write(DeviceImage image, String valuesSource) {
        String base = image.name();
        List<Path> written = new ArrayList<>(4);
        try {
            Path hmacKey = null;
            Path key = null;
            if (image.hmacKeyFileBytes() != null) {
                hmacKey = names.hmacKeyFile(keysDir, base);
                Path parent = hmacKey.getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    createFolder(parent, "folder of --kp_hmac_keyfile");
                }
                place(hmacKey, image.hmacKeyFileBytes(), true, written, image.row(), valuesSource);
            }
            if (image.keyFileBytes() != null) {
                key = keysDir.resolve(OutputNames.keyFileName(base));
                place(key, image.keyFileBytes(), true, written, image.row(), valuesSource);
            }
            Path csv = csvDir.resolve(OutputNames.csvFileName(base));
            place(csv, image.csvBytes(), false, written, image.row(), valuesSource);
            Path bin = binDir.resolve(OutputNames.binFileName(base));
            place(bin, image.imageBytes(), false, written, image.row(), valuesSource);
            return new DeviceFiles(image.row(), base, bin, csv, Optional.ofNullable(key), Optional.ofNullable(hmacKey));
        } catch (RuntimeException e) {
            for (Path p : written) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private void place(Path target, byte[] bytes, boolean secret, List<Path> written, DeviceRow row,
                       String valuesSource) {
        Path temp = null;
        try {
            temp = writeTemp(target.getParent(), bytes, secret);
            Files.move(temp, target);
            temp = null;
            written.add(target);
        } catch (FileAlreadyExistsException e) {
            throw new NvsInputException(OutputNames.deviceLabel(row) + ": the target file " + target
                    + " already exists (created by another program or device since the run started); existing files"
                    + " are never replaced", valuesSource, row.line(), null, e);
        } catch (IOException e) {
            throw new NvsInputException(OutputNames.deviceLabel(row) + ": cannot write " + target + ": " + e,
                    valuesSource, row.line(), null, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }

    private Path writeTemp(Path dir, byte[] bytes, boolean secret) throws IOException {
        if (secret) {
            Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX); // owner-only where POSIX
            Files.write(temp, bytes);
            return temp;
        }
        byte[] suffix = new byte[8];
        for (int attempt = 0; ; attempt++) {
            random.nextBytes(suffix);
            Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(suffix) + TEMP_SUFFIX);
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                try {
                    out.write(bytes);
                } catch (IOException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static boolean holdsFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir); // a file in the way: let the per-device check and createFolders report it
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    private static void createFolder(Path dir, String what) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new NvsInputException("cannot create the " + what + " " + dir + ": a file of that name is in the"
                    + " way", dir.toString(), 0, null, e);
        } catch (IOException e) {
            throw new NvsInputException("cannot create the " + what + " " + dir + ": " + e, dir.toString(), 0, null,
                    e);
        }
    }
}
