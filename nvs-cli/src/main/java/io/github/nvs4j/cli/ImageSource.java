package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsKeys;
import io.github.nvs4j.partition.NvsLocation;
import io.github.nvs4j.partition.NvsSelection;
import io.github.nvs4j.read.PartitionMode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The NVS image a reading command works on: the {@code IMAGE} file, cut out of a whole-flash dump by
 * {@code --partition LABEL} or {@code --offset N --size N} (or automatically, when the file holds a partition table),
 * and decrypted with {@code --key KEYFILE}. Notes about what was selected go to stderr.
 *
 * @param image the plain NVS image
 * @param mode read-only when the selected partition is flagged {@code readonly} or smaller than 0x3000 bytes
 * @param selection what was selected in the file
 */
record ImageSource(byte[] image, PartitionMode mode, NvsSelection selection) {

    /** Smallest read/write NVS partition; smaller ones must be flagged readonly in the partition table. */
    static final long MIN_READ_WRITE = 0x3000;

    /** Largest file read. */
    static final long MAX_FILE = Integer.MAX_VALUE - 64;

    /**
     * Adds the options of this class to a command.
     *
     * @param spec the command's builder
     * @return the builder
     */
    static CommandSyntax options(CommandSyntax spec) {
        return spec
                .option("--key", "KEYFILE", "Decrypt the image with this NVS key file (64 key bytes, as written by",
                        "generate-key or read from the nvs_keys partition).")
                .option("--partition", "LABEL", "IMAGE is a whole-flash dump: read the data/nvs partition with this",
                        "label from its partition table.")
                .option("--offset", "N", "IMAGE is a whole-flash dump: the NVS partition starts at byte N (with --size).")
                .option("--size", "N", "The size of the NVS partition at --offset, in bytes.");
    }

    /**
     * Reads the image.
     *
     * @param args the parsed arguments
     * @param context streams and working directory
     * @param imageArgument the {@code IMAGE} argument
     * @return the image
     * @throws UsageException for a bad combination of options or a number that does not parse
     * @throws NvsInputException if the file cannot be read or the selection does not fit it
     * @throws io.github.nvs4j.NvsFormatException if the file cannot give an NVS image (damaged table, short dump, wrong key)
     */
    static ImageSource open(ParsedArgs args, CliContext context, String imageArgument) {
        NvsLocation location = location(args);
        Optional<String> keyFile = args.option("--key");
        byte[] file = read(context.path(imageArgument), imageArgument);
        NvsSelection selection = location.select(file);
        if (selection.origin() != NvsSelection.Origin.WHOLE_FILE) {
            context.note("nvs " + args.command() + ": note: " + selection.summary());
        }
        byte[] image = selection.image();
        if (keyFile.isPresent()) {
            NvsKeys keys = NvsKeys.readKeyFile(context.path(keyFile.get()));
            try {
                image = NvsEncryption.decryptVerified(image, keys);
            } finally {
                keys.destroy();
            }
        }
        boolean readOnly = selection.mode() == PartitionMode.READ_ONLY;
        if (!readOnly && selection.size() < MIN_READ_WRITE) {
            readOnly = true;
            context.note("nvs " + args.command() + ": note: the partition is smaller than 0x3000 bytes, so"
                    + " it is read as a read-only partition (gen_esp32part.py requires the readonly flag below 0x3000)");
        }
        return new ImageSource(image, readOnly ? PartitionMode.READ_ONLY : PartitionMode.READ_WRITE, selection);
    }

    /**
     * Adds a note when the image was read without a key but looks encrypted. Called only when reading it went
     * wrong, as the test reads every written entry.
     *
     * @param args the parsed arguments
     * @param context where the note goes
     */
    void noteIfEncrypted(ParsedArgs args, CliContext context) {
        if (args.option("--key").isEmpty() && NvsEncryption.looksEncrypted(image)) {
            context.note("nvs " + args.command() + ": note: the image looks encrypted (no written entry has"
                    + " a valid CRC); give its key file with --key KEYFILE");
        }
    }

    private static NvsLocation location(ParsedArgs args) {
        Optional<String> label = args.option("--partition");
        Optional<String> offset = args.option("--offset");
        Optional<String> size = args.option("--size");
        if (label.isPresent() && (offset.isPresent() || size.isPresent())) {
            throw new UsageException("--partition cannot be combined with --offset/--size: give a partition label or"
                    + " a byte range, not both");
        }
        if (offset.isPresent() != size.isPresent()) {
            throw new UsageException(offset.isPresent() ? "--offset needs --size (the NVS partition's size in bytes)"
                    : "--size needs --offset (where the NVS partition starts in the file)");
        }
        if (label.isPresent()) {
            return NvsLocation.byLabel(label.get());
        }
        if (offset.isPresent()) {
            return NvsLocation.range(number(args, "--offset", offset.get()), number(args, "--size", size.get()));
        }
        return NvsLocation.auto();
    }

    private static long number(ParsedArgs args, String option, String text) {
        BigInteger value = args.integer(option, text);
        if (value.bitLength() > 62) {
            throw new UsageException(option + " '" + text + "' is out of range: give a byte count or offset in the"
                    + " file, e.g. 0x9000");
        }
        return value.longValue();
    }

    /**
     * Reads a whole input file.
     *
     * @param file the file
     * @param shown its name for messages
     * @return the bytes
     * @throws NvsInputException if it cannot be read
     */
    static byte[] read(Path file, String shown) {
        try {
            if (Files.isDirectory(file)) {
                throw new NvsInputException("is a folder, not an image file", shown, 0, null, null);
            }
            if (Files.size(file) > MAX_FILE) {
                throw new NvsInputException("the file is larger than 2 GiB", shown, 0, null, null);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NvsInputException("cannot read the file: " + OutputFiles.describe(e), shown, 0, null, e);
        }
    }
}
