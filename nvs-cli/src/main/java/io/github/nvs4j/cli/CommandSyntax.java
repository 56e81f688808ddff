package io.github.nvs4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line grammar of one command, declared once as plain data: options (with their arity and help),
 * positional parameters and the help texts. Two parsers read it:
 * <ul>
 *   <li>{@link #scan(String, List)}, a small scanner for the plain, well-formed command lines that scripts type
 *       (exact long option names, {@code --name value} or {@code --name=value}, {@code --}). It loads no picocli
 *       class, which matters for start-up time: picocli's classes are compiled for Java 5, so the JDK 17 class-data
 *       sharing archive cannot hold them.</li>
 *   <li>picocli ({@link #toSpec()}), for everything else: {@code --help}, short options, and every usage error,
 *       which it reports in its own words. (Abbreviated long options, which Python's argparse accepts, are not:
 *       picocli does not resolve abbreviations in commands that also take positional parameters.)</li>
 * </ul>
 * The scanner accepts nothing that picocli would refuse or read differently; when in doubt it declines, and picocli
 * parses the line.
 */
final class CommandSyntax {

    /**
     * An option.
     *
     * @param name the long name, e.g. {@code --outdir}
     * @param arity how many values follow it (0 for a flag)
     * @param label the values' label in help
     * @param help the help text
     * @param hidden whether help leaves it out
     */
    record Option(String name, int arity, String label, String[] help, boolean hidden) {
    }

    private final String name;
    private String[] description = {};
    private String[] synopsis;
    private String[] footer = {};
    private final List<Option> options = new ArrayList<>();
    private final Map<String, Option> byName = new HashMap<>();
    private int minPositionals;
    private int maxPositionals;
    private String positionalLabel;
    private String[] positionalHelp = {};

    private CommandSyntax(String name) {
        this.name = name;
    }

    /**
     * @param name the command name as shown in help (e.g. {@code nvs generate})
     * @return a new grammar (with {@code -h/--help}, handled by picocli)
     */
    static CommandSyntax command(String name) {
        return new CommandSyntax(name);
    }

    /**
     * @param lines the description shown under the synopsis
     * @return this grammar
     */
    CommandSyntax description(String... lines) {
        this.description = lines;
        return this;
    }

    /**
     * @param lines the synopsis, replacing picocli's generated one
     * @return this grammar
     */
    CommandSyntax synopsis(String... lines) {
        this.synopsis = lines;
        return this;
    }

    /**
     * @param lines text after the options (examples, notes)
     * @return this grammar
     */
    CommandSyntax footer(String... lines) {
        this.footer = lines;
        return this;
    }

    private CommandSyntax add(Option option) {
        options.add(option);
        byName.put(option.name(), option);
        return this;
    }

    /**
     * Adds an option with one value.
     *
     * @param optionName the long name
     * @param label the value's label in help
     * @param help the help text (one paragraph: the parts are joined with spaces and wrapped by picocli)
     * @return this grammar
     */
    CommandSyntax option(String optionName, String label, String... help) {
        return add(new Option(optionName, 1, label, help, false));
    }

    /**
     * Adds an option with several values per occurrence, e.g. {@code --prefix_num START LEN}.
     *
     * @param optionName the long name
     * @param values how many values follow the option
     * @param label the values' label in help
     * @param help the help text
     * @return this grammar
     */
    CommandSyntax option(String optionName, int values, String label, String... help) {
        return add(new Option(optionName, values, label, help, false));
    }

    /**
     * Adds an option without value.
     *
     * @param optionName the long name
     * @param help the help text
     * @return this grammar
     */
    CommandSyntax flag(String optionName, String... help) {
        return add(new Option(optionName, 0, null, help, false));
    }

    /**
     * Adds an option that is accepted but not listed in help.
     *
     * @param optionName the long name
     * @param takesValue whether a value follows it
     * @return this grammar
     */
    CommandSyntax hidden(String optionName, boolean takesValue) {
        return add(new Option(optionName, takesValue ? 1 : 0, null, new String[0], true));
    }

    /**
     * Declares the positional parameters.
     *
     * @param min the fewest
     * @param max the most ({@link Integer#MAX_VALUE} for no limit)
     * @param label their label in help
     * @param help the help text
     * @return this grammar
     */
    CommandSyntax positionals(int min, int max, String label, String... help) {
        this.minPositionals = min;
        this.maxPositionals = max;
        this.positionalLabel = label;
        this.positionalHelp = help;
        return this;
    }

    /**
     * Reads a plain, well-formed command line without picocli.
     *
     * @param command the command as typed after {@code nvs}
     * @param args the arguments after the command name
     * @return the arguments, or {@code null} when picocli must parse the line (help, short options, values that
     *         look like options, a wrong number of positional parameters, anything unknown)
     */
    ParsedArgs scan(String command, List<String> args) {
        Map<String, List<String>> values = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean onlyPositionals = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyPositionals) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                return null; // -h, -V, negative numbers: picocli decides
            }
            int eq = arg.indexOf('=');
            Option option = byName.get(eq < 0 ? arg : arg.substring(0, eq));
            if (option == null) {
                return null;
            }
            List<String> given = values.get(option.name());
            if (given == null) {
                given = new ArrayList<>();
                values.put(option.name(), given);
            }
            if (eq >= 0) {
                if (option.arity() != 1) {
                    return null;
                }
                given.add(arg.substring(eq + 1));
                continue;
            }
            for (int k = 0; k < option.arity(); k++) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
                    return null;
                }
                given.add(args.get(++i));
            }
        }
        if (positionals.size() < minPositionals || positionals.size() > maxPositionals) {
            return null;
        }
        return new ParsedArgs(command, values, positionals);
    }

    private static String paragraph(String[] parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            sb.append(sb.length() == 0 ? "" : " ").append(part.strip());
        }
        return sb.toString();
    }

    /**
     * Checks the number of positional arguments that picocli parsed.
     *
     * @param args the parsed arguments
     * @return {@code args}
     * @throws UsageException if there are too few or too many
     */
    ParsedArgs checkPositionals(ParsedArgs args) {
        int n = args.positionals().size();
        if (n < minPositionals || n > maxPositionals) {
            String wanted = minPositionals == maxPositionals ? Integer.toString(minPositionals)
                    : maxPositionals == Integer.MAX_VALUE ? "at least " + minPositionals
                    : minPositionals + " to " + maxPositionals;
            throw new UsageException((n < minPositionals ? "missing arguments" : "too many arguments") + ": expected "
                    + positionalLabel + " (" + wanted + " argument" + (wanted.equals("1") ? "" : "s") + "), got "
                    + n + (n == 0 ? "" : ": " + String.join(" ", args.positionals())));
        }
        return args;
    }

    /** @return the picocli model of this grammar, with {@code -h/--help} */
    CommandSpec toSpec() {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().width(100).sortOptions(false).abbreviateSynopsis(false).description(description)
                .footer(footer);
        if (synopsis != null) {
            spec.usageMessage().customSynopsis(synopsis);
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help and exit.").build());
        for (Option o : options) {
            OptionSpec.Builder b = OptionSpec.builder(o.name()).arity(Integer.toString(o.arity()))
                    .description(paragraph(o.help())).hidden(o.hidden());
            if (o.arity() == 0) {
                b.type(boolean.class);
            } else if (o.arity() == 1) {
                b.type(String.class).paramLabel(o.label() == null ? "VALUE" : o.label());
            } else {
                b.type(String[].class).auxiliaryTypes(String.class).hideParamSyntax(true).paramLabel(o.label());
            }
            spec.addOption(b.build());
        }
        if (maxPositionals > 0) {
            // Any number here: picocli counts a variable arity per group of positionals between options, so the
            // count is checked on the whole list by checkPositionals.
            spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel(positionalLabel)
                    .type(String[].class).auxiliaryTypes(String.class).hideParamSyntax(true)
                    .description(paragraph(positionalHelp)).build());
        }
        return spec;
    }
}
