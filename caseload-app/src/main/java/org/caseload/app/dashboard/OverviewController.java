package org.caseload.app.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseload.app.explore.AnalyticsService;
import org.caseload.app.explore.Charts;
import org.caseload.app.system.AnalyticsFailures;
import org.caseload.app.system.CaseloadProperties;
import org.caseload.app.user.UserService;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.model.Direction;
import org.caseload.model.Grain;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The overview: KPI tiles with month-over-month deltas, a twelve-month trend, and a location table. */
@Controller
public class OverviewController {
    static final List<String> KPIS = List.of("visits", "patients", "no_show_rate", "avg_wait_minutes", "utilization",
            "staff_cost", "staff_cost_per_visit", "revenue_per_staff_hour");
    static final List<String> TABLE = List.of("visits", "no_show_rate", "avg_wait_minutes", "utilization", "staff_cost_per_visit");

    private final AnalyticsService analytics;
    private final SemanticModel model;
    private final tools.jackson.databind.ObjectMapper json;
    private final CaseloadProperties props;

    public OverviewController(AnalyticsService analytics, SemanticModel model, tools.jackson.databind.ObjectMapper json,
                              CaseloadProperties props) {
        this.analytics = analytics;
        this.model = model;
        this.json = json;
        this.props = props;
    }

    /** A KPI tile: the value, its change against the previous month, and whether the change is good news. */
    public record Kpi(String name, String label, String value, String delta, String arrow, String tone, String description) {}

    /**
     * The page, or, when the analytics database cannot answer, the page with the reason in place of
     * the figures (HTTP 503): navigation and the app-database pages keep working.
     */
    @GetMapping("/")
    public String overview(@RequestParam(required = false) String month, Model ui, HttpServletResponse response) {
        try {
            return figures(month, ui);
        } catch (org.jooq.exception.DataAccessException e) {
            ui.addAttribute("active", "overview");
            ui.addAttribute("error", AnalyticsFailures.describe(e, props.analytics().queryTimeout()));
            ui.addAttribute("hint", AnalyticsFailures.hint(e));
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return "overview";
        }
    }

    private String figures(String month, Model ui) {
        String user = UserService.currentUsername();
        LocalDate first = month != null && month.matches("\\d{4}-\\d{2}") ? LocalDate.parse(month + "-01") : latestMonth(user);
        ui.addAttribute("active", "overview");
        if (first == null) {
            ui.addAttribute("empty", true);
            return "overview";
        }
        LocalDate next = first.plusMonths(1);
        QueryResult kpis = analytics.run(MetricRequest.builder().metrics(KPIS.toArray(String[]::new)).between(first, next)
                .compare(Comparison.PREVIOUS_PERIOD).build(), user, "ui");
        List<Kpi> tiles = new ArrayList<>();
        Object[] row = kpis.rows().isEmpty() ? null : kpis.rows().get(0);
        for (String name : KPIS) {
            Metric m = model.metric(name).orElseThrow();
            Object value = row == null ? null : row[kpis.columnIndex(name)];
            Object pct = row == null ? null : row[kpis.columnIndex(name + "_delta_pct")];
            tiles.add(kpi(m, value, pct));
        }
        QueryResult trend = analytics.run(MetricRequest.builder().metrics("visits", "staff_cost_per_visit").grain(Grain.MONTH)
                .between(first.minusMonths(11), next).build(), user, "ui");
        QueryResult locations = analytics.run(MetricRequest.builder().metrics(TABLE.toArray(String[]::new))
                .dimensions("location").between(first, next).build(), user, "ui");
        ui.addAttribute("month", first.toString().substring(0, 7));
        ui.addAttribute("previousMonth", first.minusMonths(1).toString().substring(0, 7));
        ui.addAttribute("nextMonth", next.toString().substring(0, 7));
        ui.addAttribute("kpis", tiles);
        ui.addAttribute("trendJson", json.writeValueAsString(Charts.lineChart(trend, "month", List.of("visits", "staff_cost_per_visit"), model)));
        ui.addAttribute("table", Charts.table(locations, model, false));
        return "overview";
    }

    private Kpi kpi(Metric m, Object value, Object pct) {
        String tone = "neutral";
        String arrow = "";
        String delta = "";
        if (pct instanceof Number p) {
            double d = p.doubleValue();
            arrow = d > 0 ? "▲" : d < 0 ? "▼" : "■";
            delta = String.format(java.util.Locale.ENGLISH, "%+.1f%%", 100 * d);
            if (m.direction() != Direction.NEUTRAL && d != 0) {
                tone = (d > 0) == (m.direction() == Direction.HIGHER_IS_BETTER) ? "good" : "bad";
            }
        }
        return new Kpi(m.name(), m.label(), value == null ? "—" : m.format().format(value), delta, arrow, tone, m.description());
    }

    /** The last month with visits the user may see. */
    private LocalDate latestMonth(String user) {
        QueryResult r = analytics.run(MetricRequest.builder().metrics("visits").grain(Grain.MONTH)
                .orderBy(Order.desc("month")).limit(1).build(), user, "ui");
        return r.rows().isEmpty() ? null : (LocalDate) r.rows().get(0)[r.columnIndex("month")];
    }

}
