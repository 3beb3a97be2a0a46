package org.caseload.engine.plan;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.caseload.model.Dimension;
import org.caseload.model.Fact;
import org.caseload.model.Grain;
import org.caseload.model.Measure;
import org.caseload.model.Metric;

/**
 * A request resolved against the model: every name is a model object, every fact to read is listed
 * with the measures it must aggregate, and every restriction (user filters and grants) is explicit.
 * The renderer turns it into SQL without looking anything up.
 */
public record QueryPlan(
        List<Metric> metrics,
        List<Dimension> dimensions,
        Optional<Grain> grain,
        Optional<TimeRange> range,
        List<FactQuery> facts,
        List<Restriction> restrictions,
        List<Having> having,
        List<Sort> order,
        OptionalInt limit,
        Optional<PeriodShift> comparison,
        List<OutputColumn> columns) {

    public QueryPlan {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        facts = List.copyOf(facts);
        restrictions = List.copyOf(restrictions);
        having = List.copyOf(having);
        order = List.copyOf(order);
        columns = List.copyOf(columns);
    }

    /** Half-open range {@code [from, to)} on each fact's time column. */
    public record TimeRange(LocalDateTime from, LocalDateTime to) {}

    /** One fact table aggregated on its own, at the requested grain and dimensions, before any join. */
    public record FactQuery(Fact fact, List<Measure> measures) {
        public FactQuery {
            measures = List.copyOf(measures);
        }

        public String cteName() {
            return fact.name() + "_agg";
        }
    }

    /**
     * Rows kept in every fact: a user filter (values are keys or labels) or a grant (keys only).
     * Grants come from the caller's scope, never from the request.
     */
    public record Restriction(Dimension dimension, boolean negated, List<String> values, boolean grant) {
        public Restriction {
            values = List.copyOf(values);
        }
    }

    public record Having(Metric metric, org.caseload.engine.query.MetricFilter.Op op, java.math.BigDecimal value) {}

    /** A sort key: an output column name (metric, dimension or grain) and direction. */
    public record Sort(String column, boolean descending) {}

    /**
     * The comparison period: the current range moved back by {@code months} and {@code days}.
     * Rows of the earlier period are bucketed as if moved forward again, so they line up with the current ones.
     */
    public record PeriodShift(org.caseload.engine.query.Comparison kind, int months, int days, TimeRange range) {}
}
