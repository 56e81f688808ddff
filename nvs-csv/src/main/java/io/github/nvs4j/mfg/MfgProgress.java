package io.github.nvs4j.mfg;

/**
 * Receives the progress of a {@link MfgRunner} run, for a progress bar on a terminal or a summary otherwise. Calls
 * come from the runner's worker threads, but never two at the same time, so an implementation needs no locking of
 * its own; it should return quickly, as the worker waits for it.
 */
@FunctionalInterface
public interface MfgProgress {

    /** Ignores all progress. */
    MfgProgress NONE = (files, done, total) -> { };

    /**
     * Called once, after every input check passed and before the first file is written.
     *
     * @param devices the number of devices the run will build
     */
    default void started(int devices) {
    }

    /**
     * Called when all files of a device have been written. Devices finish in any order when several threads run.
     *
     * @param files the device's files
     * @param done how many devices are finished, this one included
     * @param total the number of devices of the run
     */
    void deviceWritten(DeviceFiles files, int done, int total);
}
