package io.github.nvs4j.cli;

/**
 * The commands of {@code nvs}, created by name so that a run builds only the command it needs.
 */
final class Commands {

    /** The command names, for messages. */
    static final String NAMES = "generate, encrypt, decrypt, generate-key, dump, check, to-csv, mfg";

    private Commands() {
    }

    /**
     * @param name a command name, {@code mfg generate} or {@code mfg generate-key} for mass manufacturing
     * @return the command, or {@code null} if there is none of that name
     */
    static CliCommand create(String name) {
        return switch (name) {
            case "generate" -> new GenerateCommand();
            case "encrypt" -> new EncryptCommand();
            case "decrypt" -> new DecryptCommand();
            case "generate-key" -> new GenerateKeyCommand("generate-key");
            case "mfg generate" -> new MfgGenerateCommand();
            case "mfg generate-key" -> new GenerateKeyCommand("mfg generate-key");
            case "dump" -> new DumpCommand();
            case "check" -> new CheckCommand();
            case "to-csv" -> new ToCsvCommand();
            default -> null;
        };
    }

    /** @return the text of {@code nvs --help} */
    static String overview() {
        return """
                Usage: nvs COMMAND [ARGS...]
                ESP-IDF NVS partition images: generate, encrypt, read, check, convert and mass-produce them.
                A drop-in for nvs_partition_gen.py (generate, encrypt, decrypt, generate-key), nvs_tool.py (dump,
                check) and mfg_gen.py (mfg generate, mfg generate-key), with the same arguments.

                Commands:
                  generate      Generate an NVS partition image from CSV files (nvs_partition_gen.py generate).
                  encrypt       Generate an encrypted NVS partition image (nvs_partition_gen.py encrypt).
                  decrypt       Decrypt an encrypted NVS partition image (nvs_partition_gen.py decrypt).
                  generate-key  Generate an NVS encryption key file (nvs_partition_gen.py generate-key).
                  dump          Show what a device reads from an image or a whole-flash dump.
                  check         Check the integrity of an image; exit status 1 when it has errors.
                  to-csv        Write the live keys of an image as a generator CSV.
                  mfg           Mass manufacturing: one image per device (mfg_gen.py generate, generate-key).

                Options:
                  -h, --help      Show this help; 'nvs COMMAND --help' shows a command's help with examples.
                  -V, --version   Show the tool version (the format version of 'generate' is its --version {1,2}).
                  --debug         Print the stack trace of an unexpected error (or set NVS_DEBUG=1).

                Exit status: 0 success, 1 refused input or failure (one line on stderr), 2 usage error.
                """;
    }

    /** @return the text of {@code nvs mfg --help} */
    static String mfgOverview() {
        return """
                Usage: nvs mfg COMMAND [ARGS...]
                Mass manufacturing, as mfg_gen.py: one NVS image per device from a config CSV and a values CSV.

                Commands:
                  generate      Generate the images (mfg_gen.py generate); see 'nvs mfg generate --help'.
                  generate-key  Generate an encryption key file (mfg_gen.py generate-key).
                """;
    }
}
