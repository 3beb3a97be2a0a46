package org.caseload.app.explore;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caseload.cli.output.ResultWriter;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.engine.query.RequestSyntax;
import org.caseload.engine.render.QueryCompiler;
import org.caseload.app.system.ClientGoneException;
import org.caseload.app.user.UserService;
import org.caseload.model.Dimension;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analytics API: the catalog, queries as JSON, and CSV export. No endpoint takes SQL or a JDBC URL. */
@RestController
@RequestMapping("/api")
public class QueryApiController {
    private final AnalyticsService analytics;
    private final SemanticModel model;

    public QueryApiController(AnalyticsService analytics, SemanticModel model) {
        this.analytics = analytics;
        this.model = model;
    }

    public record ColumnInfo(String name, String label, String type, String format) {}

    /** {@code outliers} lists the cells that stand out (row, column, z, tone), for highlighting. */
    public record QueryReply(List<ColumnInfo> columns, List<Object[]> rows, String sql, long durationMs,
                             List<CellOutliers.Mark> outliers) {}

    public record MetricInfo(String name, String label, String description, String format, String direction,
                             String formula, List<String> dimensions) {}

    public record DimensionInfo(String name, String label, String description) {}

    public record Catalog(List<MetricInfo> metrics, List<DimensionInfo> dimensions, List<String> grains) {}

    @Operation(summary = "The metric catalog: metrics with the dimensions each can use, dimensions, grains")
    @GetMapping("/metrics")
    public Catalog metrics() {
        return catalog(model, analytics.engine().compiler());
    }

    @Operation(summary = "Run a metric request; values raw, SQL inlined")
    @PostMapping(value = "/query", consumes = MediaType.APPLICATION_JSON_VALUE)
    public QueryReply query(@RequestBody QueryBody body) {
        QueryResult r = analytics.run(body.toRequest(), UserService.currentUsername(), "api");
        return replyOf(r);
    }

    @Operation(summary = "The same request as query parameters, as CSV (filter=dim=v1,v2 or filter=dim!=v, repeatable)")
    @GetMapping(value = "/query.csv", produces = "text/csv")
    public void csv(@RequestParam String metrics, @RequestParam(required = false, defaultValue = "") String dimensions,
                    @RequestParam(required = false) String grain, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) List<String> filter,
                    @RequestParam(required = false) List<String> having, @RequestParam(required = false) String order,
                    @RequestParam(required = false) Integer limit, @RequestParam(required = false) String compare,
                    @RequestParam(required = false, defaultValue = "false") boolean keys,
                    HttpServletResponse response) throws IOException {
        List<QueryBody.FilterBody> filters = new ArrayList<>();
        if (filter != null) {
            for (String f : filter) {
                var parsed = RequestSyntax.filter(f, "filter");
                filters.add(new QueryBody.FilterBody(parsed.dimension(), parsed.op().name().toLowerCase(), parsed.values()));
            }
        }
        MetricRequest request = new QueryBody(RequestSyntax.names(metrics), RequestSyntax.names(dimensions), grain, from, to,
                filters, having, order == null ? List.of() : RequestSyntax.names(order), limit, compare).toRequest();
        // The writer is made once the request is planned: a bad request still gets a 400 with a JSON body.
        ResultWriter[] writer = new ResultWriter[1];
        ClientStream[] client = new ClientStream[1];
        long[] sent = {0};
        analytics.stream(request, UserService.currentUsername(), "csv", columns -> {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"caseload.csv\"");
            try {
                client[0] = new ClientStream(response.getOutputStream());
                PrintStream out = new PrintStream(new BufferedOutputStream(client[0], 1 << 16), false, StandardCharsets.UTF_8);
                writer[0] = ResultWriter.of("csv", columns, keys, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return row -> {
                writer[0].row(row);
                // A PrintStream swallows write errors: without this check a closed download would be read to its end.
                if (client[0].failure != null) throw new ClientGoneException(sent[0], client[0].failure);
                sent[0]++;
            };
        });
        writer[0].finish();
        if (client[0].failure != null) throw new ClientGoneException(sent[0], client[0].failure);
    }

    /** The response stream, remembering the first write that failed (the client closed the connection). */
    static final class ClientStream extends java.io.FilterOutputStream {
        volatile IOException failure;

        ClientStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }
    }

    public static QueryReply replyOf(QueryResult r) {
        List<ColumnInfo> cols = r.columns().stream().map(QueryApiController::column).toList();
        return new QueryReply(cols, r.rows(), r.sql(), r.durationMillis(), CellOutliers.find(r));
    }

    static ColumnInfo column(OutputColumn c) {
        return new ColumnInfo(c.name(), c.label(), c.role().name().toLowerCase(), c.format().map(f -> f.yamlName()).orElse(null));
    }

    /** Every metric with the dimensions it can reach, found by planning a one-dimension request. */
    public static Catalog catalog(SemanticModel model, QueryCompiler compiler) {
        List<MetricInfo> metrics = new ArrayList<>();
        for (Metric m : model.metrics().values()) {
            List<String> dims = new ArrayList<>();
            for (Dimension d : model.dimensions().values()) {
                try {
                    compiler.compile(MetricRequest.builder().metrics(m.name()).dimensions(d.name()).build(),
                            org.caseload.engine.query.AccessScope.UNRESTRICTED);
                    dims.add(d.name());
                } catch (RequestException unreachable) {
                    // not reachable from this metric's facts
                }
            }
            metrics.add(new MetricInfo(m.name(), m.label(), m.description(), m.format().yamlName(),
                    m.direction().yamlName(), m.formulaText().orElse(null), dims));
        }
        List<DimensionInfo> dims = model.dimensions().values().stream()
                .map(d -> new DimensionInfo(d.name(), d.label(), d.description())).toList();
        return new Catalog(metrics, dims, List.of("day", "week", "month", "quarter", "year"));
    }
}
