package io.github.nvs4j.cli;

/**
 * One sub-command of {@code nvs}: its grammar and what it does. A command parses nothing itself: it receives the
 * {@link ParsedArgs}, calls one library path and prints.
 */
interface CliCommand {

    /**
     * Declares the command's grammar: options, positional parameters and help text. Called only for the command
     * that runs, so that start-up declares one command, not all of them.
     *
     * @return a fresh grammar
     */
    CommandSyntax syntax();

    /**
     * Runs the command.
     *
     * @param args the parsed arguments
     * @param context streams and working directory
     * @return the exit status
     */
    int run(ParsedArgs args, CliContext context);
}
