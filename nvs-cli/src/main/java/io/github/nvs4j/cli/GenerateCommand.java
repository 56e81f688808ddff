package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.CsvInput;
import io.github.nvs4j.csv.CsvOptions;
import io.github.nvs4j.csv.NvsCsvReader;
import io.github.nvs4j.write.FormatVersion;
import io.github.nvs4j.write.NvsWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nvs generate INPUT... OUTPUT SIZE [--version {1,2}] [--outdir DIR]}: CSV files to an image, as
 * {@code nvs_partition_gen.py generate}, printing the generator's status lines on stdout.
 */
final class GenerateCommand implements CliCommand {

    static final String V1_TEXT = "V1 - Multipage Blob Support Disabled";
    static final String V2_TEXT = "V2 - Multipage Blob Support Enabled";

    @Override
    public CommandSyntax syntax() {
        return CommandSyntax.command("nvs generate")
                .synopsis("nvs generate [-h] [--version {1,2}] [--outdir OUTDIR] INPUT [INPUT...] OUTPUT SIZE")
                .description("Generate an NVS partition image from generator CSV files (key,type,encoding,value),",
                        "byte for byte as nvs_partition_gen.py generate writes it.")
                .positionals(3, Integer.MAX_VALUE, "INPUT... OUTPUT SIZE",
                        "INPUT: CSV file(s), read in order as one run (file rows resolve against the working folder).",
                        "OUTPUT: the image file; written to OUTDIR/OUTPUT unless OUTPUT is absolute. Any name is",
                        "  accepted (nvs_partition_gen.py insists on a .bin extension; nvs does not).",
                        "SIZE: partition size in bytes, a multiple of 4096, read as Python's int(s, 0): 0x3000,",
                        "  12288, 0o30000, 0b..., 0x3_000. 0x1000 and 0x2000 make a read-only image (no spare page).")
                .option("--version", "{1,2}", "NVS format version: 1 = multipage blob support disabled,",
                        "2 = enabled (default).")
                .option("--outdir", "OUTDIR", "Folder for the output (created if missing; default: working folder).")
                .footer("",
                        "Prints on stdout, like the generator:",
                        "  Creating NVS binary with version: V2 - Multipage Blob Support Enabled",
                        "  Created NVS binary: ===> PATH",
                        "",
                        "Examples:",
                        "  nvs generate nvs.csv nvs.bin 0x6000",
                        "  nvs generate base.csv device.csv nvs.bin 24576 --version 1 --outdir build",
                        "",
                        "Exit status: 0 written; 1 input refused (one line on stderr naming file, line and key; no",
                        "output file is left behind); 2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        Request request = Request.of(args, context);
        request.printVersionLine(context);
        byte[] image = request.image(context);
        OutputFiles.write(request.target().file(), image);
        request.printCreated(context);
        return 0;
    }

    /**
     * The arguments shared by {@code generate} and {@code encrypt}: inputs, output, size and format version.
     *
     * @param inputs the CSV files
     * @param target where the image goes
     * @param size the partition size
     * @param version the format version
     */
    record Request(List<Path> inputs, OutputPath target, long size, FormatVersion version) {

        static Request of(ParsedArgs args, CliContext context) {
            List<String> params = args.positionals();
            FormatVersion version = FormatVersion.of(args.formatVersion());
            String sizeText = params.get(params.size() - 1);
            String output = params.get(params.size() - 2);
            long size = PartitionSize.parse(args, sizeText);
            PartitionSize.noticeIfReadOnly(context, size);
            List<Path> inputs = new ArrayList<>();
            for (String input : params.subList(0, params.size() - 2)) {
                inputs.add(context.path(input));
            }
            OutputPath target = OutputPath.of(context, args.option("--outdir").orElse(null), output);
            target.checkFolder("--outdir");
            if (target.outdirIgnored()) {
                context.note("nvs " + args.command() + ": note: '" + output
                        + "' is an absolute path, so --outdir is ignored for it");
            }
            return new Request(List.copyOf(inputs), target, size, version);
        }

        void printVersionLine(CliContext context) {
            context.out().println();
            context.out().println("Creating NVS binary with version: "
                    + (version == FormatVersion.V1 ? V1_TEXT : V2_TEXT));
        }

        /** Reads the CSVs and lays out the image; a key that does not fit is reported with its CSV line. */
        byte[] image(CliContext context) {
            CsvInput input = NvsCsvReader.read(inputs, new CsvOptions(context.workingDirectory(), version));
            try {
                return NvsWriter.write(input.data(), size, version);
            } catch (NvsInputException e) {
                throw input.locate(e);
            }
        }

        void printCreated(CliContext context) {
            context.out().println();
            context.out().println("Created NVS binary: ===> " + target.shown());
        }
    }
}
