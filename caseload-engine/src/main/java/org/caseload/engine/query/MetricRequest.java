package org.caseload.engine.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.caseload.model.Grain;

/**
 * What a user asks for: metrics by dimensions at a time grain over {@code [from, to)}, filtered,
 * with HAVING on metric values, ordered, limited, optionally compared with an earlier period.
 * Names are unresolved here; the planner resolves them against the model and says what is wrong.
 */
public record MetricRequest(
        List<String> metrics,
        List<String> dimensions,
        Optional<Grain> grain,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        List<DimensionFilter> filters,
        List<MetricFilter> having,
        List<Order> order,
        OptionalInt limit,
        Optional<Comparison> compare) {

    public MetricRequest {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        filters = List.copyOf(filters);
        having = List.copyOf(having);
        order = List.copyOf(order);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.metrics = metrics;
        b.dimensions = dimensions;
        b.grain = grain;
        b.from = from;
        b.to = to;
        b.filters = filters;
        b.having = having;
        b.order = order;
        b.limit = limit;
        b.compare = compare;
        return b;
    }

    /** Fluent construction for code and tests; the CLI and the API parse into the same record. */
    public static final class Builder {
        private List<String> metrics = List.of();
        private List<String> dimensions = List.of();
        private Optional<Grain> grain = Optional.empty();
        private Optional<LocalDate> from = Optional.empty();
        private Optional<LocalDate> to = Optional.empty();
        private List<DimensionFilter> filters = List.of();
        private List<MetricFilter> having = List.of();
        private List<Order> order = List.of();
        private OptionalInt limit = OptionalInt.empty();
        private Optional<Comparison> compare = Optional.empty();

        public Builder metrics(String... names) {
            metrics = List.of(names);
            return this;
        }

        public Builder dimensions(String... names) {
            dimensions = List.of(names);
            return this;
        }

        public Builder grain(Grain g) {
            grain = Optional.of(g);
            return this;
        }

        public Builder between(LocalDate fromInclusive, LocalDate toExclusive) {
            from = Optional.of(fromInclusive);
            to = Optional.of(toExclusive);
            return this;
        }

        public Builder filter(DimensionFilter f) {
            filters = append(filters, f);
            return this;
        }

        public Builder having(MetricFilter f) {
            having = append(having, f);
            return this;
        }

        public Builder orderBy(Order o) {
            order = append(order, o);
            return this;
        }

        public Builder limit(int n) {
            limit = OptionalInt.of(n);
            return this;
        }

        public Builder compare(Comparison c) {
            compare = Optional.of(c);
            return this;
        }

        public MetricRequest build() {
            return new MetricRequest(metrics, dimensions, grain, from, to, filters, having, order, limit, compare);
        }

        private static <T> List<T> append(List<T> list, T item) {
            java.util.ArrayList<T> copy = new java.util.ArrayList<>(list);
            copy.add(item);
            return copy;
        }
    }
}
