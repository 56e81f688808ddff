package io.github.nvs4j.cli;


/**
 * {@code nvs generate-key [--keyfile F] [--outdir D] [HMAC options]} (also {@code nvs mfg generate-key}): an NVS
 * encryption key file, as {@code nvs_partition_gen.py generate-key}.
 */
final class GenerateKeyCommand implements CliCommand {

    private final String name;

    /** @param name the command as typed, {@code generate-key} or {@code mfg generate-key} */
    GenerateKeyCommand(String name) {
        this.name = name;
    }

    @Override
    public CommandSyntax syntax() {
        return KeyGeneration.options(CommandSyntax.command("nvs " + name)
                .synopsis("nvs " + name + " [-h] [--keyfile KEYFILE] [--outdir OUTDIR] [--key_protect_hmac]",
                        "       [--kp_hmac_keygen] [--kp_hmac_keyfile FILE] [--kp_hmac_inputkey FILE]")
                .description("Generate an NVS encryption key file (4096 bytes: 32-byte XTS data key, 32-byte tweak key,",
                        "CRC-32, 0xFF padding) in OUTDIR/keys/, as nvs_partition_gen.py generate-key. Keys come from",
                        "a cryptographic random source (the Python tool uses Python's random module)."),
                "Name of the key file in OUTDIR/keys/ (default: keys-MM-DD_HH-MM.bin; .bin is added to a name"
                        + " without extension).")
                .option("--outdir", "OUTDIR", "Folder for keys/ (created if missing; default: working folder).")
                .footer("",
                        "Prints on stdout, like the generator:  Created encryption keys: ===>  PATH",
                        "",
                        "Examples:",
                        "  nvs " + name + " --keyfile nvs_keys.bin",
                        "  nvs " + name + " --key_protect_hmac --kp_hmac_keygen --keyfile nvs_keys.bin --outdir out",
                        "  nvs " + name + " --key_protect_hmac --kp_hmac_inputkey hmac_key.bin",
                        "",
                        "Exit status: 0 written; 1 refused (nothing is written); 2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        KeyGeneration generated = KeyGeneration.run(args, context);
        try (OutputFiles output = new OutputFiles()) {
            generated.stage(output);
            output.commit();
        } finally {
            generated.keys().destroy();
        }
        generated.printCreated(context);
        return 0;
    }
}
