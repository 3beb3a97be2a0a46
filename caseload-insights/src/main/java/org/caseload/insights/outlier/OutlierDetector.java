package org.caseload.insights.outlier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.insights.EntityRows;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.outlier.OutlierResult.Untested;
import org.caseload.insights.stats.RobustStats;
import org.caseload.model.Aggregation;
import org.caseload.model.Dimension;
import org.caseload.model.Direction;
import org.caseload.model.Grain;
import org.caseload.model.Measure;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;
import org.caseload.model.Suggestions;
import org.caseload.model.expr.Expr;

/**
 * Finds values that stand out. One engine query aggregates the metric (and the volume that guards
 * it) by entity, peer group and period; the statistics then run on those rows:
 * <ul>
 *   <li>peer methods compare each entity with the others in its peer group and period;</li>
 *   <li>the baseline method compares each period with the same entity's trailing periods (the same
 *       weekday over the previous 8 weeks for days, the previous 6 periods otherwise); median and
 *       MAD keep one bad week in the baseline from hiding the next.</li>
 * </ul>
 * Rules that keep flags meaningful, each documented where it applies: fewer than 3 peers or 4
 * baseline periods are not tested; a ratio over fewer than {@code minVolume} visits is low volume,
 * not an outlier; a sample without spread flags nothing (no division by zero, no flag storms).
 */
public final class OutlierDetector {
    static final int MIN_PEERS = 3;
    static final int MIN_BASELINE = 4;
    private static final int DRILLDOWN_FLAGS = 20;

    private final Engine engine;
    private final SemanticModel model;

    public OutlierDetector(Engine engine) {
        this.engine = engine;
        this.model = engine.model();
    }

    /** What a value of the metric is made of, which decides how volume and drill-downs work. */
    enum Shape { ADDITIVE, RATIO, AVERAGE }

    public OutlierResult detect(OutlierRequest req, AccessScope scope) {
        Metric metric = model.metric(req.metric()).orElseThrow(() -> new RequestException("metric",
                "unknown metric '" + req.metric() + "'", Suggestions.didYouMean(req.metric(), model.metrics().keySet())));
        Dimension by = EntityRows.dimension(model, req.by(), "by");
        Optional<Dimension> within = req.within().map(w -> EntityRows.dimension(model, w, "within"));
        if (within.isPresent() && within.get().equals(by)) {
            throw new RequestException("within", "an entity cannot be its own peer group");
        }
        if (req.method() == Method.BASELINE && req.grain().isEmpty()) {
            throw new RequestException("grain", "the baseline method compares periods, so it needs a grain",
                    Optional.of("e.g. --grain month, or --grain day for same-weekday baselines"));
        }
        if (!(req.effectiveThreshold() > 0)) {
            throw new RequestException("threshold", "threshold must be greater than 0");
        }
        Optional<String> volume = volumeMetric(metric);
        List<String> metrics = new ArrayList<>(List.of(metric.name()));
        volume.filter(v -> !v.equals(metric.name())).ifPresent(metrics::add);
        Optional<LocalDate> queryFrom = req.method() == Method.BASELINE
                ? req.from().map(f -> minusPeriods(f, req.grain().get(), lookback(req.grain().get()))) : req.from();
        List<String> dims = within.map(w -> List.of(by.name(), w.name())).orElse(List.of(by.name()));
        QueryResult result = engine.execute(new MetricRequest(metrics, dims, req.grain(), queryFrom, req.to(),
                req.filters(), List.of(), List.of(), OptionalInt.empty(), Optional.empty()), scope);
        List<Row> rows = EntityRows.of(result, by, within, req.grain(), metrics);

        List<Flag> flags = new ArrayList<>();
        List<Untested> untested = new ArrayList<>();
        Context ctx = new Context(req, metric, volume, shape(metric), isCount(metric));
        if (req.method() == Method.BASELINE) {
            baseline(ctx, rows, flags, untested);
        } else {
            peers(ctx, rows, flags, untested);
        }
        flags.sort(Comparator.comparingDouble(Flag::strength).reversed()
                .thenComparing(f -> f.entity().label()).thenComparing(f -> f.period().orElse(LocalDate.MIN)));
        List<Flag> explained = new Drilldown(engine, scope, ctx, by, within, queryFrom, rows).explain(flags, DRILLDOWN_FLAGS);
        return new OutlierResult(explained, untested, result.sql());
    }

    /** Everything the statistics need to know about the request, resolved. */
    record Context(OutlierRequest req, Metric metric, Optional<String> volume, Shape shape, boolean isCount) {
        double threshold() {
            return req.effectiveThreshold();
        }
    }

    // --- peer comparison ----------------------------------------------------------------------------

    static void peers(Context ctx, List<Row> rows, List<Flag> flags, List<Untested> untested) {
        Map<List<Object>, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(
                r -> List.of(r.peer(), r.period().orElse(LocalDate.MIN)), LinkedHashMap::new, Collectors.toList()));
        for (List<Row> group : groups.values()) {
            List<Row> tested = new ArrayList<>();
            for (Row r : group) {
                Optional<String> why = untestable(ctx, r);
                if (why.isPresent()) untested.add(new Untested(r.entity(), r.peer(), r.period(), why.get()));
                else tested.add(r);
            }
            if (tested.size() < MIN_PEERS) {
                // With one or two peers there is no "usual" to stand out from.
                tested.forEach(r -> untested.add(new Untested(r.entity(), r.peer(), r.period(),
                        "only " + tested.size() + " comparable peer" + (tested.size() == 1 ? "" : "s"))));
                continue;
            }
            double[] values = tested.stream().mapToDouble(r -> r.value(ctx.metric().name())).toArray();
            double median = RobustStats.median(values);
            double q1 = RobustStats.quantile(values, 0.25);
            double q3 = RobustStats.quantile(values, 0.75);
            double k = ctx.threshold();
            for (Row r : tested) {
                double x = r.value(ctx.metric().name());
                OptionalDouble z = RobustStats.modifiedZ(x, values);
                boolean flagged;
                String test;
                if (ctx.req().method() == Method.IQR) {
                    double iqr = q3 - q1;
                    // Quartiles that coincide leave no spread to scale by: Tukey's fences would flag every difference.
                    flagged = iqr > 0 && (x < q1 - k * iqr || x > q3 + k * iqr);
                    test = "outside " + ctx.metric().format().format(q1 - k * iqr) + "–" + ctx.metric().format().format(q3 + k * iqr);
                } else {
                    flagged = z.isPresent() && Math.abs(z.getAsDouble()) > k;
                    test = null;
                }
                if (flagged) {
                    flags.add(flag(ctx, r, x, median, z, "peer median", test));
                }
            }
        }
    }

    // --- own baseline -------------------------------------------------------------------------------

    static void baseline(Context ctx, List<Row> rows, List<Flag> flags, List<Untested> untested) {
        Grain grain = ctx.req().grain().orElseThrow();
        Map<List<Member>, Map<LocalDate, Row>> series = new LinkedHashMap<>();
        for (Row r : rows) {
            series.computeIfAbsent(List.of(r.entity(), r.peer()), k -> new java.util.TreeMap<>()).put(r.period().orElseThrow(), r);
        }
        LocalDate last = rows.stream().map(r -> r.period().orElseThrow()).max(Comparator.naturalOrder()).orElse(null);
        if (last == null) return;
        String name = ctx.metric().name();
        for (Map.Entry<List<Member>, Map<LocalDate, Row>> e : series.entrySet()) {
            Map<LocalDate, Row> byPeriod = e.getValue();
            LocalDate first = byPeriod.keySet().iterator().next();
            Member entity = e.getKey().get(0);
            Member peer = e.getKey().get(1);
            for (LocalDate p = first; !p.isAfter(last); p = plusPeriods(p, grain, 1)) {
                if (ctx.req().from().isPresent() && p.isBefore(ctx.req().from().get())) continue;
                Row row = byPeriod.get(p);
                // A period without a row had no activity: zero of a count or a sum, no value of a ratio.
                Row current = row != null ? row : ctx.shape() == Shape.ADDITIVE ? zeroRow(entity, peer, p, name) : null;
                if (current == null) continue;
                Optional<String> why = untestable(ctx, current);
                if (why.isPresent()) {
                    untested.add(new Untested(entity, peer, Optional.of(p), why.get()));
                    continue;
                }
                List<Double> history = new ArrayList<>();
                for (LocalDate b : baselinePeriods(p, grain)) {
                    if (b.isBefore(first)) continue;
                    Row past = byPeriod.get(b);
                    if (past == null && ctx.shape() == Shape.ADDITIVE) history.add(0.0);
                    else if (past != null && untestable(ctx, past).isEmpty()) history.add(past.value(name));
                }
                if (history.size() < MIN_BASELINE) {
                    untested.add(new Untested(entity, peer, Optional.of(p), "only " + history.size() + " earlier periods to compare with"));
                    continue;
                }
                double[] values = history.stream().mapToDouble(Double::doubleValue).toArray();
                double x = current.value(name);
                // Counts vary at least as much as Poisson noise; eight tight weeks must not make a busy day "extreme".
                double floor = ctx.isCount() ? Math.sqrt(Math.max(0, RobustStats.median(values))) : 0;
                OptionalDouble z = RobustStats.modifiedZ(x, values, floor);
                if (z.isPresent() && Math.abs(z.getAsDouble()) > ctx.threshold()) {
                    String usual = grain == Grain.DAY ? "its usual " + DAY_NAME.format(p) : "its usual";
                    flags.add(flag(ctx, current, x, RobustStats.median(values), z, usual, null));
                }
            }
        }
    }

    private static final java.time.format.DateTimeFormatter DAY_NAME =
            java.time.format.DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);

    /** Same weekday over the previous 8 weeks for days; the previous 6 periods otherwise. */
    static List<LocalDate> baselinePeriods(LocalDate p, Grain grain) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 1; i <= lookbackCount(grain); i++) {
            out.add(grain == Grain.DAY ? p.minusWeeks(i) : minusPeriods(p, grain, i));
        }
        return out;
    }

    private static int lookbackCount(Grain grain) {
        return grain == Grain.DAY ? 8 : 6;
    }

    /** How many grain periods before {@code from} the baseline method has to read. */
    private static int lookback(Grain grain) {
        return grain == Grain.DAY ? 7 * 8 : 6;
    }

    static LocalDate minusPeriods(LocalDate d, Grain grain, int n) {
        return plusPeriods(d, grain, -n);
    }

    static LocalDate plusPeriods(LocalDate d, Grain grain, int n) {
        return switch (grain) {
            case DAY -> d.plusDays(n);
            case WEEK -> d.plusWeeks(n);
            case MONTH -> d.plusMonths(n);
            case QUARTER -> d.plusMonths(3L * n);
            case YEAR -> d.plusYears(n);
        };
    }

    private static Row zeroRow(Member entity, Member peer, LocalDate p, String metric) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(metric, 0.0);
        return new Row(entity, peer, Optional.of(p), values);
    }

    // --- shared -------------------------------------------------------------------------------------

    /** Why a row is not tested, if it is not: no value, or a ratio over too little volume. */
    static Optional<String> untestable(Context ctx, Row r) {
        if (r.value(ctx.metric().name()) == null) return Optional.of("no value");
        if (ctx.volume().isPresent() && ctx.shape() != Shape.ADDITIVE) {
            Double v = r.value(ctx.volume().get());
            if (v == null || v < ctx.req().minVolume()) {
                return Optional.of(String.format(Locale.ENGLISH, "low volume: %s %s (under %d)",
                        v == null ? "no" : String.format(Locale.ENGLISH, "%,.0f", v), ctx.volume().get(), ctx.req().minVolume()));
            }
        }
        return Optional.empty();
    }

    static Flag flag(Context ctx, Row r, double x, double expected, OptionalDouble z, String against, String test) {
        Metric m = ctx.metric();
        Double pct = expected != 0 ? (x - expected) / Math.abs(expected) : null;
        String direction = m.direction() == Direction.NEUTRAL || x == expected ? "neutral"
                : (x > expected) == (m.direction() == Direction.HIGHER_IS_BETTER) ? "good" : "bad";
        String where = r.entity().label() + (r.peer() == Member.ALL ? "" : ", " + r.peer().label());
        String when = Describe.period(r.period(), ctx.req().grain(), ctx.req().from(), ctx.req().to());
        String how = Describe.percent(pct) + (test != null ? ", " + test : z.isPresent()
                ? String.format(Locale.ENGLISH, ", z = %.1f", z.getAsDouble()) : "");
        String explanation = String.format("%s at %s, %s: %s vs %s %s (%s)", m.label(), where, when,
                m.format().format(x), against, m.format().format(expected), how);
        return new Flag(m.name(), r.entity(), r.peer(), r.period(), x, expected, pct,
                z.isPresent() ? z.getAsDouble() : null, direction, explanation, Optional.empty());
    }

    /** Sums and counts add up across members; formulas a / b are ratios; the rest (averages, medians) are averages. */
    Shape shape(Metric metric) {
        if (metric.measure().isPresent()) {
            Aggregation agg = model.measures().get(metric.measure().get()).agg();
            return agg == Aggregation.COUNT || agg == Aggregation.COUNT_DISTINCT || agg == Aggregation.SUM
                    ? Shape.ADDITIVE : Shape.AVERAGE;
        }
        return ratioParts(metric).isPresent() ? Shape.RATIO : Shape.AVERAGE;
    }

    private boolean isCount(Metric metric) {
        return metric.measure().map(ms -> model.measures().get(ms).agg())
                .filter(a -> a == Aggregation.COUNT || a == Aggregation.COUNT_DISTINCT).isPresent();
    }

    /** Numerator and denominator names of a formula {@code a / b}. */
    Optional<List<String>> ratioParts(Metric metric) {
        if (metric.formula().orElse(null) instanceof Expr.Binary b && b.op() == Expr.BinaryOp.DIV
                && b.left() instanceof Expr.Ref n && b.right() instanceof Expr.Ref d
                && model.metric(n.name()).isPresent() && model.metric(d.name()).isPresent()) {
            return Optional.of(List.of(n.name(), d.name()));
        }
        return Optional.empty();
    }

    /**
     * The count that guards a ratio or an average: the denominator when it is a count of rows,
     * otherwise visits. Counts and sums are never guarded: zero visits may be the news.
     */
    Optional<String> volumeMetric(Metric metric) {
        Shape shape = shape(metric);
        if (shape == Shape.ADDITIVE) return Optional.empty();
        if (shape == Shape.RATIO) {
            Metric d = model.metric(ratioParts(metric).orElseThrow().get(1)).orElseThrow();
            if (d.measure().isPresent()) {
                Measure ms = model.measures().get(d.measure().get());
                if (ms.agg() == Aggregation.COUNT) return Optional.of(d.name());
            }
        }
        return model.metric("visits").map(Metric::name);
    }

}
