package org.caseload.testkit.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * The successful writes of a test's transaction, in order, so that a connection without savepoints
 * can be rolled back and brought back to any earlier point. Guarded by the pinned connection's lock.
 */
final class Journal {
    /** One parameter-setting call on a prepared statement, e.g. {@code setString(1, "L1")}. */
    record Bind(Method method, Object[] args) {}

    /** One write: its SQL, how it was prepared (null for a plain statement) and its bound parameters. */
    record Entry(String sql, boolean callable, List<Bind> binds, String unreplayable) {}

    private final List<Entry> entries = new ArrayList<>();

    int size() {
        return entries.size();
    }

    void add(Entry e) {
        entries.add(e);
    }

    void truncate(int size) {
        while (entries.size() > size) entries.remove(entries.size() - 1);
    }

    /** Why a bound value cannot be bound again (a stream is read once), or null. */
    static String unreplayable(Object[] args) {
        if (args == null) return null;
        for (Object a : args) {
            if (a instanceof InputStream || a instanceof Reader || a instanceof Blob || a instanceof Clob
                    || a instanceof Array || a instanceof Ref || a instanceof RowId || a instanceof SQLXML || a instanceof Struct) {
                return "a " + a.getClass().getSimpleName() + " parameter cannot be bound twice";
            }
        }
        return null;
    }

    /** Executes every entry again on {@code raw}, which has just been rolled back. */
    void replay(Connection raw) throws SQLException {
        for (Entry e : entries) {
            if (e.unreplayable() != null) {
                throw new SQLException("cannot restore the test's transaction: " + e.unreplayable() + " (" + e.sql() + ")");
            }
            if (e.binds() == null) {
                try (Statement s = raw.createStatement()) {
                    s.execute(e.sql());
                }
                continue;
            }
            try (PreparedStatement ps = e.callable() ? raw.prepareCall(e.sql()) : raw.prepareStatement(e.sql())) {
                for (Bind b : e.binds()) {
                    try {
                        b.method().invoke(ps, b.args());
                    } catch (IllegalAccessException ex) {
                        throw new SQLException("cannot bind again: " + b.method(), ex);
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause() instanceof SQLException s ? s : new SQLException(ex.getCause());
                    }
                }
                ps.execute();
            }
        }
    }
}
