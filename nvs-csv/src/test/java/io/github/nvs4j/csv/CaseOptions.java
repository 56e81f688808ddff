package io.github.nvs4j.csv;

import io.github.nvs4j.testing.ConformanceCase;

/** The generator's options for a conformance case. */
final class CaseOptions {

    private CaseOptions() {
    }

    /**
     * @param c a case whose {@code --version} the generator accepts
     * @return the options the generator ran with: working directory = the case folder
     */
    static CsvOptions of(ConformanceCase c) {
        return new CsvOptions(c.dir(), c.version().orElseThrow());
    }
}
