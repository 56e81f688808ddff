package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an output file goes, by the rule of {@code nvs_partition_gen.py}: {@code OUTDIR/NAME} unless {@code NAME} is
 * absolute (then {@code OUTDIR} is ignored for it). {@code OUTDIR} defaults to the working directory, and a leading
 * {@code ~} is the home folder. The path is also kept as the generator prints it ({@code Created NVS binary: ===>
 * PATH}): absolute when no {@code --outdir} is given, otherwise as typed.
 *
 * @param file the file to write
 * @param shown the path as the generator prints it
 * @param outdirIgnored whether an {@code --outdir} was given but the name is absolute
 */
record OutputPath(Path file, String shown, boolean outdirIgnored) {

    /**
     * @param context the working directory
     * @param outdir the {@code --outdir} argument, or {@code null} for the working directory
     * @param name the file name argument
     * @return where the file goes
     */
    static OutputPath of(CliContext context, String outdir, String name) {
        if (Path.of(name).isAbsolute()) {
            return new OutputPath(Path.of(name), name, outdir != null && !expand(outdir).equals(context.cwd()));
        }
        String dir = outdir == null ? context.cwd() : expand(outdir);
        String shown = join(dir, name);
        return new OutputPath(context.path(shown), shown, false);
    }

    /**
     * @param dir a folder as text
     * @param name a relative name
     * @return {@code dir/name} as Python's {@code os.path.join(dir, '') + name} gives it
     */
    static String join(String dir, String name) {
        return dir.isEmpty() || dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /**
     * @param dir a folder argument
     * @return the folder with a leading {@code ~} replaced by the home folder, as Python's {@code expanduser}
     */
    static String expand(String dir) {
        if (dir.equals("~") || dir.startsWith("~/")) {
            return System.getProperty("user.home") + dir.substring(1);
        }
        return dir;
    }

    /**
     * Checks that the folder the file goes to is a folder, or can be created, before any work is done.
     *
     * @param option the option that named the folder, for the message (e.g. {@code --outdir})
     * @throws NvsInputException if a part of the folder path is a file
     */
    void checkFolder(String option) {
        Path parent = file.toAbsolutePath().getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new NvsInputException("output folder '" + parent + "' cannot be created: '" + p
                            + "' exists and is not a folder; give another " + option, null, 0, null, null);
                }
                return;
            }
        }
    }
}
