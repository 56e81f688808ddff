package io.github.nvs4j.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * One sub-command of {@code nvs}: its picocli model (built programmatically, without reflection) and what it does.
 * A command parses nothing itself: it receives the {@link ParsedArgs}, calls one library path and prints.
 */
interface CliCommand {

    /**
     * Builds the command's model: options, positional parameters and help text. Called only for the command that
     * runs (or for {@code nvs --help}), so that start-up builds one model, not all of them.
     *
     * @return a fresh model
     */
    CommandSpec spec();

    /**
     * Runs the command.
     *
     * @param args the parsed arguments
     * @param context streams and working directory
     * @return the exit status
     */
    int run(ParsedArgs args, CliContext context);
}
