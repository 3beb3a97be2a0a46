package org.caseload.cli.output;

import java.io.PrintStream;
import java.util.List;

/** RFC 4180 CSV with raw values (no currency signs, fractions not percentages); nulls are empty fields. */
final class CsvWriter implements ResultWriter {
    private final List<ResultView.Shown> columns;
    private final PrintStream out;
    private final StringBuilder line = new StringBuilder();

    CsvWriter(List<ResultView.Shown> columns, PrintStream out) {
        this.columns = columns;
        this.out = out;
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) line.append(',');
            line.append(quote(columns.get(i).name()));
        }
        flushLine();
    }

    @Override
    public void row(Object[] values) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) line.append(',');
            Object v = values[columns.get(i).index()];
            if (v != null) line.append(quote(Json.plain(v)));
        }
        flushLine();
    }

    private void flushLine() {
        line.append("\r\n");
        out.print(line);
        line.setLength(0);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void finish() {
        out.flush();
    }
}
