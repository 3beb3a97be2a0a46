package org.caseload.ingest.load;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Formats rows as CSV and writes them on a thread of its own, so that a load's producer (parsing an
 * export, checking references) and the formatting of its rows use both cores. Rows travel in batches
 * through a short queue; the producer blocks when the writer falls behind, so memory stays bounded.
 * A write failure surfaces on the producer's next call. Not for use by several producers.
 */
final class BackgroundCsvWriter implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final int BATCHES_QUEUED = 8;
    private static final Object[][] END = new Object[0][];

    private final CsvRowFormat format;
    private final OutputStream out;
    private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(BATCHES_QUEUED);
    private final Thread thread;
    private volatile Throwable failure;
    private Object[][] batch = new Object[BATCH][];
    private int size;
    private boolean ended;

    BackgroundCsvWriter(CsvRowFormat format, OutputStream out, String name) {
        this.format = format;
        this.out = out;
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a row; the array is copied, since producers may reuse theirs. */
    void write(Object[] row) throws IOException {
        batch[size++] = row.clone();
        if (size == BATCH) {
            hand(batch);
            batch = new Object[BATCH][];
            size = 0;
        }
    }

    /** Writes what is queued, closes the stream and waits for the thread. */
    void finish() throws IOException {
        if (size > 0) {
            hand(java.util.Arrays.copyOf(batch, size));
            size = 0;
        }
        hand(END);
        ended = true;
        join();
        rethrow();
    }

    private void hand(Object[][] rows) throws IOException {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                rethrow(); // the writer stopped and will take nothing more
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the staging file", e);
        }
        rethrow();
    }

    private void drain() {
        try (OutputStream stream = out) {
            while (true) {
                Object[][] rows = queue.take();
                if (rows == END) {
                    return;
                }
                for (Object[] row : rows) {
                    format.write(row, stream);
                }
            }
        } catch (Throwable t) {
            failure = t;
            queue.clear();
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException e) {
            throw e;
        }
        if (t != null) {
            throw new IOException(t);
        }
    }

    private void join() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the staging file", e);
        }
    }

    /** After a failure: stops the thread without writing what is left. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
