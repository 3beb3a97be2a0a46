package org.caseload.app.insight;

import java.util.List;
import org.caseload.app.system.AnalyticsFailures;
import org.caseload.app.system.CaseloadProperties;
import org.caseload.insights.outlier.OutlierResult;
import org.caseload.insights.score.ScoreResult;
import org.caseload.model.SemanticModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The league table (scores with component bars) and the outliers page (flags with explanations and links to Explore). */
@Controller
public class InsightController {
    private final InsightService insights;
    private final SemanticModel model;
    private final CaseloadProperties props;

    public InsightController(InsightService insights, SemanticModel model, CaseloadProperties props) {
        this.insights = insights;
        this.model = model;
        this.props = props;
    }

    /** A request error as it is; a database failure as a sentence without SQL. */
    private String message(RuntimeException e) {
        return e instanceof org.jooq.exception.DataAccessException ? AnalyticsFailures.describe(e, props.analytics().queryTimeout())
                : e.getMessage();
    }

    @GetMapping("/scores")
    public String scores(@RequestParam(defaultValue = "overall") String score, @RequestParam(defaultValue = "location") String by,
                         @RequestParam(required = false) String within, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, Model ui) {
        ui.addAttribute("active", "scores");
        ui.addAttribute("scores", model.scores().values());
        ui.addAttribute("dimensions", model.dimensions().values());
        ui.addAttribute("score", score);
        ui.addAttribute("by", by);
        ui.addAttribute("within", within);
        ui.addAttribute("from", from);
        ui.addAttribute("to", to);
        try {
            ScoreResult r = insights.scores(InsightApiController.scoreRequest(score, by, within, from, to, List.of()));
            ui.addAttribute("result", r);
        } catch (RuntimeException e) {
            ui.addAttribute("error", message(e));
        }
        return "scores";
    }

    @GetMapping("/outliers")
    public String outliers(@RequestParam(defaultValue = "staff_cost_per_visit") String metric,
                           @RequestParam(defaultValue = "location") String by, @RequestParam(required = false) String within,
                           @RequestParam(defaultValue = "month") String grain, @RequestParam(defaultValue = "mad") String method,
                           @RequestParam(required = false) Double threshold, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to, Model ui) {
        ui.addAttribute("active", "outliers");
        ui.addAttribute("metrics", model.metrics().values());
        ui.addAttribute("dimensions", model.dimensions().values());
        ui.addAttribute("metric", metric);
        ui.addAttribute("by", by);
        ui.addAttribute("within", within);
        ui.addAttribute("grain", grain);
        ui.addAttribute("method", method);
        ui.addAttribute("threshold", threshold);
        try {
            OutlierResult r = insights.outliers(InsightApiController.outlierRequest(metric, by, within, grain, method, threshold, from, to, List.of()));
            ui.addAttribute("flags", r.flags().stream().map(InsightApiController::row).toList());
            ui.addAttribute("untested", r.untested().size());
        } catch (RuntimeException e) {
            ui.addAttribute("error", message(e));
        }
        return "outliers";
    }
}
