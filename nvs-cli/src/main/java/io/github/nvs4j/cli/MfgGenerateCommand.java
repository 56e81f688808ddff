package io.github.nvs4j.cli;

import io.github.nvs4j.mfg.MfgOptions;
import io.github.nvs4j.mfg.MfgProgress;
import io.github.nvs4j.mfg.MfgResult;
import io.github.nvs4j.mfg.MfgRunner;
import io.github.nvs4j.write.FormatVersion;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * {@code nvs mfg generate CONFIG VALUES PREFIX SIZE [options]}: one image per device, as
 * {@code mfg_gen.py generate}.
 */
final class MfgGenerateCommand implements CliCommand {

    @Override
    public CommandSyntax syntax() {
        return CommandSyntax.command("nvs mfg generate")
                .synopsis("nvs mfg generate [-h] [--prefix_num START LEN] [--fileid KEY] [--version {1,2}] [--keygen]",
                        "                 [--inputkey FILE] [--outdir DIR] [--key_protect_hmac] [--kp_hmac_keygen]",
                        "                 [--kp_hmac_keyfile FILE] [--kp_hmac_inputkey FILE] [--threads N]",
                        "                 CONFIG VALUES PREFIX SIZE")
                .description("Mass manufacturing, as mfg_gen.py generate: for every line of the values CSV, an",
                        "intermediate CSV (OUTDIR/csv/PREFIX-ID.csv) and an NVS image (OUTDIR/bin/PREFIX-ID.bin),",
                        "encrypted with --keygen (OUTDIR/keys/keys-PREFIX-ID.bin) or --inputkey.")
                .positionals(4, 4, "CONFIG VALUES PREFIX SIZE", "CONFIG: the config CSV (key,type,encoding[,REPEAT]);",
                        "VALUES: the master values CSV (header of keys, one line per device);",
                        "PREFIX: the file name prefix; SIZE: the partition size, as for 'nvs generate'.")
                .option("--prefix_num", 2, "START LEN", "Name files PREFIX-NNN-ID, NNN counting from START,",
                        "zero-padded to LEN digits.")
                .option("--fileid", "KEY", "Name each device's files after its value in this column of VALUES",
                        "(default: the device number 1, 2, 3...).")
                .option("--version", "{1,2}", "NVS format version (default 2).")
                .flag("--keygen", "Encrypt every image with a new key, saved as OUTDIR/keys/keys-PREFIX-ID.bin.")
                .option("--inputkey", "FILE", "Encrypt every image with the key in this key file.")
                .option("--outdir", "DIR", "Folder for bin/, csv/ and keys/ (default: working folder).")
                .flag("--key_protect_hmac", "With --keygen: derive each key from an HMAC key.")
                .flag("--kp_hmac_keygen", "With --key_protect_hmac: a new HMAC key per device,",
                        "saved as OUTDIR/keys/hmac-keys-PREFIX-ID.bin.")
                .option("--kp_hmac_keyfile", "FILE", "Name of the generated HMAC key file (one device only).")
                .option("--kp_hmac_inputkey", "FILE", "With --key_protect_hmac: the HMAC key file for every device.")
                .option("--threads", "N", "Devices built at the same time (default: the number of processors).")
                .hidden("--keyfile", true)
                .hidden("--input", true)
                .hidden("--output", true)
                .footer("",
                        "Shows a progress bar on stderr when it is a terminal, one summary line otherwise; the",
                        "last stdout line is mfg_gen.py's 'Files generated in OUTDIR ...'.",
                        "",
                        "Examples:",
                        "  nvs mfg generate config.csv values.csv dev 0x3000 --outdir out",
                        "  nvs mfg generate config.csv values.csv dev 0x6000 --fileid serial --keygen --threads 4",
                        "",
                        "Exit status: 0 all devices written; 1 input refused or a device failed (one line naming",
                        "the file, line and key; that device's files are not left behind); 2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        List<String> params = args.positionals();
        long size = PartitionSize.parse(args, params.get(3));
        MfgOptions.Builder options = MfgOptions.builder(params.get(2), size)
                .version(FormatVersion.of(args.formatVersion()))
                .keygen(args.flag("--keygen"))
                .keyProtectHmac(args.flag("--key_protect_hmac"))
                .kpHmacKeygen(args.flag("--kp_hmac_keygen"))
                .baseDirectory(context.workingDirectory());
        List<String> prefixNum = args.optionValues("--prefix_num", 2);
        if (!prefixNum.isEmpty()) {
            options.prefixNum(decimal(args, "--prefix_num START", prefixNum.get(0)).longValueExact(),
                    decimal(args, "--prefix_num LEN", prefixNum.get(1)).intValueExact());
        }
        args.option("--fileid").ifPresent(options::fileid);
        args.option("--inputkey").ifPresent(k -> options.inputkey(context.path(k)));
        args.option("--kp_hmac_keyfile").ifPresent(options::kpHmacKeyfile);
        args.option("--kp_hmac_inputkey").ifPresent(k -> options.kpHmacInputkey(context.path(k)));
        String outdir = args.option("--outdir").map(OutputPath::expand).orElse(null);
        options.outdir(outdir == null ? context.workingDirectory() : context.path(outdir));
        if (args.option("--threads").isPresent()) {
            BigInteger threads = decimal(args, "--threads", args.option("--threads").get());
            if (threads.signum() <= 0 || threads.bitLength() > 16) {
                throw new UsageException("--threads " + threads + " is out of range: give 1 to 32767");
            }
            options.threads(threads.intValue());
        }
        for (String ignored : new String[] {"--keyfile", "--input", "--output"}) {
            if (args.option(ignored).isPresent()) {
                context.note("nvs mfg generate: note: " + ignored + " is ignored (as by mfg_gen.py)");
            }
        }
        MfgProgressBar bar = context.terminal() ? new MfgProgressBar(context.err()) : null;
        MfgResult result;
        try {
            result = MfgRunner.run(context.path(params.get(0)), context.path(params.get(1)), options.build(),
                    bar == null ? MfgProgress.NONE : bar);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        double seconds = result.elapsed().toNanos() / 1e9;
        context.err().println(String.format(Locale.ROOT, "nvs mfg generate: %d device%s written to %s in %.2f s"
                + " (%.0f devices/s)", result.devices(), result.devices() == 1 ? "" : "s",
                outdir == null ? context.cwd() : outdir, seconds, result.devicesPerSecond()));
        context.out().println();
        context.out().println("Files generated in " + (outdir == null ? context.cwd() : outdir) + " ...");
        return 0;
    }

    private static BigInteger decimal(ParsedArgs args, String what, String text) {
        BigInteger value = PythonInt.parseDecimal(text).orElseThrow(() -> new UsageException(what + " '" + text
                + "' is not a decimal integer"));
        if (value.bitLength() > 62 || (what.endsWith("LEN") && value.bitLength() > 30)) {
            throw new UsageException(what + " '" + text + "' is out of range");
        }
        return value;
    }
}
