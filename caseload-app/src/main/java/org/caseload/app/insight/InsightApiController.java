package org.caseload.app.insight;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caseload.engine.query.RequestSyntax;
import org.caseload.insights.outlier.Flag;
import org.caseload.insights.outlier.Method;
import org.caseload.insights.outlier.OutlierRequest;
import org.caseload.insights.outlier.OutlierResult;
import org.caseload.insights.score.ScoreRequest;
import org.caseload.insights.score.ScoreResult;
import org.caseload.insights.score.ScoredEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/scores and GET /api/outliers, with the parameters of the CLI verbs. */
@RestController
@RequestMapping("/api")
public class InsightApiController {
    private final InsightService insights;

    public InsightApiController(InsightService insights) {
        this.insights = insights;
    }

    public record ScoreRow(String entity, String entityKey, String peerGroup, Double score, Integer rank,
                           List<ScoredEntity.ComponentScore> components, String notScored) {}

    public record FlagRow(String entity, String entityKey, String peerGroup, String period, String metric, double value,
                          double expected, Double deviationPct, Double z, String direction, String explanation, String drilldown) {}

    public record OutlierReply(List<FlagRow> flags, long untested, long lowVolume) {}

    @GetMapping("/scores")
    public List<ScoreRow> scores(@RequestParam(defaultValue = "overall") String score, @RequestParam String by,
                                 @RequestParam(required = false) String within, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) List<String> filter) {
        ScoreResult r = insights.scores(scoreRequest(score, by, within, from, to, filter));
        return r.entities().stream().map(e -> new ScoreRow(e.entity().label(), e.entity().key(), e.peerGroup().label(),
                e.score().isPresent() ? e.score().getAsDouble() : null, e.rank().isPresent() ? e.rank().getAsInt() : null,
                e.components(), e.notScored().orElse(null))).toList();
    }

    @GetMapping("/outliers")
    public OutlierReply outliers(@RequestParam String metric, @RequestParam String by, @RequestParam(required = false) String within,
                                 @RequestParam(required = false) String grain, @RequestParam(defaultValue = "mad") String method,
                                 @RequestParam(required = false) Double threshold, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) List<String> filter) {
        OutlierResult r = insights.outliers(outlierRequest(metric, by, within, grain, method, threshold, from, to, filter));
        return new OutlierReply(r.flags().stream().map(InsightApiController::row).toList(), r.untested().size(),
                r.untested().stream().filter(u -> u.reason().startsWith("low volume")).count());
    }

    static FlagRow row(Flag f) {
        return new FlagRow(f.entity().label(), f.entity().key(), f.peerGroup().label(), f.period().map(Object::toString).orElse(null),
                f.metric(), f.value(), f.expected(), f.deviationPct(), f.z(), f.direction(), f.explanation(), f.drilldown().orElse(null));
    }

    static ScoreRequest scoreRequest(String score, String by, String within, String from, String to, List<String> filter) {
        return new ScoreRequest(score, by, Optional.ofNullable(blank(within)),
                Optional.ofNullable(blank(from)).map(d -> RequestSyntax.date(d, "from")),
                Optional.ofNullable(blank(to)).map(d -> RequestSyntax.date(d, "to")), filters(filter));
    }

    static OutlierRequest outlierRequest(String metric, String by, String within, String grain, String method, Double threshold,
                                         String from, String to, List<String> filter) {
        Method m = Method.parse(method, "method");
        return new OutlierRequest(metric, by, Optional.ofNullable(blank(within)),
                Optional.ofNullable(blank(grain)).map(g -> RequestSyntax.grain(g, "grain")), m,
                threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                Optional.ofNullable(blank(from)).map(d -> RequestSyntax.date(d, "from")),
                Optional.ofNullable(blank(to)).map(d -> RequestSyntax.date(d, "to")), filters(filter), OutlierRequest.DEFAULT_MIN_VOLUME);
    }

    private static List<org.caseload.engine.query.DimensionFilter> filters(List<String> filter) {
        return filter == null ? List.of() : filter.stream().map(f -> RequestSyntax.filter(f, "filter")).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
