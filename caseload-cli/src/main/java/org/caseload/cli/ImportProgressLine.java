package org.caseload.cli;

import java.io.PrintWriter;
import org.caseload.ingest.imports.ImportProgress;

/**
 * An import's progress on stderr: on a terminal a live line (rows, rows/s, percent of the input's
 * bytes, ETA), otherwise nothing until the one summary line, so scripted runs log one line.
 */
final class ImportProgressLine implements ImportProgress {
    private static final long REPAINT_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String what;
    private final boolean live;
    private final long start = System.nanoTime();
    private long lastPaint;
    private long rows;

    ImportProgressLine(PrintWriter err, String what, boolean live) {
        this.err = err;
        this.what = what;
        this.live = live;
    }

    static ImportProgressLine onStderr(PrintWriter err, String what) {
        return new ImportProgressLine(err, what, System.console() != null);
    }

    @Override
    public void update(long rows, long bytesRead, long bytesTotal) {
        this.rows = rows;
        long now = System.nanoTime();
        if (!live || now - lastPaint < REPAINT_NANOS) {
            return;
        }
        lastPaint = now;
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double fraction = bytesTotal > 0 ? Math.min(1.0, (double) bytesRead / bytesTotal) : 0;
        long eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : 0;
        err.printf("\r%s: %,d rows, %,.0f rows/s, %.0f%%, ETA %d s   ", what, rows, rows / seconds, 100 * fraction, eta);
        err.flush();
    }

    /** The one line every run prints: rows read, time and rate. */
    void done() {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        err.printf("%s%s: read %,d rows in %.1f s (%,.0f rows/s)%s%n", live ? "\r" : "", what, rows, seconds,
                rows / seconds, live ? "          " : "");
        err.flush();
    }

    /** Ends a live line so that an error message starts on its own line. */
    void abandon() {
        if (live && lastPaint != 0) {
            err.println();
            err.flush();
        }
    }
}
