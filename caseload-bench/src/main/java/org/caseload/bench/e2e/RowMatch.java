package org.caseload.bench.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares two results row by row, in order. Numbers compare as values within a relative tolerance,
 * because the engine and a hand-written query may reach the same figure through different types
 * (DOUBLE after a cast versus DECIMAL arithmetic); dates compare as dates whatever JDBC type carried them.
 */
public final class RowMatch {
    /** The default tolerance: relative, and absolute for values below 1. */
    public static final double TOLERANCE = 1e-9;

    private RowMatch() {}

    /** The outcome of a comparison: equal, or the first difference in words. */
    public record Result(boolean equal, int engineRows, int handRows, String detail) {}

    public static Result compare(List<Object[]> engine, List<Object[]> hand, double tolerance) {
        if (engine.size() != hand.size()) {
            return new Result(false, engine.size(), hand.size(),
                    "row counts differ: engine " + engine.size() + ", hand-written " + hand.size());
        }
        for (int r = 0; r < engine.size(); r++) {
            Object[] e = engine.get(r);
            Object[] h = hand.get(r);
            if (e.length != h.length) {
                return new Result(false, engine.size(), hand.size(), "row " + r + ": column counts differ: engine "
                        + e.length + ", hand-written " + h.length);
            }
            for (int c = 0; c < e.length; c++) {
                if (!same(e[c], h[c], tolerance)) {
                    return new Result(false, engine.size(), hand.size(), "row " + r + " column " + (c + 1) + ": engine "
                            + describe(e[c]) + " vs hand-written " + describe(h[c]) + "; engine row " + Arrays.toString(e)
                            + ", hand-written row " + Arrays.toString(h));
                }
            }
        }
        return new Result(true, engine.size(), hand.size(), "same " + engine.size() + " rows");
    }

    static boolean same(Object a, Object b, double tolerance) {
        Object x = normalize(a);
        Object y = normalize(b);
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
            if (p.compareTo(q) == 0) {
                return true;
            }
            double dp = p.doubleValue();
            double dq = q.doubleValue();
            return Math.abs(dp - dq) <= tolerance * Math.max(1.0, Math.max(Math.abs(dp), Math.abs(dq)));
        }
        return Objects.equals(x, y);
    }

    private static Object normalize(Object v) {
        if (v == null) return null;
        if (v instanceof BigDecimal b) return b;
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof Double d) return Double.isFinite(d) ? BigDecimal.valueOf(d) : d;
        if (v instanceof Float f) return Float.isFinite(f) ? BigDecimal.valueOf(f.doubleValue()) : f.doubleValue();
        if (v instanceof Number n) return BigDecimal.valueOf(n.longValue());
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        if (v instanceof java.sql.Timestamp t) return normalize(t.toLocalDateTime());
        if (v instanceof LocalDateTime t && t.toLocalTime().equals(LocalTime.MIDNIGHT)) return t.toLocalDate();
        return v;
    }

    private static String describe(Object v) {
        return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
