package io.github.nvs4j.cli;

import io.github.nvs4j.NvsException;
import io.github.nvs4j.check.CheckReport;
import io.github.nvs4j.check.IntegrityChecker;
import io.github.nvs4j.check.Severity;

/**
 * {@code nvs check IMAGE [--format text|json] [--key …] [--partition … | --offset … --size …]}: the integrity
 * findings of an image, with an exit status for scripts.
 */
final class CheckCommand implements CliCommand {

    /** Exit status when the image cannot be read at all. */
    static final int UNREADABLE = 2;

    @Override
    public CommandSyntax syntax() {
        return ImageSource.options(CommandSyntax.command("nvs check")
                .synopsis("nvs check [-h] [--format text|json] [--key KEYFILE]",
                        "          [--partition LABEL | --offset N --size N] IMAGE")
                .description("Check the integrity of an NVS partition image: everything nvs_tool.py -i reports, and",
                        "what matters to a device (page states, sequence numbers, key fields, blob chunk ranges).")
                .positionals(1, 1, "IMAGE", "An NVS partition image, or a whole-flash dump holding a partition table.")
                .option("--format", "FORMAT", "text (default): one line per finding; json: {\"findings\": [...]}."))
                .footer("",
                        "Examples:",
                        "  nvs check nvs.bin",
                        "  nvs check flash.bin --partition nvs --format json",
                        "",
                        "Exit status: 0 no finding is an error (warnings allowed); 1 at least one error;",
                        "2 the image cannot be read at all (missing, shorter than a page, wrong key, bad",
                        "partition table) or a usage error.");
    }

    @Override
    public int run(ParsedArgs args, CliContext context) {
        String format = args.choice("--format", "text", "json");
        CheckReport report;
        try {
            ImageSource source = ImageSource.open(args, context, args.positionals().get(0));
            report = IntegrityChecker.check(source.image());
            if (report.hasErrors()) {
                source.noteIfEncrypted(args, context);
            }
        } catch (NvsException e) {
            throw new ExitException(UNREADABLE, "error: " + Main.oneLine(e.getMessage()));
        }
        if (format.equals("json")) {
            context.out().print(report.toJson());
        } else {
            context.out().print(report.toText());
            int errors = report.count(Severity.ERROR);
            int warnings = report.count(Severity.WARNING);
            context.out().println(report.isClean() ? "no findings (" + report.pageCount() + " pages checked)"
                    : errors + (errors == 1 ? " error, " : " errors, ") + warnings
                    + (warnings == 1 ? " warning" : " warnings") + " (" + report.pageCount() + " pages checked)");
        }
        return report.hasErrors() ? 1 : 0;
    }
}
