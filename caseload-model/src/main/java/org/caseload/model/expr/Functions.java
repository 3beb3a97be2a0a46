package org.caseload.model.expr;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The functions a model expression may call. A closed list, because each must render portably on
 * every dialect we support; the engine's renderer implements each one.
 */
public final class Functions {
    /** Name, minimum and maximum argument count, and a one-line description for the JSON Schema and errors. */
    public record Signature(String name, int minArgs, int maxArgs, String description) {}

    private static final Map<String, Signature> ALL = new TreeMap<>();

    static {
        add("minutes_between", 2, 2, "minutes_between(start, end): minutes from start to end, fractional");
        add("hours_between", 2, 2, "hours_between(start, end): hours from start to end, fractional");
        add("date", 1, 1, "date(timestamp): the calendar day");
        add("year", 1, 1, "year(timestamp): the calendar year as an integer");
        add("coalesce", 2, 8, "coalesce(a, b, ...): the first non-null argument");
        add("nullif", 2, 2, "nullif(a, b): null when a = b, else a");
        add("concat", 2, 8, "concat(a, b, ...): text concatenation, numbers and dates as text");
        add("lower", 1, 1, "lower(text)");
        add("upper", 1, 1, "upper(text)");
        add("abs", 1, 1, "abs(number)");
        add("round", 1, 2, "round(number[, digits])");
        add("greatest", 2, 8, "greatest(a, b, ...)");
        add("least", 2, 8, "least(a, b, ...)");
    }

    private Functions() {}

    private static void add(String name, int min, int max, String description) {
        ALL.put(name, new Signature(name, min, max, description));
    }

    public static Optional<Signature> lookup(String name) {
        return Optional.ofNullable(ALL.get(name.toLowerCase()));
    }

    public static Map<String, Signature> all() {
        return ALL;
    }
}
