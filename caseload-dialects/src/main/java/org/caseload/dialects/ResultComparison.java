package org.caseload.dialects;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseload.engine.plan.OutputColumn;

/**
 * Compares result rows column by column with the rule of each column's {@link ValueKind}, in order: every request
 * the engine renders has a total ORDER BY (explicit sorts, then every key), so rows in another order are a
 * difference, not noise.
 *
 * <p>Values are first normalized the way the engine's own {@code Values} does (narrow integers to Long,
 * {@code java.sql.Date} to LocalDate, ...) and then compared by meaning, because drivers differ in the numeric type
 * of one and the same count or sum; {@link #typeNotes} lists those type differences, for the report, without
 * failing on them.
 */
public final class ResultComparison {
    /** Ratios and averages: doubles summed in another order differ in the last bits, not in the ninth digit. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    /** Below this, two doubles are both zero for our purposes (a relative rule would demand exact zeros). */
    private static final double ABSOLUTE_FLOOR = 1e-12;
    private static final int MAX_REPORTED = 12;

    private ResultComparison() {}

    /** Human-readable differences between {@code expected} and {@code actual}; empty when they agree. */
    public static List<String> differences(List<OutputColumn> columns, List<ValueKind> kinds,
            List<? extends List<?>> expected, List<? extends List<?>> actual) {
        List<String> out = new ArrayList<>();
        if (expected.size() != actual.size()) {
            out.add("expected " + expected.size() + " rows but got " + actual.size());
        }
        int n = Math.min(expected.size(), actual.size());
        for (int r = 0; r < n && out.size() < MAX_REPORTED; r++) {
            List<?> e = expected.get(r);
            List<?> a = actual.get(r);
            if (a.size() != columns.size() || e.size() != columns.size()) {
                out.add("row " + r + ": expected " + columns.size() + " columns, got " + e.size() + " and " + a.size());
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                Optional<String> d = compare(kinds.get(c), normalize(e.get(c)), normalize(a.get(c)));
                if (d.isPresent()) {
                    out.add("row " + r + " " + columns.get(c).name() + ": " + d.get() + "  | expected row " + e
                            + " | actual row " + a);
                    break; // one message per row: the rest of the row is in it
                }
            }
        }
        if (expected.size() != actual.size() && out.size() < MAX_REPORTED) {
            List<? extends List<?>> longer = expected.size() > actual.size() ? expected : actual;
            out.add((expected.size() > actual.size() ? "first missing row: " : "first extra row: ") + longer.get(n));
        }
        return out;
    }

    /**
     * Differences between the engine's rows and what a console client printed for the same SQL. Each printed field
     * is read as the column's kind: a number's formatting ({@code 12.50} versus {@code 12.5}, exponent notation) is
     * not a difference; a different number, date or string is. The client's NULL marker arrives as null.
     */
    public static List<String> textDifferences(List<OutputColumn> columns, List<ValueKind> kinds,
            List<? extends List<?>> engineRows, List<List<String>> printedRows) {
        List<List<Object>> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < printedRows.size(); r++) {
            List<String> row = printedRows.get(r);
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String text = row.get(c);
                try {
                    values.add(text == null || c >= kinds.size() ? text : parse(kinds.get(c), text));
                } catch (NumberFormatException | DateTimeParseException e) {
                    problems.add("printed row " + r + " column " + c + ": cannot read '" + text + "' as "
                            + kinds.get(c) + " (" + e.getMessage() + ")");
                    values.add(text);
                }
            }
            parsed.add(values);
        }
        problems.addAll(differences(columns, kinds, engineRows, parsed));
        return problems;
    }

    /** Columns whose values have another Java type than the reference's, e.g. {@code visits: Long → BigDecimal}. */
    public static Set<String> typeNotes(List<OutputColumn> columns, List<? extends List<?>> reference,
            List<? extends List<?>> actual) {
        Set<String> out = new LinkedHashSet<>();
        int n = Math.min(reference.size(), actual.size());
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < columns.size() && c < reference.get(r).size() && c < actual.get(r).size(); c++) {
                Object e = normalize(reference.get(r).get(c));
                Object a = normalize(actual.get(r).get(c));
                if (e != null && a != null && e.getClass() != a.getClass()) {
                    out.add(columns.get(c).name() + " (" + columns.get(c).role() + "): "
                            + e.getClass().getSimpleName() + " on the reference, " + a.getClass().getSimpleName() + " here");
                }
            }
        }
        return out;
    }

    /** Rows as lists, for comparison and messages. */
    public static List<List<Object>> rows(List<Object[]> rows) {
        return rows.stream().map(r -> Arrays.asList(r.clone())).toList();
    }

    /** The engine's normalization (its {@code Values} is package-private), for rows read with plain JDBC. */
    public static Object normalize(Object v) {
        if (v == null) return null;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        if (v instanceof java.sql.Timestamp t) return t.toLocalDateTime();
        if (v instanceof CharSequence s) return s.toString();
        return v;
    }

    static Optional<String> compare(ValueKind kind, Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual ? Optional.empty()
                    : Optional.of("expected " + describe(expected) + " but got " + describe(actual));
        }
        boolean numeric = expected instanceof Number && actual instanceof Number;
        boolean same = switch (kind) {
            case TEXT -> expected.toString().equals(actual.toString());
            case DATE -> expected.equals(actual);
            case COUNT, MONEY, APPROXIMATE -> numeric && sameNumber(kind, expected, actual);
        };
        return same ? Optional.empty()
                : Optional.of("expected " + describe(expected) + " but got " + describe(actual) + " (" + kind + ")");
    }

    private static boolean sameNumber(ValueKind kind, Object expected, Object actual) {
        return switch (kind) {
            case COUNT -> decimal(expected).compareTo(decimal(actual)) == 0 && isIntegral(decimal(actual));
            case MONEY -> sameMoney(expected, actual);
            case APPROXIMATE -> close(((Number) expected).doubleValue(), ((Number) actual).doubleValue());
            default -> throw new IllegalArgumentException(kind + " is not numeric");
        };
    }

    /**
     * Exact decimal equality. Should a driver hand back a double for a money sum, the cents of both are compared
     * instead, since a double cannot hold cents exactly; {@link #typeNotes} then shows the type.
     */
    private static boolean sameMoney(Object expected, Object actual) {
        if (expected instanceof Double || actual instanceof Double) {
            return decimal(expected).setScale(2, RoundingMode.HALF_EVEN)
                    .compareTo(decimal(actual).setScale(2, RoundingMode.HALF_EVEN)) == 0;
        }
        return decimal(expected).compareTo(decimal(actual)) == 0;
    }

    static boolean close(double e, double a) {
        if (Double.isNaN(e) || Double.isNaN(a)) return Double.isNaN(e) && Double.isNaN(a);
        if (e == a) return true;
        double diff = Math.abs(e - a);
        return diff <= ABSOLUTE_FLOOR || diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(e), Math.abs(a));
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal b) return b;
        if (v instanceof Long l) return BigDecimal.valueOf(l);
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof Double d) return new BigDecimal(d);
        if (v instanceof Number n) return new BigDecimal(n.toString());
        return new BigDecimal(v.toString());
    }

    private static Object parse(ValueKind kind, String text) {
        return switch (kind) {
            case TEXT -> text;
            case DATE -> LocalDate.parse(text);
            case COUNT, MONEY -> new BigDecimal(text);
            case APPROXIMATE -> Double.parseDouble(text);
        };
    }

    private static String describe(Object v) {
        return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
