package org.caseload.dialects;

import org.caseload.engine.plan.OutputColumn;
import org.caseload.model.Aggregation;
import org.caseload.model.Format;
import org.caseload.model.Measure;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;

/**
 * How values of a result column are compared across backends. The kind follows from what the column means, not
 * from the Java type a driver hands back: PostgreSQL sums a rolled-up count as NUMERIC, DuckDB as HUGEINT, Trino as
 * BIGINT, and all three are the same count.
 */
public enum ValueKind {
    /** Keys and labels: equal strings. */
    TEXT,
    /** Time buckets: equal dates. */
    DATE,
    /** Counts (and their deltas): equal integers, whatever the numeric type. */
    COUNT,
    /** Sums of money columns (and their deltas): equal decimals, so equal to the cent. */
    MONEY,
    /** Averages, ratios, sums of durations: equal to {@link ResultComparison#RELATIVE_TOLERANCE}. */
    APPROXIMATE;

    public static ValueKind of(OutputColumn column, SemanticModel model) {
        return switch (column.role()) {
            case DIMENSION_KEY, DIMENSION_LABEL -> TEXT;
            case TIME -> DATE;
            case DELTA_PCT -> APPROXIMATE;
            case METRIC, PREVIOUS, DELTA -> ofMetric(column.metric().orElseThrow(), model);
        };
    }

    private static ValueKind ofMetric(Metric metric, SemanticModel model) {
        if (metric.measure().isEmpty()) {
            return APPROXIMATE; // a formula divides: a fraction even when its parts are counts or money
        }
        Measure m = model.measures().get(metric.measure().get());
        if (m.agg() == Aggregation.COUNT || m.agg() == Aggregation.COUNT_DISTINCT) {
            return COUNT;
        }
        // A sum of a money column is exact decimal arithmetic everywhere; other sums add doubles (durations).
        boolean moneySum = m.agg() == Aggregation.SUM && metric.format().kind() == Format.Kind.CURRENCY;
        return moneySum ? MONEY : APPROXIMATE;
    }
}
