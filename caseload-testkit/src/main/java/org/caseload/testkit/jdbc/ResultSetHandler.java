package org.caseload.testkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Statement;

/** A result set on the pinned connection: every call under the lock; {@code getStatement()} answers the proxy. */
final class ResultSetHandler implements InvocationHandler {
    private final Handle handle;
    private final Statement owner;
    private final Object raw;

    ResultSetHandler(Handle handle, Statement owner, Object raw) {
        this.handle = handle;
        this.owner = owner;
        this.raw = raw;
    }

    @Override
    public Object invoke(Object self, Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
            case "equals": return self == args[0];
            case "hashCode": return System.identityHashCode(self);
            case "toString": return "PinnedResultSet[" + raw + "]";
            case "next":
                return handle.pinned().callRecovering(raw, m, args); // DuckDB may fail (and abort) while reading
            case "getStatement":
                if (owner != null) return owner;
                break;
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(self)) return self;
                break;
            case "isWrapperFor":
                if (((Class<?>) args[0]).isInstance(self)) return true;
                break;
            default:
                break;
        }
        return handle.pinned().call(raw, m, args);
    }
}
