package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.crypto.NvsHmacKey;
import io.github.nvs4j.crypto.NvsKeys;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The key generation of {@code generate-key} and {@code encrypt --keygen} (nvs-format.md §9.4): an XTS key file in
 * {@code OUTDIR/keys/}, named by {@code --keyfile} (default {@code keys-MM-DD_HH-MM.bin}, {@code .bin} added to a
 * name without extension); with {@code --key_protect_hmac} the keys are derived from an HMAC key, either generated
 * ({@code --kp_hmac_keygen}, saved as {@code --kp_hmac_keyfile}, default {@code hmac-KEYFILE}) or read
 * ({@code --kp_hmac_inputkey}). Nothing is written here: the files are returned for the caller to write with its
 * other outputs.
 *
 * @param keys the XTS keys
 * @param files the key files to write, the XTS key file last
 * @param keyFileShown the XTS key file's path as the generator prints it
 */
record KeyGeneration(NvsKeys keys, List<File> files, String keyFileShown) {

    /**
     * A file to write.
     *
     * @param path where
     * @param content what
     */
    record File(OutputPath path, byte[] content) {
    }

    /**
     * Adds the key options to a command.
     *
     * @param spec the builder
     * @param keyfileHelp the help text of {@code --keyfile}
     * @return the builder
     */
    static CommandSyntax options(CommandSyntax spec, String keyfileHelp) {
        return spec
                .option("--keyfile", "KEYFILE", keyfileHelp)
                .flag("--key_protect_hmac", "Derive the keys from an HMAC key (HMAC-based NVS key protection, chips",
                        "with an HMAC peripheral), as the device does from its HMAC_UP eFuse key.")
                .flag("--kp_hmac_keygen", "With --key_protect_hmac: generate a random 32-byte HMAC key and save it.")
                .option("--kp_hmac_keyfile", "FILE", "Name of the generated HMAC key file in OUTDIR/keys/",
                        "(default: hmac-KEYFILE).")
                .option("--kp_hmac_inputkey", "FILE", "With --key_protect_hmac: the HMAC key file (32 raw bytes).");
    }

    /**
     * Makes the keys and the files to write.
     *
     * @param args the parsed arguments
     * @param context streams and working directory
     * @return the keys and files
     * @throws NvsInputException if the HMAC key is missing or cannot be read
     */
    static KeyGeneration run(ParsedArgs args, CliContext context) {
        String outdir = args.option("--outdir").orElse(null);
        String keysDir = OutputPath.join(outdir == null ? context.cwd() : OutputPath.expand(outdir), "keys");
        String keyfile = args.option("--keyfile").orElse(null);
        if (keyfile == null || keyfile.isEmpty()) {
            keyfile = "keys-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MM-dd_HH-mm")) + ".bin";
        }
        OutputPath keyPath = target(context, keysDir, keyfile);
        keyPath.checkFolder("--outdir");
        List<File> files = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        NvsKeys keys;
        if (args.flag("--key_protect_hmac")) {
            NvsHmacKey hmacKey;
            if (args.flag("--kp_hmac_keygen")) {
                hmacKey = NvsHmacKey.generate(random);
                String hmacFile = args.option("--kp_hmac_keyfile").orElse("hmac-" + keyfile);
                files.add(new File(target(context, keysDir, hmacFile), hmacKey.toFile()));
            } else if (args.option("--kp_hmac_inputkey").isPresent()) {
                hmacKey = NvsHmacKey.readFile(context.path(args.option("--kp_hmac_inputkey").get()));
            } else {
                throw new NvsInputException("HMAC Key input file (HMAC-based encryption scheme) missing!"
                        + " --key_protect_hmac needs --kp_hmac_keygen (generate one) or --kp_hmac_inputkey FILE");
            }
            try {
                keys = hmacKey.deriveNvsKeys();
            } finally {
                hmacKey.destroy();
            }
        } else {
            for (String ignored : new String[] {"--kp_hmac_keygen", "--kp_hmac_keyfile", "--kp_hmac_inputkey"}) {
                if (args.flag(ignored)) {
                    context.note("nvs " + args.command() + ": note: " + ignored
                            + " is ignored without --key_protect_hmac");
                }
            }
            keys = NvsKeys.generate(random);
        }
        files.add(new File(keyPath, keys.toKeyFile()));
        return new KeyGeneration(keys, List.copyOf(files), keyPath.shown());
    }

    /** A key file name in the keys folder: {@code .bin} is added when the name has no extension. */
    private static OutputPath target(CliContext context, String keysDir, String name) {
        return OutputPath.of(context, keysDir, hasExtension(name) ? name : name + ".bin");
    }

    /** @return whether Python's {@code os.path.splitext} finds an extension in the name */
    static boolean hasExtension(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            if (base.charAt(i) != '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * Stages every key file.
     *
     * @param output the command's output files
     */
    void stage(OutputFiles output) {
        for (File f : files) {
            output.stage(f.path().file(), f.content());
        }
    }

    /**
     * Prints the generator's line for the key file.
     *
     * @param context where to print
     */
    void printCreated(CliContext context) {
        context.out().println();
        context.out().println("Created encryption keys: ===>  " + keyFileShown);
    }
}
