package org.caseload.testkit.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one physical connection of a test on one database, and the state shared by the handles
 * handed out on it. Every JDBC call on a handle, or on a statement, result set or metadata object
 * reached from one, holds {@link #lock}: drivers such as DuckDB's are not thread-safe, and the
 * dashboard runs tiles on several threads at once. {@code Statement.cancel()} alone skips the lock,
 * so a cancel from another thread can stop a running statement.
 */
final class PinnedConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PinnedConnection.class);
    static final long UNKNOWN = -1;

    private final String database;
    private final String testName;
    private final Connection raw;
    private final boolean originalAutoCommit;
    private final RecoveryMode mode;
    private final Journal journal = new Journal();
    private final Set<Handle> handles = ConcurrentHashMap.newKeySet();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private long savepointSeq;
    /** Sequence number of the newest savepoint alive on the connection, or UNKNOWN. */
    private long latestSavepoint = UNKNOWN;
    private int recoveries;

    private volatile boolean ended;
    private volatile String broken;

    private PinnedConnection(String database, String testName, Connection raw, boolean originalAutoCommit, RecoveryMode mode) {
        this.database = database;
        this.testName = testName;
        this.raw = raw;
        this.originalAutoCommit = originalAutoCommit;
        this.mode = mode;
    }

    static PinnedConnection pin(String database, String testName, Connection raw) throws SQLException {
        try {
            boolean auto = raw.getAutoCommit();
            if (auto) raw.setAutoCommit(false);
            RecoveryMode mode = savepointsWork(raw) ? RecoveryMode.SAVEPOINTS : RecoveryMode.JOURNAL;
            raw.rollback(); // start from a clean transaction whatever the probe did
            return new PinnedConnection(database, testName, raw, auto, mode);
        } catch (SQLException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean savepointsWork(Connection raw) {
        try {
            if (!raw.getMetaData().supportsSavepoints()) return false;
            Savepoint s = raw.setSavepoint();
            raw.rollback(s);
            raw.releaseSavepoint(s);
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    String testName() {
        return testName;
    }

    String database() {
        return database;
    }

    RecoveryMode mode() {
        return mode;
    }

    Connection raw() {
        return raw;
    }

    Connection newHandle() throws SQLException {
        checkUsable();
        threads.add(Thread.currentThread().getName());
        Handle h = new Handle(this);
        handles.add(h);
        return h.proxy();
    }

    Set<String> threads() {
        return Set.copyOf(threads);
    }

    void forget(Handle h) {
        handles.remove(h);
    }

    void checkUsable() throws SQLException {
        if (ended) {
            throw new SQLException("the transaction of test " + testName + " on '" + database
                    + "' has ended; this connection was taken during that test and is closed");
        }
        String why = broken;
        if (why != null) throw new SQLException(why);
    }

    /** Runs a JDBC call on a raw object under the lock. */
    Object call(Object target, Method m, Object[] args) throws Throwable {
        lock.lock();
        try {
            checkUsable();
            return invoke(target, m, args);
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #call}, restoring the transaction in journal mode if the call fails. */
    Object callRecovering(Object target, Method m, Object[] args) throws Throwable {
        lock.lock();
        try {
            checkUsable();
            try {
                return invoke(target, m, args);
            } catch (Throwable t) {
                if (mode == RecoveryMode.JOURNAL) recover(t);
                throw t;
            }
        } finally {
            lock.unlock();
        }
    }

    static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs a statement execution: under a statement savepoint (SAVEPOINTS), or journalled and
     * followed by a replay if it fails (JOURNAL), so a failure never leaves the transaction aborted.
     */
    Object execute(Handle h, StatementHandler st, Method m, Object[] args) throws Throwable {
        lock.lock();
        try {
            checkUsable();
            h.markTransaction();
            if (mode == RecoveryMode.SAVEPOINTS) {
                long before = latestSavepoint;
                Savepoint sp = raw.setSavepoint();
                latestSavepoint = ++savepointSeq;
                Object result;
                try {
                    result = invoke(st.raw(), m, args);
                } catch (Throwable t) {
                    try {
                        raw.rollback(sp);
                    } catch (SQLException e) {
                        t.addSuppressed(e);
                    }
                    release(sp);
                    latestSavepoint = before;
                    throw t;
                }
                release(sp);
                latestSavepoint = before;
                return result;
            }
            Object result;
            try {
                result = invoke(st.raw(), m, args);
            } catch (Throwable t) {
                recover(t);
                throw t;
            }
            for (Journal.Entry e : st.journalEntries(m, args, result)) journal.add(e);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void release(Savepoint sp) {
        try {
            raw.releaseSavepoint(sp);
        } catch (SQLException e) {
            LOG.debug("releasing a statement savepoint on {} failed: {}", database, e.getMessage());
        }
    }

    /** A new savepoint for a logical transaction; lock held. Returns its sequence number via the holder. */
    Savepoint newTransactionSavepoint(long[] seq) throws SQLException {
        Savepoint sp = raw.setSavepoint();
        seq[0] = ++savepointSeq;
        latestSavepoint = seq[0];
        return sp;
    }

    /** The caller made a savepoint of its own: ours can no longer be released safely. Lock held. */
    void callerSavepoint() {
        latestSavepoint = UNKNOWN;
    }

    /** Releases a logical transaction's savepoint if nothing newer depends on it. Lock held. */
    void releaseIfNewest(Savepoint sp, long seq) {
        if (latestSavepoint == seq) {
            release(sp);
            latestSavepoint = UNKNOWN;
        }
    }

    /** Undoes a logical transaction by its savepoint. Lock held. */
    void rollbackTo(Savepoint sp, long seq) {
        try {
            raw.rollback(sp);
            // Rolling back destroyed every newer savepoint: ours is now the newest.
            latestSavepoint = seq;
            releaseIfNewest(sp, seq);
        } catch (SQLException e) {
            // An enclosing rollback on another handle already went further back.
            LOG.debug("savepoint of a logical transaction on {} is gone: {}", database, e.getMessage());
        }
    }

    int journalSize() {
        return journal.size();
    }

    /** Rolls back and replays the journal up to {@code mark}. Lock held. */
    void restoreTo(int mark) {
        journal.truncate(mark);
        try {
            raw.rollback();
            journal.replay(raw);
        } catch (SQLException e) {
            broken = "the transaction of test " + testName + " on '" + database + "' could not be restored after a rollback: "
                    + e.getMessage();
            LOG.warn(broken);
        }
    }

    /** After a failed statement (JOURNAL): back to the state before it. Lock held. */
    private void recover(Throwable cause) {
        recoveries++;
        try {
            raw.rollback();
            journal.replay(raw);
        } catch (SQLException e) {
            broken = "the transaction of test " + testName + " on '" + database + "' could not be restored after the error '"
                    + cause.getMessage() + "': " + e.getMessage();
            cause.addSuppressed(e);
            LOG.warn(broken);
        }
    }

    /** Rolls the test's transaction back and gives the connection back to the pool. */
    TestDatabase.EndReport end() throws SQLException {
        boolean locked = false;
        try {
            locked = lock.tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) LOG.warn("a call on the pinned connection of '{}' is still running after the test; ending anyway", database);
        try {
            ended = true;
            int unclosed = 0;
            List<Handle> open = new ArrayList<>(handles);
            for (Handle h : open) {
                if (h.forceClose()) unclosed++;
            }
            handles.clear();
            try {
                raw.rollback();
            } finally {
                try {
                    if (originalAutoCommit) raw.setAutoCommit(true);
                } finally {
                    raw.close();
                }
            }
            return new TestDatabase.EndReport(database, unclosed, recoveries);
        } finally {
            if (locked) lock.unlock();
        }
    }

    static <T> T proxy(Class<T> iface, java.lang.reflect.InvocationHandler h) {
        return iface.cast(Proxy.newProxyInstance(PinnedConnection.class.getClassLoader(), new Class<?>[] {iface}, h));
    }
}
