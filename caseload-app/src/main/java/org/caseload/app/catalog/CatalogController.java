package org.caseload.app.catalog;

import org.caseload.app.explore.AnalyticsService;
import org.caseload.app.explore.QueryApiController;
import org.caseload.model.SemanticModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The metric catalog: label, description, formula, format, and the dimensions each metric can use. */
@Controller
public class CatalogController {
    private final SemanticModel model;
    private final AnalyticsService analytics;

    public CatalogController(SemanticModel model, AnalyticsService analytics) {
        this.model = model;
        this.analytics = analytics;
    }

    @GetMapping("/catalog")
    public String catalog(Model ui) {
        ui.addAttribute("active", "catalog");
        ui.addAttribute("catalog", QueryApiController.catalog(model, analytics.engine().compiler()));
        ui.addAttribute("scores", model.scores().values());
        return "catalog";
    }
}
