package io.github.nvs4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the command tests. */
final class Assertions2 {

    private Assertions2() {
    }

    /**
     * Asserts that a run failed with the given status and exactly one line on stderr, without a stack trace.
     *
     * @param run the run
     * @param status the expected status
     * @return the error line
     */
    static String failedWithOneLine(CliRun run, int status) {
        assertThat(run.status()).as(run.toString()).isEqualTo(status);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        String line = run.errLines().get(0);
        assertThat(line).as(run.toString()).startsWith("nvs").doesNotContain("Exception").doesNotContain("\tat ");
        return line;
    }
}
