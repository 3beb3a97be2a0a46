package org.caseload.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes plain records (a header and rows of already-chosen values) as table, CSV or JSON, for
 * verbs whose columns are not a query's: scores and outliers. Tables get the display strings,
 * CSV and JSON the raw values.
 */
public final class Records {
    private Records() {}

    /** A cell: the raw value for CSV/JSON and its display text for tables. */
    public record Cell(Object raw, String text, boolean number) {
        public static Cell of(Object raw) {
            return new Cell(raw, raw == null ? "" : raw.toString(), raw instanceof Number);
        }

        public static Cell of(Object raw, String text) {
            return new Cell(raw, text, raw instanceof Number);
        }
    }

    public static void write(String format, List<String> header, List<List<Cell>> rows, PrintStream out) {
        switch (format) {
            case "csv" -> {
                out.print(String.join(",", header.stream().map(Records::csv).toList()) + "\r\n");
                for (List<Cell> r : rows) {
                    out.print(String.join(",", r.stream().map(c -> c.raw() == null ? "" : csv(Json.plain(c.raw()))).toList()) + "\r\n");
                }
            }
            case "json" -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < rows.size(); i++) {
                    sb.append(i == 0 ? "\n  {" : ",\n  {");
                    for (int j = 0; j < header.size(); j++) {
                        if (j > 0) sb.append(", ");
                        sb.append(Json.string(header.get(j))).append(": ").append(Json.value(rows.get(i).get(j).raw()));
                    }
                    sb.append('}');
                }
                out.println(sb.append(rows.isEmpty() ? "]" : "\n]"));
            }
            default -> table(header, rows, out);
        }
        out.flush();
    }

    private static void table(List<String> header, List<List<Cell>> rows, PrintStream out) {
        int n = header.size();
        int[] w = new int[n];
        for (int j = 0; j < n; j++) w[j] = header.get(j).length();
        for (List<Cell> r : rows) for (int j = 0; j < n; j++) w[j] = Math.max(w[j], r.get(j).text().length());
        List<String> lines = new ArrayList<>();
        lines.add(line(header.stream().map(h -> Cell.of(h)).toList(), w, true));
        lines.add(String.join("  ", java.util.Arrays.stream(w).mapToObj("-"::repeat).toList()));
        for (List<Cell> r : rows) lines.add(line(r, w, false));
        out.println(String.join("\n", lines));
    }

    private static String line(List<Cell> cells, int[] w, boolean header) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) sb.append("  ");
            String t = cells.get(j).text();
            String pad = " ".repeat(w[j] - t.length());
            sb.append(!header && cells.get(j).number() ? pad + t : j == cells.size() - 1 ? t : t + pad);
        }
        return sb.toString();
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
