package org.caseload.dialects;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.caseload.cli.Main;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;

/**
 * The {@code caseload} command run in this JVM ({@link Main#run}), its standard output and error captured: the
 * SQL the console check pipes into a client is the text a person gets from {@code caseload query --sql}, not a
 * rendering of the suite's own.
 */
public final class CaseloadCommand {
    private CaseloadCommand() {}

    /** Exit code and what the command printed. */
    public record Run(int exit, String out, String err) {}

    /** Runs {@code caseload args...}. Synchronized: it swaps System.out and System.err for the call. */
    public static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** {@code caseload query ... --url URL --sql}: the inlined SQL for the URL's dialect, printed without connecting. */
    public static Run printSql(MetricRequest request, String jdbcUrl) {
        List<String> args = queryArguments(request);
        args.addAll(List.of("--url", jdbcUrl, "--sql"));
        return run(args.toArray(String[]::new));
    }

    /** The command-line form of a request, as a person would type it (each argument one shell word). */
    public static List<String> queryArguments(MetricRequest r) {
        List<String> args = new ArrayList<>(List.of("query", "--metrics", String.join(",", r.metrics())));
        if (!r.dimensions().isEmpty()) {
            args.addAll(List.of("--by", String.join(",", r.dimensions())));
        }
        r.grain().ifPresent(g -> args.addAll(List.of("--grain", g.yamlName())));
        r.from().ifPresent(d -> args.addAll(List.of("--from", d.toString())));
        r.to().ifPresent(d -> args.addAll(List.of("--to", d.toString())));
        for (DimensionFilter f : r.filters()) {
            for (String v : f.values()) {
                // --filter splits on commas and trims: such a value has no command-line form.
                if (v.contains(",") || !v.equals(v.trim()) || v.isEmpty()) {
                    throw new IllegalArgumentException("filter value '" + v + "' cannot be written as --filter");
                }
            }
            args.addAll(List.of("--filter", f.dimension() + (f.op() == DimensionFilter.Op.NOT_IN ? "!=" : "=")
                    + String.join(",", f.values())));
        }
        for (MetricFilter h : r.having()) {
            args.addAll(List.of("--having", h.metric() + h.op().symbol + h.value().toPlainString()));
        }
        if (!r.order().isEmpty()) {
            args.addAll(List.of("--order", r.order().stream().map(o -> (o.descending() ? "-" : "") + o.name())
                    .collect(Collectors.joining(","))));
        }
        r.limit().ifPresent(n -> args.addAll(List.of("--limit", Integer.toString(n))));
        r.compare().ifPresent(c -> args.addAll(List.of("--compare", c.wireName())));
        return args;
    }
}
