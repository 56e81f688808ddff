package io.github.nvs4j.mfg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The summary of a finished {@link MfgRunner} run.
 *
 * @param devices the number of devices written
 * @param outdir the output folder ({@code --outdir})
 * @param elapsed the time from the start of the checks to the last file written
 */
public record MfgResult(int devices, Path outdir, Duration elapsed) {

    /** Checks the components. */
    public MfgResult {
        Objects.requireNonNull(outdir, "outdir");
        Objects.requireNonNull(elapsed, "elapsed");
        if (devices < 0) {
            throw new IllegalArgumentException("devices must not be negative: " + devices);
        }
    }

    /** @return devices written per second (0 when no time has passed) */
    public double devicesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? devices / seconds : 0;
    }
}
