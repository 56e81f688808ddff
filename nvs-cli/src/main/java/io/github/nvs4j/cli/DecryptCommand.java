package io.github.nvs4j.cli;

import io.github.nvs4j.crypto.NvsEncryption;
import io.github.nvs4j.crypto.NvsKeys;

import java.util.List;

/**
 * {@code nvs decrypt INPUT KEY OUTPUT [--outdir D]}: a plain copy of an encrypted image, as
 * {@code nvs_partition_gen.py decrypt}, refusing a key that does not decrypt the image.
 */
final class DecryptCommand implements CliCommand {

    @Override
    public CommandSyntax syntax() {
        return CommandSyntax.command("nvs decrypt")
                .synopsis("nvs decrypt [-h] [--outdir OUTDIR] INPUT KEY OUTPUT")
                .description("Decrypt an encrypted NVS partition image, as nvs_partition_gen.py decrypt. Unlike the",
                        "Python tool, a key that does not fit the image is refused instead of giving random bytes,",
                        "and any file names are accepted (the tool wants .bin).")
                .positionals(3, 3, "INPUT KEY OUTPUT", "INPUT: the encrypted image; KEY: its key file;",
                        "OUTPUT: the decrypted image, written to OUTDIR/OUTPUT unless absolute.")
                .option("--outdir", "OUTDIR", "Folder for the output (created if missing; default: working folder).")
                .footer("",
                        "Prints on stdout, like the generator:  Created NVS decrypted binary: ===> PATH",
                        "",
                        "Examples:",
                        "  nvs decrypt nvs_encr.bin keys/nvs_keys.bin nvs_plain.bin",
                        "",
                        "Exit status: 0 written; 1 refused (wrong key, unreadable file; nothing is written);",
                        "2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        List<String> params = args.positionals();
        OutputPath target = OutputPath.of(context, args.option("--outdir").orElse(null), params.get(2));
        target.checkFolder("--outdir");
        byte[] encrypted = ImageSource.read(context.path(params.get(0)), params.get(0));
        NvsKeys keys = NvsKeys.readKeyFile(context.path(params.get(1)));
        byte[] plain;
        try {
            plain = NvsEncryption.decryptVerified(encrypted, keys);
        } finally {
            keys.destroy();
        }
        OutputFiles.write(target.file(), plain);
        context.out().println();
        context.out().println("Created NVS decrypted binary: ===> " + target.shown());
        return 0;
    }
}
