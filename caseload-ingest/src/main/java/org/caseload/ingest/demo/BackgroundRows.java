package org.caseload.ingest.demo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.caseload.ingest.load.RowSink;
import org.caseload.model.warehouse.Table;

/**
 * Runs the generator on its own thread and replays its rows, in order, into the loader's sink on the
 * calling thread. Generation then overlaps the loader's work on a second core, while the loader and
 * the JDBC connection stay on one thread. Rows travel in batches through a small bounded queue, so
 * memory stays flat whatever the size.
 */
final class BackgroundRows {
    private static final int BATCH_ROWS = 2048;
    private static final int QUEUED_BATCHES = 8;

    /** The generator's end of the queue: a sink plus progress ticks, delivered in row order. */
    static final class Channel implements RowSink {
        private final BlockingQueue<Batch> queue;
        private Batch batch = new Batch();

        private Channel(BlockingQueue<Batch> queue) {
            this.queue = queue;
        }

        @Override
        public void append(Table table, Object... values) {
            add(table, values);
        }

        void progress(long visits) {
            add(null, new Object[] {visits});
        }

        private void add(Table table, Object[] values) {
            batch.add(table, values);
            if (batch.size == BATCH_ROWS) {
                send();
            }
        }

        private void send() {
            put(queue, batch);
            batch = new Batch();
        }
    }

    /** Rows of a batch; a null table marks a progress tick, a non-null failure or {@code last} ends the stream. */
    private static final class Batch {
        final Table[] tables = new Table[BATCH_ROWS];
        final Object[][] rows = new Object[BATCH_ROWS][];
        int size;
        boolean last;
        Throwable failure;

        void add(Table table, Object[] values) {
            tables[size] = table;
            rows[size] = values;
            size++;
        }
    }

    /** Unwinds the generator when the consuming side has given up. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private BackgroundRows() {}

    static void replay(Consumer<Channel> generator, RowSink target, LongConsumer progress) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        Thread thread = new Thread(() -> produce(generator, queue), "caseload-demo-generator");
        thread.setDaemon(true);
        thread.start();
        try {
            consume(queue, target, progress);
        } finally {
            // Frees a generator blocked on a full queue after the sink failed.
            thread.interrupt();
            joinUninterruptibly(thread);
        }
    }

    private static void produce(Consumer<Channel> generator, BlockingQueue<Batch> queue) {
        Channel channel = new Channel(queue);
        try {
            generator.accept(channel);
            channel.batch.last = true;
            channel.send();
        } catch (Cancelled e) {
            // The consumer stopped reading; nobody is left to tell.
        } catch (RuntimeException | Error e) {
            Batch failure = new Batch();
            failure.failure = e;
            try {
                put(queue, failure);
            } catch (Cancelled ignored) {
                // As above.
            }
        }
    }

    private static void consume(BlockingQueue<Batch> queue, RowSink target, LongConsumer progress) {
        while (true) {
            Batch batch = take(queue);
            if (batch.failure != null) {
                throw rethrow(batch.failure);
            }
            for (int i = 0; i < batch.size; i++) {
                if (batch.tables[i] == null) {
                    progress.accept((Long) batch.rows[i][0]);
                } else {
                    target.append(batch.tables[i], batch.rows[i]);
                }
            }
            if (batch.last) {
                return;
            }
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating demo data", e);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
