package org.caseload.app.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.engine.plan.OutputColumn.Role;
import org.caseload.insights.stats.RobustStats;
import org.caseload.model.Direction;

/**
 * Marks the cells of a result that stand out, so every table and chart can highlight them: within
 * each time period, a metric value against the other rows' values (modified z-score, |z| > 3.5,
 * at least 5 rows); in a single time series, each point against its previous 6 points. The numbers
 * are already aggregated, so this costs no extra query.
 */
public final class CellOutliers {
    static final double THRESHOLD = 3.5;
    private static final int MIN_PEERS = 5;
    private static final int BASELINE = 6;

    private CellOutliers() {}

    /** A flagged cell: row and column of the result, its z, and whether it is good or bad news. */
    public record Mark(int row, int column, double z, String tone) {}

    public static List<Mark> find(QueryResult r) {
        List<Mark> marks = new ArrayList<>();
        int time = -1;
        boolean hasDimension = false;
        for (int i = 0; i < r.columns().size(); i++) {
            Role role = r.columns().get(i).role();
            if (role == Role.TIME) time = i;
            if (role == Role.DIMENSION_KEY) hasDimension = true;
        }
        for (int c = 0; c < r.columns().size(); c++) {
            OutputColumn col = r.columns().get(c);
            if (col.role() != Role.METRIC) continue;
            if (hasDimension) {
                Map<Object, List<Integer>> periods = new LinkedHashMap<>();
                for (int i = 0; i < r.rows().size(); i++) {
                    periods.computeIfAbsent(time < 0 ? "" : r.rows().get(i)[time], k -> new ArrayList<>()).add(i);
                }
                for (List<Integer> rows : periods.values()) peers(r, rows, c, col, marks);
            } else if (time >= 0) {
                series(r, c, col, marks);
            }
        }
        return marks;
    }

    private static void peers(QueryResult r, List<Integer> rows, int c, OutputColumn col, List<Mark> marks) {
        List<Integer> valued = rows.stream().filter(i -> r.rows().get(i)[c] instanceof Number).toList();
        if (valued.size() < MIN_PEERS) return;
        double[] values = valued.stream().mapToDouble(i -> ((Number) r.rows().get(i)[c]).doubleValue()).toArray();
        for (int k = 0; k < valued.size(); k++) {
            mark(RobustStats.modifiedZ(values[k], values), valued.get(k), c, col, marks);
        }
    }

    private static void series(QueryResult r, int c, OutputColumn col, List<Mark> marks) {
        List<Double> seen = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            Object v = r.rows().get(i)[c];
            if (!(v instanceof Number n)) continue;
            if (seen.size() >= BASELINE) {
                double[] baseline = seen.subList(seen.size() - BASELINE, seen.size()).stream().mapToDouble(Double::doubleValue).toArray();
                mark(RobustStats.modifiedZ(n.doubleValue(), baseline), i, c, col, marks);
            }
            seen.add(n.doubleValue());
        }
    }

    private static void mark(OptionalDouble z, int row, int c, OutputColumn col, List<Mark> marks) {
        if (z.isEmpty() || Math.abs(z.getAsDouble()) <= THRESHOLD) return;
        Direction d = col.metric().map(m -> m.direction()).orElse(Direction.NEUTRAL);
        String tone = d == Direction.NEUTRAL ? "neutral" : (z.getAsDouble() > 0) == (d == Direction.HIGHER_IS_BETTER) ? "good" : "bad";
        marks.add(new Mark(row, c, z.getAsDouble(), tone));
    }
}
