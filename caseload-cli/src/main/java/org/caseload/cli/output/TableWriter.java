package org.caseload.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people: values formatted from the model (currency, percent, minutes),
 * numbers right-aligned. It has to see every row to size the columns, so it buffers; use csv or
 * json for large results.
 */
final class TableWriter implements ResultWriter {
    private final List<ResultView.Shown> columns;
    private final PrintStream out;
    private final List<String[]> cells = new ArrayList<>();

    TableWriter(List<ResultView.Shown> columns, PrintStream out) {
        this.columns = columns;
        this.out = out;
    }

    @Override
    public void row(Object[] values) {
        String[] line = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ResultView.Shown c = columns.get(i);
            Object v = values[c.index()];
            line[i] = c.column().format().map(f -> f.format(v)).orElse(v == null ? "" : v.toString());
        }
        cells.add(line);
    }

    @Override
    public void finish() {
        int n = columns.size();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = columns.get(i).name().length();
            right[i] = columns.get(i).column().isMetricValue();
        }
        for (String[] line : cells) {
            for (int i = 0; i < n; i++) width[i] = Math.max(width[i], line[i].length());
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, columns.stream().map(ResultView.Shown::name).toArray(String[]::new), width, right);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append("  ");
            sb.append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (String[] line : cells) appendLine(sb, line, width, right);
        if (cells.isEmpty()) sb.append("(no rows — widen the date range or loosen the filters)\n");
        out.print(sb);
        out.flush();
    }

    private static void appendLine(StringBuilder sb, String[] line, int[] width, boolean[] right) {
        for (int i = 0; i < line.length; i++) {
            if (i > 0) sb.append("  ");
            String pad = " ".repeat(width[i] - line[i].length());
            if (right[i]) sb.append(pad).append(line[i]);
            else if (i < line.length - 1) sb.append(line[i]).append(pad);
            else sb.append(line[i]);
        }
        sb.append('\n');
    }
}
