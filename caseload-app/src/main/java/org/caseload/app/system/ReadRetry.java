package org.caseload.app.system;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an analytics read once more, on a fresh connection, when the connection broke under it.
 *
 * <p>Why this is safe for analytics and nowhere else: the engine's queries only read, so running one
 * twice has no effect to duplicate. The pool drops a connection that failed this way (SQLState class
 * 08, PostgreSQL 57P01/57P02/57P03), so the second attempt gets another one; the pool only checks
 * connections idle for more than half a second before handing them out, so a connection killed
 * server-side (restart, failover, an idle reaper, {@code pg_terminate_backend}, {@code KILL}) right after
 * its last use reaches a query, and would fail the request without this.
 *
 * <p>Why only once and only then: a second broken connection means an outage, which the caller
 * reports as such. Nothing is retried when the pool could not connect at all (it already waited its
 * connection timeout), on a timeout (the query would run out of time again), on a SQL error (it would
 * fail again), or once rows have gone to the caller (they would be sent twice).
 *
 * <p>Writes are never retried: the app database's writes go through JPA, not through here, because
 * a write whose connection broke may have been committed or not, and doing it again could apply it
 * twice.
 */
@Component
public class ReadRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ReadRetry.class);
    private final AtomicLong retries = new AtomicLong();

    /**
     * Runs {@code read}; if it fails with a {@link AnalyticsFailures.Kind#CONNECTION_LOST broken
     * connection} while {@code repeatable} still holds, runs it once more. A second failure is thrown
     * with the first one suppressed in it.
     */
    public <T> T read(String what, Supplier<T> read, BooleanSupplier repeatable) {
        try {
            return read.get();
        } catch (RuntimeException first) {
            if (AnalyticsFailures.classify(first) != AnalyticsFailures.Kind.CONNECTION_LOST || !repeatable.getAsBoolean()) {
                throw first;
            }
            retries.incrementAndGet();
            LOG.warn("the analytics connection broke under {} ({}); running it once more on another connection", what,
                    AnalyticsFailures.rootMessage(first).orElse(first.toString()));
            try {
                return read.get();
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /** How many reads were run a second time since start, for tests and diagnostics. */
    public long retries() {
        return retries.get();
    }
}
