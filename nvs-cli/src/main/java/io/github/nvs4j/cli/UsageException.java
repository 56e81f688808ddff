package io.github.nvs4j.cli;

/**
 * A command line that cannot be parsed: an unknown option, a missing argument, a number that does not parse, a value
 * outside an option's choices. Exit status 2, one line on stderr with a pointer to {@code --help}.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with which argument, and what would be accepted */
    UsageException(String message) {
        super(message, null, false, false);
    }
}
