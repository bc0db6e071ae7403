package dev.llmock.cli;

import dev.llmock.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn with a carriage return; silent when disabled. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private int lastPercent = -1;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(int done, int total) {
        if (!enabled || total <= 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * percent / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/" + total);
        err.flush();
    }

    synchronized void finish() {
        if (enabled && lastPercent >= 0) {
            err.println();
            err.flush();
        }
    }
}
