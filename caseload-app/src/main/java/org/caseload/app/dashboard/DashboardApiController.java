package org.caseload.app.dashboard;

import java.util.List;
import org.caseload.app.explore.QueryBody;
import org.caseload.app.user.UserService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Dashboards CRUD, tiles, and the dashboard's results (tiles run in parallel). */
@RestController
@RequestMapping("/api/dashboards")
public class DashboardApiController {
    private final DashboardService service;
    private final tools.jackson.databind.ObjectMapper json;

    public DashboardApiController(DashboardService service, tools.jackson.databind.ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    public record TileView(long id, int position, String title, String chartType, QueryBody request) {}

    public record DashboardView(long id, String name, String owner, List<TileView> tiles) {}

    public record NameBody(String name) {}

    public record TileBody(String title, String chartType, QueryBody request) {}

    public record OrderBody(List<Long> tileIds) {}

    public record TileResultView(long tileId, String title, Object result, String error) {}

    private DashboardView view(Dashboard d) {
        return new DashboardView(d.getId(), d.getName(), d.getOwner(), d.getTiles().stream()
                .map(t -> new TileView(t.getId(), t.getPosition(), t.getTitle(), t.getChartType(),
                        json.readValue(t.getRequestJson(), QueryBody.class))).toList());
    }

    @GetMapping
    public List<DashboardView> list() {
        return service.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public DashboardView get(@PathVariable long id) {
        return view(service.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public DashboardView create(@RequestBody NameBody body) {
        return view(service.create(body.name(), UserService.currentUsername()));
    }

    @PutMapping("/{id}")
    public DashboardView rename(@PathVariable long id, @RequestBody NameBody body) {
        return view(service.rename(id, body.name()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        service.delete(id);
    }

    @PostMapping("/{id}/tiles")
    @ResponseStatus(HttpStatus.CREATED)
    public DashboardView addTile(@PathVariable long id, @RequestBody TileBody body) {
        if (body.request() == null) throw new IllegalArgumentException("a tile needs a request");
        service.addTile(id, body.title(), body.chartType(), body.request());
        return view(service.get(id));
    }

    @DeleteMapping("/{id}/tiles/{tileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeTile(@PathVariable long id, @PathVariable long tileId) {
        service.removeTile(id, tileId);
    }

    @PutMapping("/{id}/order")
    public DashboardView reorder(@PathVariable long id, @RequestBody OrderBody body) {
        service.reorder(id, body.tileIds());
        return view(service.get(id));
    }

    @GetMapping("/{id}/results")
    public List<TileResultView> results(@PathVariable long id) {
        return service.run(id, UserService.currentUsername()).stream()
                .map(r -> new TileResultView(r.tile().getId(), r.tile().getTitle(),
                        r.result() == null ? null : org.caseload.app.explore.QueryApiController.replyOf(r.result()), r.error()))
                .toList();
    }
}
