package org.caseload.testkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/** Database metadata of the pinned connection: under the lock; its result sets and connection are the kit's. */
final class MetaDataHandler implements InvocationHandler {
    private final Handle handle;
    private final DatabaseMetaData raw;

    MetaDataHandler(Handle handle, DatabaseMetaData raw) {
        this.handle = handle;
        this.raw = raw;
    }

    @Override
    public Object invoke(Object self, Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
            case "equals": return self == args[0];
            case "hashCode": return System.identityHashCode(self);
            case "toString": return "PinnedMetaData[" + raw + "]";
            case "getConnection": return handle.proxy();
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(self)) return self;
                break;
            default:
                break;
        }
        Object r = handle.pinned().call(raw, m, args);
        if (r instanceof ResultSet rs) {
            return PinnedConnection.proxy(ResultSet.class, new ResultSetHandler(handle, null, rs));
        }
        return r;
    }
}
