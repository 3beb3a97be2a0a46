package org.caseload.engine.execute;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;

/** Normalizes what JDBC drivers hand back, so results compare equal across databases. */
final class Values {
    private Values() {}

    static Object normalize(Object v) {
        if (v == null) return null;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Date d) return d.toLocalDate();
        if (v instanceof Timestamp t) return t.toLocalDateTime();
        return v;
    }
}
