package io.github.nvs4j.cli;

import io.github.nvs4j.check.MinimalDump;
import io.github.nvs4j.check.NvsToolDump;
import io.github.nvs4j.read.BootRepair;
import io.github.nvs4j.read.DeviceView;
import io.github.nvs4j.read.NvsReader;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code nvs dump IMAGE [--format text|json|minimal] [--key KEYFILE] [--partition LABEL | --offset N --size N]}:
 * what a device reads from an image after boot, or nvs_tool.py's minimal listing.
 */
final class DumpCommand implements CliCommand {

    @Override
    public CommandSyntax syntax() {
        return ImageSource.options(CommandSyntax.command("nvs dump")
                .synopsis("nvs dump [-h] [--format text|json|minimal] [--key KEYFILE]",
                        "         [--partition LABEL | --offset N --size N] IMAGE")
                .description("Show what an ESP32 reads from an NVS partition after it boots (nvs_flash_init, then",
                        "every value the iterator lists, read with nvs_get_*): the init result, the statistics, the",
                        "values, and the items it lists but cannot read or reads without listing.")
                .positionals(1, 1, "IMAGE", "An NVS partition image, or a whole-flash dump holding a partition table",
                        "(then its first data/nvs partition is read unless --partition or --offset says otherwise).")
                .option("--format", "FORMAT", "text (default): a table for people;",
                        "json: the device view as JSON (format nvs-oracle/1);",
                        "minimal: nvs_tool.py -f json -d minimal (what that tool lists, not what a device reads)."))
                .footer("",
                        "Values go to stdout; notes (which partition was read, what boot erased) go to stderr.",
                        "",
                        "Examples:",
                        "  nvs dump nvs.bin",
                        "  nvs dump flash.bin --partition nvs --format json",
                        "  nvs dump flash.bin --offset 0x9000 --size 0x6000",
                        "  nvs dump encrypted.bin --key keys/nvs_keys.bin",
                        "",
                        "Exit status: 0 shown (even when the device could not mount the partition: see 'init');",
                        "1 the file cannot be read or the selection does not fit it; 2 usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        String format = args.choice("--format", "text", "json", "minimal");
        ImageSource source = ImageSource.open(args, context, args.positionals().get(0));
        if (format.equals("minimal")) {
            MinimalDump dump = NvsToolDump.minimal(source.image());
            context.out().print(dump.json());
            for (String note : dump.notes()) {
                context.note("nvs dump: note: " + Main.oneLine(note));
            }
            return 0;
        }
        DeviceView view = NvsReader.boot(source.image(), source.mode());
        context.out().print(format.equals("json") ? view.toJson() : TextView.render(view));
        noteRepairs(context, "nvs dump", view);
        if (!view.repairs().isEmpty()) {
            source.noteIfEncrypted(args, context);
        }
        return 0;
    }

    /**
     * Prints one line on stderr when boot repaired something, as these entries are not part of the view.
     *
     * @param context where to print
     * @param command the command name for the message
     * @param view the view
     */
    static void noteRepairs(CliContext context, String command, DeviceView view) {
        if (view.repairs().isEmpty()) {
            return;
        }
        Map<String, Integer> kinds = new TreeMap<>();
        for (BootRepair r : view.repairs()) {
            kinds.merge(r.kind().name(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        kinds.forEach((kind, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(kind).append(" x").append(n));
        context.note(command + ": note: at boot (or when reading values) the device erases or ignores "
                + view.repairs().size() + (view.repairs().size() == 1 ? " thing" : " things") + " in this image (" + sb
                + "); run 'nvs check' for details");
    }
}
