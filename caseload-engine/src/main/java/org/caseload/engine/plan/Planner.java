package org.caseload.engine.plan;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.engine.dialect.Capability;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.plan.OutputColumn.Role;
import org.caseload.engine.plan.QueryPlan.FactQuery;
import org.caseload.engine.plan.QueryPlan.Having;
import org.caseload.engine.plan.QueryPlan.PeriodShift;
import org.caseload.engine.plan.QueryPlan.Restriction;
import org.caseload.engine.plan.QueryPlan.Sort;
import org.caseload.engine.plan.QueryPlan.TimeRange;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.engine.query.RequestException;
import org.caseload.model.Aggregation;
import org.caseload.model.Dimension;
import org.caseload.model.Fact;
import org.caseload.model.Format;
import org.caseload.model.Grain;
import org.caseload.model.Measure;
import org.caseload.model.Metric;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.caseload.model.Suggestions;

/**
 * Resolves a {@link MetricRequest} against the model into a {@link QueryPlan}. The steps run in
 * the order of {@link #plan}, each a small method that either resolves one part of the request or
 * throws a {@link RequestException} naming the request field at fault.
 */
public final class Planner {
    /** The dimension grants restrict; every fact must reach it or a restricted user cannot query it. */
    public static final String GRANT_DIMENSION = "location";

    private final SemanticModel model;
    private final Dialect dialect;

    public Planner(SemanticModel model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
    }

    public QueryPlan plan(MetricRequest request, AccessScope scope) {
        List<Metric> metrics = resolveMetrics(request);
        List<Dimension> dimensions = resolveDimensions(request);
        Optional<TimeRange> range = resolveRange(request);
        List<Restriction> restrictions = resolveFilters(request);
        restrictions.addAll(grants(scope));
        List<FactQuery> facts = factQueries(metrics);
        checkCapabilities(facts);
        checkReachability(metrics, facts, dimensions, restrictions);
        Optional<PeriodShift> comparison = resolveComparison(request, range);
        List<OutputColumn> columns = columns(metrics, dimensions, request.grain(), comparison.isPresent());
        List<Having> having = resolveHaving(request, metrics);
        List<Sort> order = resolveOrder(request, columns);
        if (request.limit().isPresent() && request.limit().getAsInt() <= 0) {
            throw new RequestException("limit", "limit must be a positive number of rows, not " + request.limit().getAsInt());
        }
        return new QueryPlan(metrics, dimensions, request.grain(), range, facts, restrictions, having, order,
                request.limit(), comparison, columns);
    }

    private List<Metric> resolveMetrics(MetricRequest request) {
        if (request.metrics().isEmpty()) {
            throw new RequestException("metrics", "no metrics requested",
                    Optional.of("available: " + String.join(", ", model.metrics().keySet())));
        }
        List<Metric> out = new ArrayList<>();
        for (String name : request.metrics()) {
            Metric m = model.metric(name).orElseThrow(() -> new RequestException("metrics",
                    "unknown metric '" + name + "'", Suggestions.didYouMean(name, model.metrics().keySet())
                            .or(() -> Optional.of("run `caseload metrics` for the catalog"))));
            if (out.contains(m)) {
                throw new RequestException("metrics", "metric '" + name + "' is requested twice");
            }
            out.add(m);
        }
        return out;
    }

    private List<Dimension> resolveDimensions(MetricRequest request) {
        List<Dimension> out = new ArrayList<>();
        for (String name : request.dimensions()) {
            if (Grain.parse(name).isPresent()) {
                throw new RequestException("dimensions", "'" + name + "' is a time grain, not a dimension",
                        Optional.of("use --grain " + name));
            }
            Dimension d = dimension(name, "dimensions");
            if (out.contains(d)) {
                throw new RequestException("dimensions", "dimension '" + name + "' is requested twice");
            }
            out.add(d);
        }
        return out;
    }

    private Dimension dimension(String name, String field) {
        return model.dimension(name).orElseThrow(() -> new RequestException(field, "unknown dimension '" + name + "'",
                Suggestions.didYouMean(name, model.dimensions().keySet())
                        .or(() -> Optional.of("dimensions: " + String.join(", ", model.dimensions().keySet())))));
    }

    private Optional<TimeRange> resolveRange(MetricRequest request) {
        if (request.from().isEmpty() && request.to().isEmpty()) {
            return Optional.empty();
        }
        // An open end is bounded by dates far outside any clinic's history, so one code path renders both.
        LocalDate from = request.from().orElse(LocalDate.of(1900, 1, 1));
        LocalDate to = request.to().orElse(LocalDate.of(9999, 1, 1));
        if (!from.isBefore(to)) {
            throw new RequestException("to", "the range [" + from + ", " + to + ") is empty",
                    Optional.of("'to' is exclusive and must come after 'from'"));
        }
        return Optional.of(new TimeRange(from.atStartOfDay(), to.atStartOfDay()));
    }

    private List<Restriction> resolveFilters(MetricRequest request) {
        List<Restriction> out = new ArrayList<>();
        for (int i = 0; i < request.filters().size(); i++) {
            DimensionFilter f = request.filters().get(i);
            Dimension d = dimension(f.dimension(), "filters[" + i + "].dimension");
            if (f.values().isEmpty()) {
                throw new RequestException("filters[" + i + "].values", "filter on '" + f.dimension() + "' has no values");
            }
            if (f.op() == DimensionFilter.Op.EQ && f.values().size() > 1) {
                throw new RequestException("filters[" + i + "].op", "op eq takes one value; use in for several");
            }
            out.add(new Restriction(d, f.op() == DimensionFilter.Op.NOT_IN, f.values(), false));
        }
        return out;
    }

    private List<Restriction> grants(AccessScope scope) {
        return scope.locationIds().map(ids -> List.of(new Restriction(
                model.dimension(GRANT_DIMENSION).orElseThrow(() -> new IllegalStateException(
                        "the model has no '" + GRANT_DIMENSION + "' dimension, so location grants cannot apply")),
                false, ids.stream().sorted().toList(), true))).orElse(List.of());
    }

    /** Groups the measures behind the metrics by fact, in first-use order. */
    private List<FactQuery> factQueries(List<Metric> metrics) {
        Map<String, Set<Measure>> byFact = new LinkedHashMap<>();
        for (Metric m : metrics) {
            for (Measure ms : model.measuresOf(m)) {
                byFact.computeIfAbsent(ms.fact(), f -> new LinkedHashSet<>()).add(ms);
            }
        }
        List<FactQuery> out = new ArrayList<>();
        byFact.forEach((f, ms) -> out.add(new FactQuery(model.facts().get(f), List.copyOf(ms))));
        return out;
    }

    private void checkCapabilities(List<FactQuery> facts) {
        for (FactQuery fq : facts) {
            for (Measure m : fq.measures()) {
                Capability needed = m.agg() == Aggregation.MEDIAN ? Capability.MEDIAN
                        : m.agg() == Aggregation.PERCENTILE ? Capability.PERCENTILE : null;
                if (needed != null && !dialect.supports(needed)) {
                    throw new RequestException("metrics", "measure '" + m.name() + "' needs " + needed.label
                            + ", which " + dialect.displayName() + " cannot compute exactly",
                            Optional.of("use an average-based metric on " + dialect.displayName()
                                    + ", or run the query on DuckDB or PostgreSQL"));
                }
            }
        }
    }

    private void checkReachability(List<Metric> metrics, List<FactQuery> facts, List<Dimension> dimensions,
                                   List<Restriction> restrictions) {
        List<Dimension> needed = new ArrayList<>(dimensions);
        restrictions.forEach(r -> needed.add(r.dimension()));
        for (FactQuery fq : facts) {
            Fact fact = fq.fact();
            for (Dimension d : needed) {
                for (String table : ModelLoader.tablesOf(d)) {
                    if (!fact.reachableTables().contains(table)) {
                        Restriction grant = restrictions.stream().filter(r -> r.grant() && r.dimension() == d).findFirst().orElse(null);
                        if (grant != null && !dimensions.contains(d)) {
                            throw new RequestException("metrics", "fact '" + fact.name()
                                    + "' cannot be restricted to your granted locations (no join to " + table + ")");
                        }
                        String metricName = metrics.stream()
                                .filter(m -> model.measuresOf(m).stream().anyMatch(fq.measures()::contains))
                                .findFirst().orElseThrow().name();
                        boolean isFilter = !dimensions.contains(d);
                        throw new RequestException(isFilter ? "filters" : "dimensions", "dimension '" + d.name()
                                + "' cannot be reached from metric '" + metricName + "': fact '" + fact.name()
                                + "' (table " + fact.table() + ") has no join to table " + table,
                                Optional.of("drop the dimension, or add a join to " + table + " under facts."
                                        + fact.name() + ".joins in the model"));
                    }
                }
            }
        }
    }

    private Optional<PeriodShift> resolveComparison(MetricRequest request, Optional<TimeRange> range) {
        if (request.compare().isEmpty()) {
            return Optional.empty();
        }
        if (request.from().isEmpty() || request.to().isEmpty()) {
            throw new RequestException("compare", "a comparison needs both 'from' and 'to'",
                    Optional.of("e.g. --from 2025-01-01 --to 2025-04-01 --compare previous_period"));
        }
        LocalDate from = request.from().get();
        LocalDate to = request.to().get();
        int months;
        int days;
        if (request.compare().get() == Comparison.PREVIOUS_YEAR) {
            months = 12;
            days = 0;
        } else if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1) {
            // Whole months compare with the same number of whole months (Feb with Jan, not with 28 days back).
            months = (int) ChronoUnit.MONTHS.between(from, to);
            days = 0;
        } else {
            months = 0;
            days = (int) ChronoUnit.DAYS.between(from, to);
        }
        Period back = Period.of(0, months, days);
        TimeRange previous = new TimeRange(from.minus(back).atStartOfDay(), to.minus(back).atStartOfDay());
        return Optional.of(new PeriodShift(request.compare().get(), months, days, previous));
    }

    private List<OutputColumn> columns(List<Metric> metrics, List<Dimension> dimensions, Optional<Grain> grain,
                                       boolean compared) {
        List<OutputColumn> out = new ArrayList<>();
        for (Dimension d : dimensions) {
            out.add(new OutputColumn(d.name(), d.label(), Role.DIMENSION_KEY, Optional.empty(), Optional.empty(), Optional.of(d)));
            if (d.hasDisplay()) {
                out.add(new OutputColumn(d.name() + "_label", d.label(), Role.DIMENSION_LABEL, Optional.empty(),
                        Optional.empty(), Optional.of(d)));
            }
        }
        grain.ifPresent(g -> out.add(new OutputColumn(g.yamlName(), capitalize(g.yamlName()), Role.TIME,
                Optional.empty(), Optional.empty(), Optional.empty())));
        for (Metric m : metrics) {
            out.add(new OutputColumn(m.name(), m.label(), Role.METRIC, Optional.of(m.format()), Optional.of(m), Optional.empty()));
        }
        if (compared) {
            Format pct = Format.parse("percent_1", model.currency()).orElseThrow();
            for (Metric m : metrics) {
                out.add(new OutputColumn(m.name() + "_previous", m.label() + " (previous)", Role.PREVIOUS,
                        Optional.of(m.format()), Optional.of(m), Optional.empty()));
                out.add(new OutputColumn(m.name() + "_delta", m.label() + " Δ", Role.DELTA,
                        Optional.of(m.format()), Optional.of(m), Optional.empty()));
                out.add(new OutputColumn(m.name() + "_delta_pct", m.label() + " Δ%", Role.DELTA_PCT,
                        Optional.of(pct), Optional.of(m), Optional.empty()));
            }
        }
        return out;
    }

    private List<Having> resolveHaving(MetricRequest request, List<Metric> metrics) {
        List<Having> out = new ArrayList<>();
        for (int i = 0; i < request.having().size(); i++) {
            MetricFilter f = request.having().get(i);
            String field = "having[" + i + "]";
            Metric m = model.metric(f.metric()).orElseThrow(() -> new RequestException(field,
                    "unknown metric '" + f.metric() + "'", Suggestions.didYouMean(f.metric(), model.metrics().keySet())));
            if (!metrics.contains(m)) {
                throw new RequestException(field, "having on '" + f.metric() + "', which is not among the requested metrics",
                        Optional.of("add it to the metrics"));
            }
            out.add(new Having(m, f.op(), f.value()));
        }
        return out;
    }

    private List<Sort> resolveOrder(MetricRequest request, List<OutputColumn> columns) {
        List<String> names = columns.stream().filter(c -> c.role() != Role.DIMENSION_LABEL).map(OutputColumn::name).toList();
        List<Sort> out = new ArrayList<>();
        for (int i = 0; i < request.order().size(); i++) {
            Order o = request.order().get(i);
            if (!names.contains(o.name())) {
                throw new RequestException("order[" + i + "]", "cannot order by '" + o.name() + "': not a column of this result",
                        Suggestions.didYouMean(o.name(), names).or(() -> Optional.of("columns: " + String.join(", ", names))));
            }
            out.add(new Sort(o.name(), o.descending()));
        }
        return out;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
