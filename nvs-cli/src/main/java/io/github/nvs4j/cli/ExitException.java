package io.github.nvs4j.cli;

/**
 * Ends a command with a given exit status and one line on stderr; used where a command's status is not the usual 1
 * (for example {@code check}, which exits 2 when the image cannot be read at all).
 */
final class ExitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the exit status
     * @param message the line for stderr
     */
    ExitException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** @return the exit status */
    int status() {
        return status;
    }
}
