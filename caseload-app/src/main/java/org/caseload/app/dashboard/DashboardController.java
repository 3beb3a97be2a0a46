package org.caseload.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.app.explore.Charts;
import org.caseload.app.user.UserService;
import org.caseload.engine.execute.QueryResult;
import org.caseload.model.SemanticModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/** Dashboard pages: the list, one dashboard with its tiles (run in parallel), and the forms that change them. */
@Controller
public class DashboardController {
    private final DashboardService dashboards;
    private final SemanticModel model;
    private final ObjectMapper json;

    public DashboardController(DashboardService dashboards, SemanticModel model, ObjectMapper json) {
        this.dashboards = dashboards;
        this.model = model;
        this.json = json;
    }

    /** A rendered tile: a chart spec or a table, or the error that stands in its place. */
    public record TileView(long id, String title, String chartType, String chartJson, Charts.Table table, String error, String exploreUrl) {}

    @GetMapping("/dashboards")
    public String list(Model ui) {
        ui.addAttribute("active", "dashboards");
        ui.addAttribute("dashboards", dashboards.all());
        return "dashboards";
    }

    @PostMapping("/dashboards")
    public String create(@RequestParam String name, RedirectAttributes flash) {
        try {
            Dashboard d = dashboards.create(name, UserService.currentUsername());
            return "redirect:/dashboards/" + d.getId();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/dashboards";
        }
    }

    @GetMapping("/dashboards/{id}")
    public String show(@PathVariable long id, Model ui) {
        Dashboard d = dashboards.get(id);
        List<TileView> tiles = new ArrayList<>();
        for (DashboardService.TileResult r : dashboards.run(id, UserService.currentUsername())) {
            tiles.add(view(r));
        }
        ui.addAttribute("active", "dashboards");
        ui.addAttribute("dashboard", d);
        ui.addAttribute("tiles", tiles);
        return "dashboard";
    }

    private TileView view(DashboardService.TileResult r) {
        Tile t = r.tile();
        String explore = "/explore?metrics=" + String.join(",", r.request().metrics())
                + "&dimensions=" + String.join(",", r.request().dimensions())
                + (r.request().grain() == null ? "" : "&grain=" + r.request().grain())
                + (r.request().from() == null ? "" : "&from=" + r.request().from())
                + (r.request().to() == null ? "" : "&to=" + r.request().to());
        if (r.error() != null) {
            return new TileView(t.getId(), t.getTitle(), t.getChartType(), null, null, r.error(), explore);
        }
        QueryResult q = r.result();
        String chart = null;
        Charts.Table table = null;
        String time = r.request().grain();
        if (("line".equals(t.getChartType()) || "bar".equals(t.getChartType())) && time != null && r.request().dimensions().isEmpty()) {
            Map<String, Object> spec = Charts.lineChart(q, time, r.request().metrics(), model);
            spec.put("type", t.getChartType());
            chart = json.writeValueAsString(spec);
        } else {
            table = Charts.table(q, model, false);
        }
        return new TileView(t.getId(), t.getTitle(), t.getChartType(), chart, table, null, explore);
    }

    @PostMapping("/dashboards/{id}/rename")
    public String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes flash) {
        try {
            dashboards.rename(id, name);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/dashboards/" + id;
    }

    @PostMapping("/dashboards/{id}/delete")
    public String delete(@PathVariable long id) {
        dashboards.delete(id);
        return "redirect:/dashboards";
    }

    @PostMapping("/dashboards/{id}/tiles/{tileId}/delete")
    public String deleteTile(@PathVariable long id, @PathVariable long tileId) {
        dashboards.removeTile(id, tileId);
        return "redirect:/dashboards/" + id;
    }

    /** Moves a tile one place up or down. */
    @PostMapping("/dashboards/{id}/tiles/{tileId}/move")
    public String move(@PathVariable long id, @PathVariable long tileId, @RequestParam String direction) {
        List<Long> order = new ArrayList<>(dashboards.get(id).getTiles().stream().map(Tile::getId).toList());
        int i = order.indexOf(tileId);
        int j = "up".equals(direction) ? i - 1 : i + 1;
        if (i >= 0 && j >= 0 && j < order.size()) {
            java.util.Collections.swap(order, i, j);
            dashboards.reorder(id, order);
        }
        return "redirect:/dashboards/" + id;
    }

}
