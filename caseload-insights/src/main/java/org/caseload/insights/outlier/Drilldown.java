package org.caseload.insights.outlier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.outlier.OutlierDetector.Context;
import org.caseload.insights.outlier.OutlierDetector.Shape;
import org.caseload.insights.stats.RobustStats;
import org.caseload.model.Dimension;
import org.caseload.model.Grain;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;

/**
 * Names, for each flag, the member of another dimension (role group, service, staff) that accounts
 * for most of the deviation. The deviation is split into additive parts per member:
 * <ul>
 *   <li>a ratio a / b deviates by {@code a − expected · b}, the sum over members of
 *       {@code a_j − expected · b_j} (the excess cost of each role group, say);</li>
 *   <li>an average deviates by {@code Σ (avg_j − expected) · volume_j};</li>
 *   <li>a count or sum deviates member by member from what that member usually has (peer median
 *       or own baseline median of the member's own values).</li>
 * </ul>
 * One query per candidate dimension serves every flag.
 */
final class Drilldown {
    private static final List<String> CANDIDATES = List.of("role_group", "service", "staff", "location");

    private final Engine engine;
    private final AccessScope scope;
    private final Context ctx;
    private final Dimension by;
    private final Optional<Dimension> within;
    private final Optional<LocalDate> from;
    private final SemanticModel model;

    Drilldown(Engine engine, AccessScope scope, Context ctx, Dimension by, Optional<Dimension> within,
              Optional<LocalDate> from, List<Row> unused) {
        this.engine = engine;
        this.scope = scope;
        this.ctx = ctx;
        this.by = by;
        this.within = within;
        this.from = from;
        this.model = engine.model();
    }

    /** One aggregated row of the drill query: entity, peer group, period and member, with the metric inputs. */
    private record Cell(String entity, String peer, LocalDate period, Member member, double[] v) {}

    private record Part(Member member, String dimensionLabel, double excess, double total) {
        double share() {
            return total == 0 ? 0 : excess / total;
        }
    }

    List<Flag> explain(List<Flag> flags, int max) {
        if (flags.isEmpty()) return flags;
        List<Flag> top = flags.subList(0, Math.min(max, flags.size()));
        Map<Flag, Part> best = new LinkedHashMap<>();
        for (String name : CANDIDATES) {
            Optional<Dimension> d = model.dimension(name);
            if (d.isEmpty() || d.get().equals(by) || within.equals(d)) continue;
            Map<Flag, Part> parts;
            try {
                parts = parts(d.get(), top);
            } catch (RequestException unreachable) {
                continue; // the metric cannot be split by this dimension (no join): try the next one
            }
            parts.forEach((f, p) -> {
                Part current = best.get(f);
                if (p.share() > 0 && (current == null || p.share() > current.share())) best.put(f, p);
            });
        }
        List<Flag> out = new ArrayList<>();
        for (Flag f : flags) {
            Part p = best.get(f);
            out.add(p == null ? f : f.withDrilldown(String.format(Locale.ENGLISH, "mostly %s (%s): %.0f%% of the difference",
                    p.member().label(), p.dimensionLabel().toLowerCase(Locale.ENGLISH), 100 * Math.min(1, p.share()))));
        }
        return out;
    }

    private Map<Flag, Part> parts(Dimension d, List<Flag> flags) {
        Metric m = ctx.metric();
        List<String> metrics = new ArrayList<>();
        Optional<List<String>> ratio = ctx.shape() == Shape.RATIO ? new OutlierDetector(engine).ratioParts(m) : Optional.empty();
        if (ratio.isPresent()) {
            metrics.addAll(ratio.get());
        } else {
            metrics.add(m.name());
            if (ctx.shape() == Shape.AVERAGE) {
                if (ctx.volume().isEmpty()) return Map.of();
                metrics.add(ctx.volume().get());
            }
        }
        List<String> dims = new ArrayList<>(List.of(by.name()));
        within.ifPresent(w -> dims.add(w.name()));
        dims.add(d.name());
        QueryResult result = engine.execute(new MetricRequest(metrics.stream().distinct().toList(), dims, ctx.req().grain(), from,
                ctx.req().to(), ctx.req().filters(), List.of(), List.of(), OptionalInt.empty(), Optional.empty()), scope);
        int byIdx = result.columnIndex(by.name());
        int peerIdx = within.map(w -> result.columnIndex(w.name())).orElse(-1);
        int memberKey = result.columnIndex(d.name());
        int memberLabel = d.hasDisplay() ? result.columnIndex(d.name() + "_label") : memberKey;
        int timeIdx = ctx.req().grain().map(g -> result.columnIndex(g.yamlName())).orElse(-1);
        int[] idx = metrics.stream().distinct().mapToInt(result::columnIndex).toArray();

        List<Cell> cells = new ArrayList<>();
        for (Object[] r : result.rows()) {
            double[] v = new double[idx.length];
            for (int i = 0; i < idx.length; i++) v[i] = r[idx[i]] == null ? 0 : ((Number) r[idx[i]]).doubleValue();
            cells.add(new Cell(key(r[byIdx]), peerIdx < 0 ? "" : key(r[peerIdx]),
                    timeIdx < 0 ? LocalDate.MIN : (LocalDate) r[timeIdx],
                    new Member(key(r[memberKey]), r[memberLabel] == null ? "(none)" : r[memberLabel].toString()), v));
        }
        Map<List<Object>, Cell> index = new java.util.HashMap<>();
        cells.forEach(c -> index.put(List.of(c.entity(), c.peer(), c.period(), c.member()), c));
        Map<Flag, Part> out = new LinkedHashMap<>();
        for (Flag f : flags) {
            LocalDate period = f.period().orElse(LocalDate.MIN);
            String peer = f.peerGroup() == Member.ALL ? "" : f.peerGroup().key();
            Map<Member, Double> excess = new LinkedHashMap<>();
            for (Cell c : cells) {
                if (!c.entity().equals(f.entity().key()) || !c.peer().equals(peer) || !c.period().equals(period)) continue;
                double e = switch (ctx.shape()) {
                    case RATIO -> c.v()[0] - f.expected() * c.v()[1];
                    case AVERAGE -> (c.v()[0] - f.expected()) * c.v()[1];
                    case ADDITIVE -> c.v()[0] - usual(cells, index, f, c.member(), peer, period);
                };
                excess.merge(c.member(), e, Double::sum);
            }
            if (ctx.shape() == Shape.ADDITIVE) {
                // Members the entity usually has but lacked in this period contribute their whole usual value.
                cells.stream().map(Cell::member).distinct().filter(mem -> !excess.containsKey(mem))
                        .forEach(mem -> excess.put(mem, -usual(cells, index, f, mem, peer, period)));
            }
            double sign = Math.signum(f.deviation());
            double total = excess.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sign == 0 || Math.signum(total) != sign) continue;
            excess.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> sign * e.getValue()))
                    .ifPresent(e -> out.put(f, new Part(e.getKey(), d.label(), e.getValue(), total)));
        }
        return out;
    }

    /** A member key as {@link org.caseload.insights.EntityRows} reads it (null is ""), so cells match the flags' members. */
    private static String key(Object k) {
        return k == null ? "" : k.toString();
    }

    /** What a member usually contributes to a count or sum: its peers' median, or its own baseline median. */
    private double usual(List<Cell> cells, Map<List<Object>, Cell> index, Flag f, Member member, String peer, LocalDate period) {
        List<Double> sample = new ArrayList<>();
        Grain grain = ctx.req().grain().orElse(null);
        if (ctx.req().method() == Method.BASELINE && grain != null) {
            for (LocalDate b : OutlierDetector.baselinePeriods(period, grain)) {
                sample.add(valueOf(index, f.entity().key(), peer, b, member));
            }
        } else {
            cells.stream().filter(c -> c.peer().equals(peer) && c.period().equals(period)).map(Cell::entity).distinct()
                    .filter(e -> !e.equals(f.entity().key()))
                    .forEach(e -> sample.add(valueOf(index, e, peer, period, member)));
        }
        return sample.isEmpty() ? 0 : RobustStats.median(sample.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double valueOf(Map<List<Object>, Cell> index, String entity, String peer, LocalDate period, Member member) {
        Cell c = index.get(List.of(entity, peer, period, member));
        return c == null ? 0 : c.v()[0];
    }
}
