package org.caseload.app.explore;

import org.caseload.app.dashboard.DashboardService;
import org.caseload.model.SemanticModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Explore page; the page runs queries through /api/query so long ones can show progress and be cancelled. */
@Controller
public class ExploreController {
    private final SemanticModel model;
    private final DashboardService dashboards;
    private final SavedExplorationRepository explorations;

    public ExploreController(SemanticModel model, DashboardService dashboards, SavedExplorationRepository explorations) {
        this.model = model;
        this.dashboards = dashboards;
        this.explorations = explorations;
    }

    @GetMapping("/explore")
    public String explore(@RequestParam(required = false) Long saved, Model ui) {
        ui.addAttribute("active", "explore");
        ui.addAttribute("metrics", model.metrics().values());
        ui.addAttribute("dimensions", model.dimensions().values());
        ui.addAttribute("dashboards", dashboards.all());
        ui.addAttribute("explorations", explorations.findAllByOrderByNameAsc());
        ui.addAttribute("saved", saved == null ? null : explorations.findById(saved).orElse(null));
        return "explore";
    }
}
