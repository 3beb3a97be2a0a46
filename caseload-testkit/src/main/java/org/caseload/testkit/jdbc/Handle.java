package org.caseload.testkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@code getConnection()} returns during a test: a logical connection on the pinned one,
 * behaving like a fresh pooled connection (autocommit on, its own read-only flag and isolation
 * level) while every commit stays inside the test's transaction. A logical transaction starts
 * with {@code setAutoCommit(false)} (or after a commit or rollback with autocommit off) and is
 * marked lazily, at its first statement, by a savepoint or a journal position; {@code rollback()}
 * returns there. {@code close()} closes the statements opened through the handle and, as pools do,
 * rolls back a logical transaction left open.
 */
final class Handle implements InvocationHandler {
    private final PinnedConnection pinned;
    private final Connection proxy;
    private final Set<StatementHandler> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    // Guarded by pinned.lock (or only touched by the thread using the handle).
    private boolean autoCommit = true;
    private boolean readOnly;
    private Integer isolation;
    private boolean marked;
    private Savepoint txSavepoint;
    private long txSavepointSeq = PinnedConnection.UNKNOWN;
    private int txJournalMark = -1;

    Handle(PinnedConnection pinned) {
        this.pinned = pinned;
        this.proxy = PinnedConnection.proxy(Connection.class, this);
    }

    Connection proxy() {
        return proxy;
    }

    PinnedConnection pinned() {
        return pinned;
    }

    void forget(StatementHandler s) {
        statements.remove(s);
    }

    /** Marks the start of the logical transaction before its first statement. Lock held. */
    void markTransaction() throws SQLException {
        if (autoCommit || marked) return;
        marked = true;
        if (pinned.mode() == RecoveryMode.SAVEPOINTS) {
            long[] seq = new long[1];
            txSavepoint = pinned.newTransactionSavepoint(seq);
            txSavepointSeq = seq[0];
        } else {
            txJournalMark = pinned.journalSize();
        }
    }

    private void clearMark() {
        marked = false;
        txSavepoint = null;
        txSavepointSeq = PinnedConnection.UNKNOWN;
        txJournalMark = -1;
    }

    private void logicalCommit() {
        pinned.lock.lock();
        try {
            if (marked && txSavepoint != null) pinned.releaseIfNewest(txSavepoint, txSavepointSeq);
            clearMark();
        } finally {
            pinned.lock.unlock();
        }
    }

    private void logicalRollback() {
        pinned.lock.lock();
        try {
            if (marked) {
                if (txSavepoint != null) pinned.rollbackTo(txSavepoint, txSavepointSeq);
                else if (txJournalMark >= 0) pinned.restoreTo(txJournalMark);
            }
            clearMark();
        } finally {
            pinned.lock.unlock();
        }
    }

    /** Closes the handle at the end of the test; true if the code under test had left it open. */
    boolean forceClose() {
        if (closed) return false;
        closed = true;
        closeStatements();
        return true;
    }

    private void closeStatements() {
        for (StatementHandler s : new ArrayList<>(statements)) {
            try {
                s.raw().close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
    }

    @Override
    public Object invoke(Object self, Method m, Object[] args) throws Throwable {
        String name = m.getName();
        switch (name) {
            case "equals": return self == args[0];
            case "hashCode": return System.identityHashCode(self);
            case "toString": return "PinnedConnection[" + pinned.database() + ", test " + pinned.testName() + (closed ? ", closed]" : "]");
            case "isClosed": return closed;
            case "close":
            case "abort":
                close();
                return null;
            case "unwrap": {
                Class<?> iface = (Class<?>) args[0];
                if (iface.isInstance(self)) return self;
                return pinned.call(pinned.raw(), m, args); // an escape hatch around the kit: see the README
            }
            case "isWrapperFor": {
                Class<?> iface = (Class<?>) args[0];
                return iface.isInstance(self) || (Boolean) pinned.call(pinned.raw(), m, args);
            }
            default:
                break;
        }
        if (closed) throw new SQLException("connection is closed");
        pinned.checkUsable();
        switch (name) {
            case "isValid":
                return pinned.call(pinned.raw(), m, args);
            case "getAutoCommit":
                return autoCommit;
            case "setAutoCommit": {
                boolean on = (Boolean) args[0];
                if (on != autoCommit) {
                    if (on) logicalCommit(); // setAutoCommit(true) commits; here it only ends the logical transaction
                    else clearMark();
                    autoCommit = on;
                }
                return null;
            }
            case "commit":
                if (!autoCommit) logicalCommit();
                return null;
            case "rollback":
                if (args == null || args.length == 0) {
                    if (!autoCommit) logicalRollback();
                    return null;
                }
                return pinned.call(pinned.raw(), m, args); // to a savepoint of the caller's own
            case "setSavepoint": {
                pinned.lock.lock();
                try {
                    markTransaction();
                    Object sp = pinned.call(pinned.raw(), m, args);
                    pinned.callerSavepoint();
                    return sp;
                } finally {
                    pinned.lock.unlock();
                }
            }
            case "releaseSavepoint":
                return null; // releasing could destroy newer savepoints of other handles
            case "setReadOnly":
                readOnly = (Boolean) args[0]; // not applied: it cannot change inside a transaction on every database
                return null;
            case "isReadOnly":
                return readOnly;
            case "setTransactionIsolation":
                isolation = (Integer) args[0]; // likewise
                return null;
            case "getTransactionIsolation":
                return isolation != null ? isolation : pinned.call(pinned.raw(), m, args);
            case "createStatement":
                return wrap(Statement.class, (Statement) pinned.call(pinned.raw(), m, args), null, false);
            case "prepareStatement":
                return wrap(PreparedStatement.class, (Statement) pinned.call(pinned.raw(), m, args), (String) args[0], false);
            case "prepareCall":
                return wrap(CallableStatement.class, (Statement) pinned.call(pinned.raw(), m, args), (String) args[0], true);
            case "getMetaData":
                return PinnedConnection.proxy(DatabaseMetaData.class,
                        new MetaDataHandler(this, (DatabaseMetaData) pinned.call(pinned.raw(), m, args)));
            default:
                return pinned.call(pinned.raw(), m, args);
        }
    }

    private void close() {
        if (closed) return;
        pinned.lock.lock();
        try {
            if (closed) return;
            if (!autoCommit && marked) logicalRollback(); // as a pool does with work left uncommitted
            closed = true;
            closeStatements();
        } finally {
            pinned.lock.unlock();
            pinned.forget(this);
        }
    }

    private <T extends Statement> T wrap(Class<T> iface, Statement raw, String sql, boolean callable) {
        StatementHandler h = new StatementHandler(this, raw, sql, callable);
        T p = PinnedConnection.proxy(iface, h);
        h.setProxy(p);
        statements.add(h);
        return p;
    }

    List<StatementHandler> openStatements() {
        return List.copyOf(statements);
    }
}
