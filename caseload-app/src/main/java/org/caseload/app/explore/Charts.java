package org.caseload.app.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.engine.plan.OutputColumn.Role;
import org.caseload.model.Dimension;
import org.caseload.model.SemanticModel;

/**
 * Turns query results into what the pages render: tables with raw and formatted values (so columns
 * sort by value but show the model's format), and chart specs that app.js hands to ECharts.
 */
public final class Charts {
    private Charts() {}

    /** A table cell; {@code outlier} is empty, or "good"/"bad"/"neutral" when the value stands out. */
    public record Cell(Object raw, String text, boolean number, String outlier) {}

    public record Table(List<String> headers, List<Boolean> numeric, List<List<Cell>> rows) {}

    /** Visible columns as in the CLI: each dimension once (label, or key with {@code keys}), the time column, metric columns. */
    public static Table table(QueryResult r, SemanticModel model, boolean keys) {
        List<Integer> shown = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            OutputColumn c = r.columns().get(i);
            boolean hasLabel = c.dimension().map(Dimension::hasDisplay).orElse(false);
            if (c.role() == Role.DIMENSION_KEY && hasLabel && !keys) continue;
            if (c.role() == Role.DIMENSION_LABEL && keys) continue;
            shown.add(i);
            headers.add(c.label());
            numeric.add(c.isMetricValue());
        }
        Map<List<Integer>, String> marks = new java.util.HashMap<>();
        CellOutliers.find(r).forEach(m -> marks.put(List.of(m.row(), m.column()), m.tone()));
        List<List<Cell>> rows = new ArrayList<>();
        for (int ri = 0; ri < r.rows().size(); ri++) {
            Object[] row = r.rows().get(ri);
            List<Cell> cells = new ArrayList<>();
            for (int i : shown) {
                OutputColumn c = r.columns().get(i);
                Object v = row[i];
                String text = c.format().map(f -> f.format(v)).orElse(v == null ? "" : v.toString());
                cells.add(new Cell(v, text, c.isMetricValue(), marks.getOrDefault(List.of(ri, i), "")));
            }
            rows.add(cells);
        }
        return new Table(headers, numeric, rows);
    }

    /** A line chart over the time column: one series per metric, each on its own axis when there are two. */
    public static Map<String, Object> lineChart(QueryResult r, String timeColumn, List<String> metrics, SemanticModel model) {
        Map<String, Object> spec = new LinkedHashMap<>();
        int t = r.columnIndex(timeColumn);
        spec.put("type", "line");
        spec.put("x", r.rows().stream().map(row -> String.valueOf(row[t])).toList());
        List<CellOutliers.Mark> marks = CellOutliers.find(r);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String m : metrics) {
            int i = r.columnIndex(m);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", model.metric(m).orElseThrow().label());
            s.put("format", model.metric(m).orElseThrow().format().yamlName());
            s.put("data", r.rows().stream().map(row -> row[i]).toList());
            // Points that stand out against the previous six get a marker on the chart.
            s.put("marks", marks.stream().filter(mk -> mk.column() == i)
                    .map(mk -> Map.of("x", String.valueOf(r.rows().get(mk.row())[t]), "y", r.rows().get(mk.row())[i])).toList());
            series.add(s);
        }
        spec.put("series", series);
        return spec;
    }
}
