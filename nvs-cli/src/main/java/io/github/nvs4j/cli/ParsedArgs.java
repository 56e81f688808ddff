package io.github.nvs4j.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command as strings, from {@link CommandSyntax#scan} or from picocli; conversions (numbers,
 * choices) are done here so that every usage error has nvs4j's own one-line message.
 */
final class ParsedArgs {

    private final String command;
    private final Map<String, List<String>> options;
    private final List<String> positionals;

    /**
     * @param command the command as typed after {@code nvs}
     * @param options every option given, by long name, with all its values in order (empty for a flag)
     * @param positionals the positional arguments
     */
    ParsedArgs(String command, Map<String, List<String>> options, List<String> positionals) {
        this.command = command;
        this.options = options;
        this.positionals = List.copyOf(positionals);
    }

    /**
     * @param command the command as typed after {@code nvs}
     * @param result what picocli parsed
     * @return the arguments
     */
    static ParsedArgs of(String command, ParseResult result) {
        Map<String, List<String>> options = new HashMap<>();
        for (OptionSpec option : result.matchedOptions()) {
            List<String> values = options.get(option.longestName());
            if (values == null) {
                values = new ArrayList<>();
                options.put(option.longestName(), values);
            }
            if (option.arity().max() > 0) {
                values.addAll(option.stringValues());
            }
        }
        List<String> positionals = new ArrayList<>();
        // matchedPositionals() names a spec once per group of positionals it matched; its values hold them all.
        Set<ArgSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ArgSpec p : result.matchedPositionals()) {
            if (seen.add(p)) {
                positionals.addAll(p.stringValues());
            }
        }
        return new ParsedArgs(command, options, positionals);
    }

    /** @return the command's name as typed after {@code nvs}, e.g. {@code generate} or {@code mfg generate} */
    String command() {
        return command;
    }

    /**
     * @param name an option name, e.g. {@code --outdir}
     * @return its value (the last one if given several times), or empty
     */
    Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /**
     * @param name an option taking several values per occurrence, e.g. {@code --prefix_num}
     * @param perOccurrence how many values each occurrence has
     * @return the values of its last occurrence, or an empty list
     */
    List<String> optionValues(String name, int perOccurrence) {
        List<String> values = options.get(name);
        if (values == null) {
            return List.of();
        }
        return List.copyOf(values.subList(Math.max(0, values.size() - perOccurrence), values.size()));
    }

    /**
     * @param name a flag, e.g. {@code --keygen}
     * @return whether it was given
     */
    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** @return every positional argument, in order */
    List<String> positionals() {
        return positionals;
    }

    /** @return the options as given, for tests comparing the two parsers */
    Map<String, List<String>> options() {
        return options;
    }

    /**
     * Parses a size or number argument as Python's {@code int(text, 0)} does.
     *
     * @param what the argument's name for the message, e.g. {@code SIZE}
     * @param text the argument
     * @return the value
     * @throws UsageException if it does not parse
     */
    BigInteger integer(String what, String text) {
        Optional<BigInteger> value = PythonInt.parseAnyBase(text);
        if (value.isEmpty()) {
            throw new UsageException(what + " '" + text + "' is not a number: accepted are integers as Python's"
                    + " int(s, 0) reads them, e.g. 0x3000, 12288, 0o30000, 0b11000000000000 or 0x3_000 (no leading"
                    + " zero in decimal, such as 012288)");
        }
        return value.get();
    }

    /**
     * Reads an option that takes one of a few words, as argparse's {@code choices} do.
     *
     * @param name    the option, e.g. {@code --format}
     * @param choices the words accepted; the first is the default when the option is absent
     * @return the word given, or the default
     * @throws UsageException for any other word, listing the choices
     */
    String choice(String name, String... choices) {
        String value = option(name).orElse(choices[0]);
        if (!List.of(choices).contains(value)) {
            throw new UsageException("argument " + name + ": invalid choice: '" + value + "' (choose from "
                    + String.join(", ", choices) + ")");
        }
        return value;
    }

    /**
     * Parses {@code --version} as the Python tools do ({@code type=int, choices=[1, 2]}).
     *
     * @return 1 or 2; 2 when the option is absent
     * @throws UsageException for any other value
     */
    int formatVersion() {
        Optional<String> text = option("--version");
        if (text.isEmpty()) {
            return 2;
        }
        Optional<BigInteger> value = PythonInt.parseDecimal(text.get());
        if (value.isEmpty()) {
            throw new UsageException("argument --version: invalid int value: '" + text.get()
                    + "' (choose from 1, 2: the NVS format version)");
        }
        if (!value.get().equals(BigInteger.ONE) && !value.get().equals(BigInteger.TWO)) {
            throw new UsageException("argument --version: invalid choice: " + value.get()
                    + " (choose from 1, 2: the NVS format version; 1 = no multipage blobs, 2 = default)");
        }
        return value.get().intValue();
    }
}
