package org.caseload.cli.output;

import java.io.PrintStream;
import java.util.List;

/** A JSON array of objects keyed by column name, raw values, one row per line so it streams. */
final class JsonWriter implements ResultWriter {
    private final List<ResultView.Shown> columns;
    private final PrintStream out;
    private boolean first = true;

    JsonWriter(List<ResultView.Shown> columns, PrintStream out) {
        this.columns = columns;
        this.out = out;
        out.print('[');
    }

    @Override
    public void row(Object[] values) {
        StringBuilder sb = new StringBuilder(first ? "\n  {" : ",\n  {");
        first = false;
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(Json.string(columns.get(i).name())).append(": ").append(Json.value(values[columns.get(i).index()]));
        }
        out.print(sb.append('}'));
    }

    @Override
    public void finish() {
        out.println(first ? "]" : "\n]");
        out.flush();
    }
}
