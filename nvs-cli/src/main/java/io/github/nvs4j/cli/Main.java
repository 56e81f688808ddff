package io.github.nvs4j.cli;

import io.github.nvs4j.NvsException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code nvs.jar}: the {@code nvs} command, a drop-in for {@code nvs_partition_gen.py},
 * {@code nvs_tool.py} and {@code mfg_gen.py}.
 *
 * <p>Exit status: 0 on success, 1 when an input is refused or a command fails (one line on stderr naming the file,
 * line and key or the argument at fault), 2 for usage errors (unknown option, missing argument, a number that does
 * not parse, a value outside an option's choices). {@code check} has its own statuses (see its help). No stack
 * trace is printed unless {@code --debug} is given or the environment variable {@code NVS_DEBUG} is set.
 */
public final class Main {

    /** Exit status of a usage error. */
    static final int USAGE = 2;

    private Main() {
    }

    /**
     * Runs {@code nvs} and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs {@code nvs} in the process's working directory without exiting.
     *
     * @param args command-line arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null, System.console() != null);
    }

    /**
     * Runs {@code nvs} as if started in {@code workingDirectory}, for tests.
     *
     * @param args command-line arguments
     * @param out standard output
     * @param err standard error
     * @param workingDirectory the folder relative paths resolve against, or {@code null} for the process's own
     * @param terminal whether stderr is a terminal (progress bars)
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory, boolean terminal) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        boolean debug = list.remove("--debug") | System.getenv("NVS_DEBUG") != null;
        CliContext context = workingDirectory == null
                ? new CliContext(out, err, Path.of("").toAbsolutePath(), true, terminal, debug, new ArrayList<>())
                : new CliContext(out, err, workingDirectory.toAbsolutePath(), false, terminal, debug,
                        new ArrayList<>());
        String name = "nvs";
        try {
            if (list.isEmpty()) {
                throw new UsageException("no command given; the commands are " + Commands.NAMES
                        + " (see 'nvs --help')");
            }
            String first = list.get(0);
            if (first.equals("-h") || first.equals("--help") || first.equals("help")) {
                out.print(Commands.overview());
                out.flush();
                return 0;
            }
            if (first.equals("--version") || first.equals("-V")) {
                out.println("nvs " + version());
                out.flush();
                return 0;
            }
            list.remove(0);
            name = "nvs " + first;
            if (first.equals("mfg")) {
                if (list.isEmpty() || list.get(0).startsWith("-")) {
                    if (!list.isEmpty() && (list.get(0).equals("-h") || list.get(0).equals("--help"))) {
                        out.print(Commands.mfgOverview());
                        out.flush();
                        return 0;
                    }
                    throw new UsageException("'nvs mfg' needs a command: generate or generate-key"
                            + " (see 'nvs mfg --help')");
                }
                first = "mfg " + list.remove(0);
                name = "nvs " + first;
            }
            CliCommand command = Commands.create(first);
            if (command == null) {
                throw new UsageException("unknown command '" + first.replace("mfg ", "") + "'; the commands are "
                        + (first.startsWith("mfg ") ? "generate, generate-key (see 'nvs mfg --help')"
                        : Commands.NAMES + " (see 'nvs --help')"));
            }
            CommandSyntax syntax = command.syntax();
            ParsedArgs parsed = syntax.scan(first, list);
            if (parsed == null) {
                parsed = parseWithPicocli(syntax, first, list, out);
                if (parsed == null) {
                    return 0; // help was shown
                }
            }
            int status = command.run(parsed, context);
            out.flush();
            context.printNotes();
            return status;
        } catch (UsageException e) {
            out.flush();
            err.println(name + ": " + e.getMessage() + (e.getMessage().contains("--help") ? ""
                    : " (see '" + name + " --help')"));
            return USAGE;
        } catch (ExitException e) {
            out.flush();
            err.println(name + ": " + e.getMessage());
            return e.status();
        } catch (NvsException e) {
            out.flush();
            err.println(name + ": error: " + oneLine(e.getMessage()));
            debug(context, e);
            return 1;
        } catch (InvalidPathException e) {
            out.flush();
            err.println(name + ": error: '" + oneLine(e.getInput()) + "' is not a valid file name: "
                    + oneLine(e.getReason()));
            debug(context, e);
            return 1;
        } catch (UncheckedIOException e) {
            out.flush();
            err.println(name + ": error: " + oneLine(OutputFiles.describe(e.getCause())));
            debug(context, e);
            return 1;
        } catch (RuntimeException | Error e) {
            out.flush();
            err.println(name + ": internal error: " + oneLine(String.valueOf(e))
                    + (debug ? "" : " (run with --debug or NVS_DEBUG=1 for the stack trace)"));
            debug(context, e);
            return 1;
        }
    }

    /**
     * Parses a command line that the plain scanner declined: picocli shows help and reports every usage error.
     *
     * @return the arguments, or {@code null} when help was requested and printed
     * @throws UsageException for a usage error
     */
    static ParsedArgs parseWithPicocli(CommandSyntax syntax, String command, List<String> args, PrintStream out) {
        CommandLine commandLine = new CommandLine(syntax.toSpec());
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setExpandAtFiles(false);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args.toArray(new String[0]));
        } catch (ParameterException e) {
            throw new UsageException(firstLine(e.getMessage()));
        }
        if (parsed.isUsageHelpRequested()) {
            commandLine.usage(out);
            out.flush();
            return null;
        }
        return syntax.checkPositionals(ParsedArgs.of(command, parsed));
    }

    /** @return the tool version from the jar manifest, or {@code development} when run from classes */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    private static void debug(CliContext context, Throwable e) {
        if (context.debug()) {
            e.printStackTrace(context.err());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid arguments";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    /**
     * @param message a message
     * @return the message on one line (line breaks shown as spaces)
     */
    static String oneLine(String message) {
        return message == null ? "" : message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
