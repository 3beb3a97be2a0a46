package org.caseload.app.explore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.caseload.app.audit.AuditEntry;
import org.caseload.app.audit.AuditService;
import org.caseload.app.system.AnalyticsFailures;
import org.caseload.app.system.AnalyticsSqlLog;
import org.caseload.app.system.CaseloadProperties;
import org.caseload.app.system.ClientGoneException;
import org.caseload.app.system.ReadRetry;
import org.caseload.app.system.RunningStatements;
import org.caseload.app.user.UserService;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.CompiledQuery;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * The one way the application runs analytics: the signed-in user's grants go into the plan, the
 * statement has a timeout ({@code caseload.analytics.query-timeout}), a query whose connection broke
 * before it sent a row runs once more on another connection ({@link ReadRetry}), a query whose client
 * went away is cancelled, and every query — successful or not — is written to the audit log and the
 * analytics SQL log. UI, API, CSV export and dashboard tiles all come through here.
 */
@Service
public class AnalyticsService {
    private final Engine engine;
    private final UserService users;
    private final AuditService audit;
    private final AnalyticsSqlLog sqlLog;
    private final CaseloadProperties props;
    private final ReadRetry retry;

    public AnalyticsService(Engine engine, UserService users, AuditService audit, AnalyticsSqlLog sqlLog, CaseloadProperties props,
                            ReadRetry retry) {
        this.engine = engine;
        this.users = users;
        this.audit = audit;
        this.sqlLog = sqlLog;
        this.props = props;
        this.retry = retry;
    }

    public Engine engine() {
        return engine;
    }

    /** Runs a request for {@code username} (tiles run on other threads, so the user is passed, not looked up). */
    public QueryResult run(MetricRequest request, String username, String source) {
        java.util.ArrayList<Object[]> rows = new java.util.ArrayList<>();
        Execution e = stream(request, username, source, columns -> rows::add);
        return new QueryResult(e.query().plan().columns(), rows, e.query().inlineSql(), e.durationMs());
    }

    public record Execution(CompiledQuery query, long rows, long durationMs) {}

    /**
     * Streams the rows to the sink that {@code sinkFor} makes from the planned columns: the request is
     * planned (and a bad one rejected) before the sink exists, so nothing is written for it.
     */
    public Execution stream(MetricRequest request, String username, String source,
                            java.util.function.Function<List<org.caseload.engine.plan.OutputColumn>, Consumer<Object[]>> sinkFor) {
        String requestId = requestId();
        AccessScope scope = users.scopeOf(username);
        long start = System.nanoTime();
        CompiledQuery q = null;
        long[] count = {0};
        try {
            q = engine.compile(request, scope);
            CompiledQuery query = q;
            Consumer<Object[]> sink = sinkFor.apply(q.plan().columns());
            Consumer<Object[]> counted = row -> {
                try {
                    sink.accept(row);
                } catch (ClientGoneException gone) {
                    // Before the engine closes the cursor: the server stops now, not after the rows nobody reads.
                    RunningStatements.cancelOnThisThread();
                    throw gone;
                }
                count[0]++;
            };
            retry.read("the " + source + " query of " + requestId, () -> {
                try {
                    engine.stream(query, counted, props.analytics().queryTimeout());
                } finally {
                    RunningStatements.forgetOnThisThread();
                }
                return null;
            }, () -> count[0] == 0);
            long ms = (System.nanoTime() - start) / 1_000_000;
            log(request, username, source, requestId, q, count[0], ms, null);
            return new Execution(q, count[0], ms);
        } catch (RuntimeException ex) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            // Rows a stream sent before it failed are counted; a query that sent none has no row count.
            log(request, username, source, requestId, q, count[0] > 0 ? count[0] : null, ms, AnalyticsFailures.forAudit(ex, 1000));
            throw ex;
        }
    }

    private void log(MetricRequest r, String user, String source, String requestId, CompiledQuery q, Long rows, long ms, String error) {
        String sql = q == null ? null : q.inlineSql();
        audit.record(new AuditEntry(Instant.now(), user, requestId, source, String.join(",", r.metrics()),
                String.join(",", r.dimensions()) + r.grain().map(g -> (r.dimensions().isEmpty() ? "" : ",") + g.yamlName()).orElse(""),
                truncate(describeFilters(r), 2000), rows, ms, sql == null ? null : sha256(sql), truncate(error, 1000)));
        if (sql != null) sqlLog.record(requestId, user, source, ms, rows, sql, error);
    }

    private static String describeFilters(MetricRequest r) {
        List<String> parts = new java.util.ArrayList<>();
        r.filters().forEach(f -> parts.add(f.dimension() + (f.op() == org.caseload.engine.query.DimensionFilter.Op.NOT_IN ? "!=" : "=")
                + String.join("|", f.values())));
        r.from().ifPresent(d -> parts.add("from=" + d));
        r.to().ifPresent(d -> parts.add("to=" + d));
        r.having().forEach(h -> parts.add("having " + h.metric() + h.op().symbol + h.value().toPlainString()));
        r.compare().ifPresent(c -> parts.add("compare=" + c.wireName()));
        return String.join("; ", parts);
    }

    /** The request id of the HTTP request (set by {@code RequestIdFilter}), or a fresh one. */
    private static String requestId() {
        String id = MDC.get("requestId");
        return id != null ? id : UUID.randomUUID().toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
