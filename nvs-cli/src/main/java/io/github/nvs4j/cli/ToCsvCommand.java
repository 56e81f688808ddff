package io.github.nvs4j.cli;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.csv.CsvOutput;
import io.github.nvs4j.csv.CsvWarning;
import io.github.nvs4j.csv.NvsCsvWriter;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.partition.NvsSelection;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;
import io.github.nvs4j.write.FormatVersion;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code nvs to-csv IMAGE OUTPUT.csv [--key …] [--partition … | --offset … --size …]}: the live key set of an image
 * as a generator CSV, from which {@code nvs generate} rebuilds a generator-made image byte for byte.
 */
final class ToCsvCommand implements CliCommand {

    private static final int PAGE = 4096;

    @Override
    public CommandSyntax syntax() {
        return ImageSource.options(CommandSyntax.command("nvs to-csv")
                .synopsis("nvs to-csv [-h] [--key KEYFILE] [--partition LABEL | --offset N --size N] IMAGE OUTPUT")
                .description("Write the keys a device reads from an image (after boot) as a generator CSV",
                        "(key,type,encoding,value). For an image made by the generator, 'nvs generate' with the",
                        "size and version printed on stderr rebuilds it byte for byte.")
                .positionals(2, 2, "IMAGE OUTPUT", "IMAGE: an NVS image or a whole-flash dump; OUTPUT: the CSV file."))
                .footer("",
                        "Items the device would erase at boot or cannot read are not in the CSV; a warning on",
                        "stderr says how many there were.",
                        "",
                        "Examples:",
                        "  nvs to-csv nvs.bin nvs.csv",
                        "  nvs to-csv flash.bin nvs.csv --partition nvs",
                        "",
                        "Exit status: 0 written; 1 the image cannot be read or converted (nothing is written);",
                        "2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        List<String> params = args.positionals();
        ImageSource source = ImageSource.open(args, context, params.get(0));
        DeviceView view = NvsReader.boot(source.image(), source.mode());
        if (!view.repairs().isEmpty()) {
            source.noteIfEncrypted(args, context);
        }
        if (!view.init().isOk()) {
            throw new NvsInputException("the device cannot mount this image (nvs_flash_init gives " + view.init()
                    + "), so it has no live keys to convert; see 'nvs check'", params.get(0), 0, null, null);
        }
        NvsData data = view.toModel();
        CsvOutput csv = NvsCsvWriter.write(data);
        OutputFiles.write(context.path(params.get(1)), csv.text().getBytes(StandardCharsets.UTF_8));
        String command = "nvs " + args.command();
        for (CsvWarning w : csv.warnings()) {
            context.note(command + ": warning: " + Main.oneLine(w.toString()));
        }
        int lost = view.unreadable().size();
        if (!view.repairs().isEmpty() || lost > 0) {
            context.note(command + ": warning: the image is not clean: at boot the device erases or ignores "
                    + view.repairs().size() + " entr" + (view.repairs().size() == 1 ? "y" : "ies") + ", and " + lost
                    + " listed item" + (lost == 1 ? " cannot" : "s cannot") + " be read; none of them is in the CSV"
                    + " (see 'nvs check')");
        }
        int dropped = view.entries().size() + view.unlisted().size() - data.size();
        if (dropped > 0) {
            context.note(command + ": warning: " + dropped + " listed value" + (dropped == 1 ? " has" : "s have")
                    + " the namespace and key of another value (a key stored with two types, or listed under a"
                    + " borrowed namespace name); only the newest copy of each key is in the CSV");
        }
        long size = partitionSize(source);
        // An image without an initialised page regenerates with the default, format 2.
        int version = NvsReader.formatVersion(source.image()).orElse(FormatVersion.V2) == FormatVersion.V1 ? 1 : 2;
        context.note(command + ": " + data.size() + " key" + (data.size() == 1 ? "" : "s") + " in "
                + data.namespaces().size() + " namespace" + (data.namespaces().size() == 1 ? "" : "s")
                + " written to " + params.get(1) + "; regenerate with: nvs generate " + params.get(1) + " IMAGE.bin 0x"
                + Long.toHexString(size) + " --version " + version);
        return 0;
    }

    /** The partition size: the selected partition's whole pages, or the image's length for a bare image file. */
    private static long partitionSize(ImageSource source) {
        long size = source.selection().origin() == NvsSelection.Origin.WHOLE_FILE ? source.image().length
                : source.selection().size();
        size -= size % PAGE;
        return Math.max(size, PAGE);
    }
}
