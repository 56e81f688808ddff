package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsKeys;

import java.util.Optional;

/**
 * {@code nvs encrypt INPUT... OUTPUT SIZE [--version] [--keygen] [--keyfile F] [--inputkey F] [--outdir D]
 * [HMAC options]}: an encrypted image, as {@code nvs_partition_gen.py encrypt}.
 */
final class EncryptCommand implements CliCommand {

    @Override
    public CommandSyntax syntax() {
        return KeyGeneration.options(CommandSyntax.command("nvs encrypt")
                .synopsis("nvs encrypt [-h] [--version {1,2}] [--keygen] [--keyfile KEYFILE] [--inputkey INPUTKEY]",
                        "            [--outdir OUTDIR] [--key_protect_hmac] [--kp_hmac_keygen]",
                        "            [--kp_hmac_keyfile FILE] [--kp_hmac_inputkey FILE] INPUT [INPUT...] OUTPUT SIZE")
                .description("Generate an NVS partition image from CSV files and encrypt it (XTS-AES-256 per entry),",
                        "byte for byte as nvs_partition_gen.py encrypt does. The key is generated (--keygen, saved",
                        "in OUTDIR/keys/) or read from a key file (--inputkey).")
                .positionals(3, Integer.MAX_VALUE, "INPUT... OUTPUT SIZE", "As for 'nvs generate': CSV files, the image file",
                        "(OUTDIR/OUTPUT unless absolute; any name accepted) and the partition size.")
                .option("--version", "{1,2}", "NVS format version (default 2).")
                .flag("--keygen", "Generate a new key and save it as OUTDIR/keys/KEYFILE.")
                .option("--inputkey", "INPUTKEY", "Encrypt with the key in this key file (its first 64 bytes).")
                .option("--outdir", "OUTDIR", "Folder for the image and keys/ (default: working folder)."),
                "With --keygen: name of the key file in OUTDIR/keys/ (default: keys-MM-DD_HH-MM.bin).")
                .footer("",
                        "Prints on stdout, like the generator (the key line comes once the files are written):",
                        "  Creating NVS binary with version: V2 - Multipage Blob Support Enabled",
                        "  Created encryption keys: ===>  PATH      (with --keygen)",
                        "  Created NVS binary: ===> PATH",
                        "",
                        "Examples:",
                        "  nvs encrypt nvs.csv nvs_encr.bin 0x6000 --keygen --keyfile nvs_keys.bin",
                        "  nvs encrypt nvs.csv nvs_encr.bin 0x6000 --inputkey keys/nvs_keys.bin",
                        "  nvs encrypt nvs.csv nvs_encr.bin 0x6000 --keygen --key_protect_hmac --kp_hmac_inputkey hmac.bin",
                        "",
                        "Exit status: 0 written; 1 refused (one line on stderr; neither image nor key file is left",
                        "behind); 2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        GenerateCommand.Request request = GenerateCommand.Request.of(args, context);
        boolean keygen = args.flag("--keygen");
        Optional<String> inputkey = args.option("--inputkey");
        if (!keygen && inputkey.isEmpty()) {
            throw new NvsInputException("Error. --keygen or --inputkey argument needed: give --keygen to generate a"
                    + " key, or --inputkey KEYFILE to use one");
        }
        if (keygen && inputkey.isPresent()) {
            throw new NvsInputException("Error. --keygen and --inputkey both are not allowed: give one of them");
        }
        if (!keygen && args.option("--keyfile").isPresent()) {
            context.note("nvs encrypt: note: --inputkey argument is given. --keyfile argument will be"
                    + " ignored...");
        }
        KeyGeneration generated = null;
        NvsKeys keys;
        if (keygen) {
            generated = KeyGeneration.run(args, context);
            keys = generated.keys();
        } else {
            keys = NvsKeys.readKeyFile(context.path(inputkey.get()));
        }
        try {
            request.printVersionLine(context);
            byte[] image = NvsEncryption.encrypt(request.image(context), keys);
            try (OutputFiles output = new OutputFiles()) {
                if (generated != null) {
                    generated.stage(output);
                }
                output.stage(request.target().file(), image);
                output.commit();
            }
        } finally {
            keys.destroy();
        }
        if (generated != null) {
            generated.printCreated(context);
        }
        request.printCreated(context);
        return 0;
    }
}
