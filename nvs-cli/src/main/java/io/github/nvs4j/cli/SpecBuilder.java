package io.github.nvs4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds a command's picocli model with the programmatic API: no annotations, no reflection over command classes,
 * every value kept as a string (converted by {@link ParsedArgs}).
 */
final class SpecBuilder {

    private final CommandSpec spec;

    private SpecBuilder(String name) {
        this.spec = CommandSpec.create().name(name);
        spec.usageMessage().width(100).sortOptions(false).abbreviateSynopsis(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help and exit.").build());
    }

    /**
     * @param name the command name as shown in help (e.g. {@code nvs generate})
     * @return a builder for it, with {@code -h/--help}
     */
    static SpecBuilder command(String name) {
        return new SpecBuilder(name);
    }

    /**
     * @param lines the description shown under the synopsis
     * @return this builder
     */
    SpecBuilder description(String... lines) {
        spec.usageMessage().description(lines);
        return this;
    }

    /**
     * @param lines the synopsis, replacing picocli's generated one
     * @return this builder
     */
    SpecBuilder synopsis(String... lines) {
        spec.usageMessage().customSynopsis(lines);
        return this;
    }

    /**
     * @param lines text after the options (examples, notes)
     * @return this builder
     */
    SpecBuilder footer(String... lines) {
        spec.usageMessage().footer(lines);
        return this;
    }

    /**
     * Adds an option with one value.
     *
     * @param name the long name
     * @param label the value's label in help
     * @param description the help text
     * @return this builder
     */
    SpecBuilder option(String name, String label, String... description) {
        spec.addOption(OptionSpec.builder(name).arity("1").paramLabel(label).type(String.class)
                .description(description).build());
        return this;
    }

    /**
     * Adds an option with several values per occurrence, e.g. {@code --prefix_num START LEN}.
     *
     * @param name the long name
     * @param values how many values follow the option
     * @param label the values' label in help
     * @param description the help text
     * @return this builder
     */
    SpecBuilder option(String name, int values, String label, String... description) {
        spec.addOption(OptionSpec.builder(name).arity(Integer.toString(values)).paramLabel(label)
                .type(String[].class).auxiliaryTypes(String.class).hideParamSyntax(true)
                .description(description).build());
        return this;
    }

    /**
     * Adds an option without value.
     *
     * @param name the long name
     * @param description the help text
     * @return this builder
     */
    SpecBuilder flag(String name, String... description) {
        spec.addOption(OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build());
        return this;
    }

    /**
     * Adds an option that is accepted but not listed in help.
     *
     * @param name the long name
     * @param takesValue whether a value follows it
     * @return this builder
     */
    SpecBuilder hidden(String name, boolean takesValue) {
        spec.addOption(OptionSpec.builder(name).arity(takesValue ? "1" : "0")
                .type(takesValue ? String.class : boolean.class).hidden(true).build());
        return this;
    }

    /**
     * Adds the positional parameters, all as one list of strings.
     *
     * @param arity how many, e.g. {@code 3..*}
     * @param label their label in help
     * @param description the help text
     * @return this builder
     */
    SpecBuilder positionals(String arity, String label, String... description) {
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity(arity).paramLabel(label)
                .type(String[].class).auxiliaryTypes(String.class).hideParamSyntax(true)
                .description(description).build());
        return this;
    }

    /** @return the model */
    CommandSpec build() {
        return spec;
    }
}
