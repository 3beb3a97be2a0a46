package org.caseload.engine.query;

/** Sort by a metric, a dimension or the time column; {@code -name} on the command line is descending. */
public record Order(String name, boolean descending) {
    public static Order asc(String name) {
        return new Order(name, false);
    }

    public static Order desc(String name) {
        return new Order(name, true);
    }
}
