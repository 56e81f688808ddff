package io.github.nvs4j.cli;

import io.github.nvs4j.mfg.DeviceFiles;
import io.github.nvs4j.mfg.MfgProgress;

import java.io.PrintStream;

/**
 * A progress bar for {@code nvs mfg generate} on a terminal: one line on stderr, redrawn in place at most every
 * 100 ms and when the last device is written.
 */
final class MfgProgressBar implements MfgProgress {

    private static final int WIDTH = 40;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;

    /** @param err the terminal's stderr */
    MfgProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(int devices) {
        draw(0, devices);
    }

    @Override
    public void deviceWritten(DeviceFiles files, int done, int total) {
        long now = System.nanoTime();
        if (done == total || now - lastDraw >= REDRAW_NANOS) {
            draw(done, total);
        }
    }

    private void draw(int done, int total) {
        lastDraw = System.nanoTime();
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/"
                + total + " devices");
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, so that the next message starts on a fresh line. */
    void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
