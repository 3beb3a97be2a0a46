package org.caseload.engine.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.model.Grain;

/**
 * The compact text forms of request parts, shared by the command line and query strings:
 * {@code dim=v1,v2}, {@code dim!=v}, {@code metric>=value}, {@code -metric}, ISO dates.
 * Each parse error names the {@code field} it was given.
 */
public final class RequestSyntax {
    private static final Pattern FILTER = Pattern.compile("([a-z][a-z0-9_]*)\\s*(!=|=)(.*)", Pattern.DOTALL);
    private static final Pattern HAVING = Pattern.compile("([a-z][a-z0-9_]*)\\s*(>=|<=|!=|<>|=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

    private RequestSyntax() {}

    /** {@code dim=a,b} keeps members a and b; {@code dim!=a} drops a. Values are keys or labels. */
    public static DimensionFilter filter(String text, String field) {
        Matcher m = FILTER.matcher(text.trim());
        if (!m.matches()) {
            throw new RequestException(field, "bad filter '" + text + "'",
                    Optional.of("write dimension=value[,value...] or dimension!=value, e.g. service=dental"));
        }
        List<String> values = Arrays.stream(m.group(3).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (values.isEmpty()) {
            throw new RequestException(field, "filter '" + text + "' has no values");
        }
        DimensionFilter.Op op = m.group(2).equals("!=") ? DimensionFilter.Op.NOT_IN
                : values.size() == 1 ? DimensionFilter.Op.EQ : DimensionFilter.Op.IN;
        return new DimensionFilter(m.group(1), op, values);
    }

    public static MetricFilter having(String text, String field) {
        Matcher m = HAVING.matcher(text.trim());
        if (!m.matches()) {
            throw new RequestException(field, "bad condition '" + text + "'",
                    Optional.of("write metric>value with one of > >= < <= = !=, e.g. visits>100"));
        }
        MetricFilter.Op op = switch (m.group(2)) {
            case ">" -> MetricFilter.Op.GT;
            case ">=" -> MetricFilter.Op.GE;
            case "<" -> MetricFilter.Op.LT;
            case "<=" -> MetricFilter.Op.LE;
            case "=" -> MetricFilter.Op.EQ;
            default -> MetricFilter.Op.NE;
        };
        return new MetricFilter(m.group(1), op, new BigDecimal(m.group(3)));
    }

    /** {@code name} ascending, {@code -name} descending. */
    public static Order order(String text) {
        String t = text.trim();
        return t.startsWith("-") ? Order.desc(t.substring(1)) : Order.asc(t.startsWith("+") ? t.substring(1) : t);
    }

    public static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new RequestException(field, "bad date '" + text + "'", Optional.of("write YYYY-MM-DD, e.g. 2024-03-01"));
        }
    }

    public static Grain grain(String text, String field) {
        return Grain.parse(text.trim()).orElseThrow(() -> new RequestException(field, "unknown grain '" + text + "'",
                Optional.of("one of day, week, month, quarter, year")));
    }

    public static Comparison comparison(String text, String field) {
        return Arrays.stream(Comparison.values()).filter(c -> c.wireName().equals(text.trim())).findFirst()
                .orElseThrow(() -> new RequestException(field, "unknown comparison '" + text + "'",
                        Optional.of("one of previous_period, previous_year")));
    }

    /** Comma-separated names, blanks dropped. */
    public static List<String> names(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
