package org.caseload.cli.output;

import java.io.PrintStream;
import java.util.List;
import org.caseload.engine.plan.OutputColumn;

/** Writes rows as they stream from the engine; {@link #finish()} ends the document. */
public interface ResultWriter {
    void row(Object[] values);

    void finish();

    static ResultWriter of(String format, List<OutputColumn> columns, boolean keys, PrintStream out) {
        List<ResultView.Shown> shown = ResultView.columns(columns, keys);
        return switch (format) {
            case "csv" -> new CsvWriter(shown, out);
            case "json" -> new JsonWriter(shown, out);
            default -> new TableWriter(shown, out);
        };
    }
}
