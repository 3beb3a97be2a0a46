package org.caseload.testkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement, prepared statement or callable statement on the pinned connection. Executions go
 * through {@link PinnedConnection#execute}; in journal mode the parameters bound are remembered
 * (the last value per parameter) so a successful write can be journalled with them.
 */
final class StatementHandler implements InvocationHandler {
    private final Handle handle;
    private final Statement raw;
    private final String sql;
    private final boolean callable;
    private Statement proxy;

    // Journal mode only; touched under the lock.
    private final Map<Object, Journal.Bind> binds = new LinkedHashMap<>();
    private final List<List<Journal.Bind>> batch = new ArrayList<>();
    private final List<String> sqlBatch = new ArrayList<>();

    StatementHandler(Handle handle, Statement raw, String sql, boolean callable) {
        this.handle = handle;
        this.raw = raw;
        this.sql = sql;
        this.callable = callable;
    }

    void setProxy(Statement proxy) {
        this.proxy = proxy;
    }

    Statement raw() {
        return raw;
    }

    private boolean journalling() {
        return handle.pinned().mode() == RecoveryMode.JOURNAL;
    }

    @Override
    public Object invoke(Object self, Method m, Object[] args) throws Throwable {
        String name = m.getName();
        PinnedConnection pinned = handle.pinned();
        switch (name) {
            case "equals": return self == args[0];
            case "hashCode": return System.identityHashCode(self);
            case "toString": return "PinnedStatement[" + (sql == null ? "" : sql) + "]";
            case "getConnection": return handle.proxy();
            case "cancel": return PinnedConnection.invoke(raw, m, args); // no lock: it must stop a running statement
            case "unwrap": {
                Class<?> iface = (Class<?>) args[0];
                return iface.isInstance(self) ? self : pinned.call(raw, m, args);
            }
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(self) || (Boolean) pinned.call(raw, m, args);
            case "close":
                handle.forget(this);
                return pinned.call(raw, m, args);
            case "isClosed":
                return pinned.call(raw, m, args);
            default:
                break;
        }
        if (name.startsWith("execute")) {
            Object r = pinned.execute(handle, this, m, args);
            return r instanceof ResultSet rs ? wrap(rs) : r;
        }
        if (journalling()) record(m, args);
        Object r = pinned.call(raw, m, args);
        return r instanceof ResultSet rs ? wrap(rs) : r;
    }

    private ResultSet wrap(ResultSet rs) {
        return PinnedConnection.proxy(ResultSet.class, new ResultSetHandler(handle, proxy, rs));
    }

    private void record(Method m, Object[] args) {
        Class<?> declaring = m.getDeclaringClass();
        String name = m.getName();
        boolean parameterCall = (declaring == PreparedStatement.class || declaring == CallableStatement.class)
                && name.startsWith("set") && args != null && args.length >= 2;
        if (parameterCall) {
            binds.put(args[0], new Journal.Bind(m, args.clone()));
        } else if (name.equals("clearParameters")) {
            binds.clear();
        } else if (name.equals("addBatch")) {
            if (args == null || args.length == 0) batch.add(List.copyOf(binds.values()));
            else sqlBatch.add((String) args[0]);
        } else if (name.equals("clearBatch")) {
            batch.clear();
            sqlBatch.clear();
        }
    }

    /** The journal entries for a successful execution: none for a query. */
    List<Journal.Entry> journalEntries(Method m, Object[] args, Object result) {
        String name = m.getName();
        boolean withSql = args != null && args.length > 0 && args[0] instanceof String;
        List<Journal.Entry> out = new ArrayList<>();
        switch (name) {
            case "executeQuery":
                return out;
            case "execute":
                if (Boolean.TRUE.equals(result)) return out; // it returned rows: a query
                out.add(withSql ? plain((String) args[0]) : bound(List.copyOf(binds.values())));
                return out;
            case "executeBatch":
            case "executeLargeBatch":
                for (String s : sqlBatch) out.add(plain(s));
                for (List<Journal.Bind> b : batch) out.add(bound(b));
                sqlBatch.clear();
                batch.clear();
                return out;
            default: // executeUpdate, executeLargeUpdate
                out.add(withSql ? plain((String) args[0]) : bound(List.copyOf(binds.values())));
                return out;
        }
    }

    private static Journal.Entry plain(String s) {
        return new Journal.Entry(s, false, null, null);
    }

    private Journal.Entry bound(List<Journal.Bind> b) {
        String why = null;
        for (Journal.Bind x : b) {
            if (why == null) why = Journal.unreplayable(x.args());
        }
        return new Journal.Entry(sql, callable, b, why);
    }
}
