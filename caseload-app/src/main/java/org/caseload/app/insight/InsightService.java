package org.caseload.app.insight;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.caseload.app.audit.AuditEntry;
import org.caseload.app.audit.AuditService;
import org.caseload.app.system.AnalyticsFailures;
import org.caseload.app.system.ReadRetry;
import org.caseload.app.system.RunningStatements;
import org.caseload.app.user.UserService;
import org.caseload.engine.execute.Engine;
import org.caseload.insights.outlier.OutlierDetector;
import org.caseload.insights.outlier.OutlierRequest;
import org.caseload.insights.outlier.OutlierResult;
import org.caseload.insights.score.ScoreRequest;
import org.caseload.insights.score.ScoreResult;
import org.caseload.insights.score.Scorer;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/** Scores and outliers for the signed-in user: through the engine with the user's grants, audited like any query. */
@Service
public class InsightService {
    private final Scorer scorer;
    private final OutlierDetector detector;
    private final UserService users;
    private final AuditService audit;
    private final ReadRetry retry;

    public InsightService(Engine engine, UserService users, AuditService audit, ReadRetry retry) {
        this.scorer = new Scorer(engine);
        this.detector = new OutlierDetector(engine);
        this.users = users;
        this.audit = audit;
        this.retry = retry;
    }

    public ScoreResult scores(ScoreRequest request) {
        String user = UserService.currentUsername();
        return audited(user, "scores", request.score(), request.by() + request.within().map(w -> "," + w).orElse(""),
                () -> scorer.score(request, users.scopeOf(user)), r -> (long) r.entities().size());
    }

    public OutlierResult outliers(OutlierRequest request) {
        String user = UserService.currentUsername();
        return audited(user, "outliers", request.metric(), request.by() + request.within().map(w -> "," + w).orElse("")
                        + request.grain().map(g -> "," + g.yamlName()).orElse(""),
                () -> detector.detect(request, users.scopeOf(user)), r -> (long) r.flags().size());
    }

    private <T> T audited(String user, String source, String metrics, String dims, Supplier<T> work,
                          java.util.function.Function<T, Long> rows) {
        long start = System.nanoTime();
        String id = MDC.get("requestId") != null ? MDC.get("requestId") : UUID.randomUUID().toString();
        try {
            // Scores and outliers only read, and collect their rows before returning: safe to run again whole.
            T result = retry.read("the " + source + " of " + id, work, () -> true);
            audit.record(new AuditEntry(Instant.now(), user, id, source, metrics, dims, "", rows.apply(result),
                    (System.nanoTime() - start) / 1_000_000, null, null));
            return result;
        } catch (RuntimeException e) {
            audit.record(new AuditEntry(Instant.now(), user, id, source, metrics, dims, "", null,
                    (System.nanoTime() - start) / 1_000_000, null, AnalyticsFailures.forAudit(e, 1000)));
            throw e;
        } finally {
            RunningStatements.forgetOnThisThread();
        }
    }
}
