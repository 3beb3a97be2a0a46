package org.caseload.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.caseload.cli.output.ResultWriter;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.engine.query.RequestSyntax;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.engine.render.QueryCompiler;
import org.caseload.model.SemanticModel;
import org.jooq.SQLDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "query", description = "Metrics by dimensions over a date range, as a table, CSV or JSON.",
        sortOptions = false)
final class QueryCommand implements Callable<Integer> {
    @Option(names = "--metrics", required = true, paramLabel = "m1,m2", description = "Metrics to compute (see `caseload metrics`).")
    String metrics;

    @Option(names = "--by", paramLabel = "d1,d2", description = "Dimensions to group by: location, region, service, role_group, staff, patient_sex, patient_age_band.")
    String by = "";

    @Option(names = "--grain", paramLabel = "G", description = "Time grain: day, week (ISO, Monday), month, quarter, year.")
    String grain;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (exclusive).")
    String to;

    @Option(names = "--filter", paramLabel = "dim=v1,v2|dim!=v", description = "Keep (=) or drop (!=) members, by key or label. Repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--having", paramLabel = "metric>value", description = "Keep rows whose metric passes (> >= < <= = !=). Repeatable.")
    List<String> having = new ArrayList<>();

    @Option(names = "--order", paramLabel = "m|-m", description = "Sort by metric or dimension; '-' for descending. Comma-separated.")
    String order;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Integer limit;

    @Option(names = "--compare", paramLabel = "C", description = "previous_period or previous_year: adds previous value, delta and delta % per metric.")
    String compare;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table (formatted), csv or json (raw values).")
    String format;

    @Option(names = "--keys", description = "Print dimension keys (source ids) instead of labels.")
    boolean keys;

    @Option(names = "--sql", arity = "0..1", fallbackValue = "inline", paramLabel = "params",
            description = "Print the SQL instead of running it: inlined and runnable as-is, or `--sql=params` for placeholders and bind values.")
    String sql;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new BadInputException("--format: unknown format '" + format + "' — one of table, csv, json");
        }
        if (sql != null && !List.of("inline", "params").contains(sql)) {
            throw new BadInputException("--sql: unknown form '" + sql + "' — use --sql or --sql=params");
        }
        MetricRequest request = request();
        SemanticModel model = database.loadModel();
        // Printing SQL needs only the model and the dialect, not the database.
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        if (sql != null) {
            // The dialect of --url when given (no connection is made), else DuckDB's.
            SQLDialect dialect = database.hasUrl() ? database.target().dialect() : SQLDialect.DUCKDB;
            CompiledQuery q = new QueryCompiler(model, Dialect.of(dialect)).compile(request, AccessScope.UNRESTRICTED);
            printSql(q, out);
            return Main.OK;
        }
        AnalyticsDatabase analytics = database.existing();
        try (HikariDataSource ds = analytics.pool(true, 2)) {
            Engine engine = new Engine(model, ds, analytics.dialect());
            CompiledQuery q = engine.compile(request, AccessScope.UNRESTRICTED);
            ResultWriter writer = ResultWriter.of(format, q.plan().columns(), keys, out);
            engine.stream(q, writer::row);
            writer.finish();
        }
        return Main.OK;
    }

    private void printSql(CompiledQuery q, PrintStream out) {
        if (sql.equals("inline")) {
            out.println(q.inlineSql() + ";");
        } else {
            out.println(q.parameterSql() + ";");
            out.println("-- bind values, in order:");
            for (int i = 0; i < q.bindValues().size(); i++) {
                Object v = q.bindValues().get(i);
                out.println("-- " + (i + 1) + ": " + v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")"));
            }
        }
        out.flush();
    }

    MetricRequest request() {
        List<DimensionFilter> f = new ArrayList<>();
        for (String text : filters) f.add(RequestSyntax.filter(text, "filters"));
        List<MetricFilter> h = new ArrayList<>();
        for (String text : having) h.add(RequestSyntax.having(text, "having"));
        List<Order> o = order == null ? List.of() : RequestSyntax.names(order).stream().map(RequestSyntax::order).toList();
        return new MetricRequest(
                RequestSyntax.names(metrics),
                RequestSyntax.names(by),
                Optional.ofNullable(grain).map(g -> RequestSyntax.grain(g, "grain")),
                Optional.ofNullable(from).map(d -> RequestSyntax.date(d, "from")),
                Optional.ofNullable(to).map(d -> RequestSyntax.date(d, "to")),
                f, h, o,
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
                Optional.ofNullable(compare).map(c -> RequestSyntax.comparison(c, "compare")));
    }
}
