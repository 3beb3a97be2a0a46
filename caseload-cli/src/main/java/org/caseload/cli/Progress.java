package org.caseload.cli;

import java.io.PrintWriter;

/**
 * Progress on stderr: a live line (count, rate, percent, ETA) on a terminal, nothing until the end
 * otherwise, so logs of scripted runs get one summary line instead of thousands.
 */
final class Progress {
    private final PrintWriter err;
    private final String what;
    private final long expected;
    private final boolean live = System.console() != null;
    private final long start = System.nanoTime();
    private long lastPrint;
    private long count;

    Progress(PrintWriter err, String what, long expected) {
        this.err = err;
        this.what = what;
        this.expected = expected;
    }

    void update(long done) {
        count = done;
        long now = System.nanoTime();
        if (!live || now - lastPrint < 200_000_000L) return;
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-3);
        double pct = expected > 0 ? Math.min(100, 100.0 * done / expected) : 0;
        long eta = rate > 0 && expected > done ? Math.round((expected - done) / rate) : 0;
        err.printf("\r%s: %,d (%.0f%%), %,.0f rows/s, ETA %d s   ", what, done, pct, rate, eta);
        err.flush();
    }

    void done() {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (live) err.print("\r");
        err.printf("%s: %,d in %.1f s (%,.0f rows/s)%s%n", what, count, seconds, count / Math.max(seconds, 1e-3), live ? "          " : "");
        err.flush();
    }
}
