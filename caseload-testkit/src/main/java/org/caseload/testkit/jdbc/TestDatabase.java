package org.caseload.testkit.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One database under test: a pool ({@link #target()}) and the test transaction on it.
 *
 * <p>Between {@link #begin(String)} and {@link #end()} every {@link #getConnection()} — from any
 * thread — returns a handle on one pinned physical connection whose transaction is rolled back
 * by {@link #end()}; the handle's {@code close()}, {@code commit()}, {@code setAutoCommit(true)}
 * and {@code releaseSavepoint} do not reach the database, and calls are serialized by a lock. A
 * {@code rollback()} by the code under test undoes only its own transaction's work (by a
 * savepoint, or on databases without savepoints by replaying the journal of earlier writes), and
 * a failed statement never leaves the test's transaction aborted. Outside a test, connections come
 * from the pool as usual.
 *
 * <p>Only {@code java.sql} is used: nothing here knows DuckDB, H2, PostgreSQL or MariaDB.
 */
public final class TestDatabase {
    private final String name;
    private final DataSource target;
    private final DataSource dataSource;
    private volatile PinnedConnection pinned;
    private volatile long generation;

    private TestDatabase(String name, DataSource target) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
        this.dataSource = new PinningDataSource(this);
    }

    /** A test database on {@code target} (the real pool); {@code name} is for messages, e.g. the bean name. */
    public static TestDatabase of(String name, DataSource target) {
        return new TestDatabase(name, target);
    }

    public String name() {
        return name;
    }

    /** The pool itself; connections taken from it directly are not part of any test transaction. */
    public DataSource target() {
        return target;
    }

    /** A DataSource to hand to code under test: the pinned connection during a test, the pool otherwise. */
    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isActive() {
        return pinned != null;
    }

    /** Counts tests begun on this database; lets callers cache per-test state. */
    public long generation() {
        return generation;
    }

    /** How the pinned connection undoes a caller's rollback or a failed statement; null outside a test. */
    public RecoveryMode recoveryMode() {
        PinnedConnection p = pinned;
        return p == null ? null : p.mode();
    }

    /** Names of the threads that took a connection during the current test (empty outside a test). */
    public java.util.Set<String> threadsSeen() {
        PinnedConnection p = pinned;
        return p == null ? java.util.Set.of() : p.threads();
    }

    /**
     * Takes one connection from the pool, turns autocommit off and pins it: from now on every
     * {@link #getConnection()} hands out that connection's transaction.
     */
    public synchronized void begin(String testName) throws SQLException {
        if (pinned != null) {
            throw new IllegalStateException("database '" + name + "' is already in the transaction of test "
                    + pinned.testName() + "; end() it first");
        }
        pinned = PinnedConnection.pin(name, testName, target.getConnection());
        generation++;
    }

    /**
     * Rolls the test's transaction back and returns the connection to the pool; connections
     * taken during the test are closed. Does nothing outside a test.
     */
    public synchronized EndReport end() throws SQLException {
        PinnedConnection p = pinned;
        if (p == null) return new EndReport(name, 0, 0);
        pinned = null;
        return p.end();
    }

    /** What {@link #end()} found: handles the code under test had not closed, and journal replays. */
    public record EndReport(String database, int unclosedHandles, int recoveries) {}

    /** The pinned connection's handle during a test, a pooled connection otherwise. */
    public Connection getConnection() throws SQLException {
        PinnedConnection p = pinned;
        return p == null ? target.getConnection() : p.newHandle();
    }

    /** As {@link #getConnection()}; during a test the credentials are ignored (the pinned connection is already open). */
    public Connection getConnection(String user, String password) throws SQLException {
        PinnedConnection p = pinned;
        return p == null ? target.getConnection(user, password) : p.newHandle();
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + (pinned == null ? "" : ", in test " + pinned.testName()) + "]";
    }

    /** The plain-Java decorator; Spring applications get an equivalent proxy of the pool's own class. */
    private static final class PinningDataSource implements DataSource {
        private final TestDatabase db;

        PinningDataSource(TestDatabase db) {
            this.db = db;
        }

        @Override public Connection getConnection() throws SQLException { return db.getConnection(); }
        @Override public Connection getConnection(String u, String p) throws SQLException { return db.getConnection(u, p); }
        @Override public PrintWriter getLogWriter() throws SQLException { return db.target.getLogWriter(); }
        @Override public void setLogWriter(PrintWriter out) throws SQLException { db.target.setLogWriter(out); }
        @Override public void setLoginTimeout(int seconds) throws SQLException { db.target.setLoginTimeout(seconds); }
        @Override public int getLoginTimeout() throws SQLException { return db.target.getLoginTimeout(); }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return db.target.getParentLogger(); }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : db.target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || db.target.isWrapperFor(iface);
        }

        @Override
        public String toString() {
            return "PinningDataSource[" + db.name + "]";
        }
    }
}
