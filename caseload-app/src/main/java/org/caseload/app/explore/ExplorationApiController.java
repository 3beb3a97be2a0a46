package org.caseload.app.explore;

import java.util.List;
import java.util.NoSuchElementException;
import org.caseload.app.user.UserService;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Saved explorations CRUD. A request is validated against the model when saved. */
@RestController
@RequestMapping("/api/explorations")
public class ExplorationApiController {
    private final SavedExplorationRepository explorations;
    private final AnalyticsService analytics;
    private final ObjectMapper json;

    public ExplorationApiController(SavedExplorationRepository explorations, AnalyticsService analytics, ObjectMapper json) {
        this.explorations = explorations;
        this.analytics = analytics;
        this.json = json;
    }

    public record ExplorationBody(String name, String chartType, QueryBody request) {}

    public record ExplorationView(long id, String name, String owner, String chartType, QueryBody request) {}

    private ExplorationView view(SavedExploration e) {
        return new ExplorationView(e.getId(), e.getName(), e.getOwner(), e.getChartType(), json.readValue(e.getRequestJson(), QueryBody.class));
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<ExplorationView> list() {
        return explorations.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public ExplorationView get(@PathVariable long id) {
        return view(find(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public ExplorationView create(@RequestBody ExplorationBody body) {
        validate(body);
        return view(explorations.save(new SavedExploration(body.name().trim(), UserService.currentUsername(),
                chart(body.chartType()), json.writeValueAsString(body.request()))));
    }

    @PutMapping("/{id}")
    @Transactional
    public ExplorationView update(@PathVariable long id, @RequestBody ExplorationBody body) {
        validate(body);
        SavedExploration e = find(id);
        e.update(body.name().trim(), chart(body.chartType()), json.writeValueAsString(body.request()));
        return view(e);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void delete(@PathVariable long id) {
        explorations.delete(find(id));
    }

    private SavedExploration find(long id) {
        return explorations.findById(id).orElseThrow(() -> new NoSuchElementException("no exploration " + id));
    }

    private void validate(ExplorationBody body) {
        if (body.name() == null || body.name().isBlank()) throw new IllegalArgumentException("a name is required");
        if (body.request() == null) throw new IllegalArgumentException("an exploration needs a request");
        analytics.engine().compile(body.request().toRequest(), org.caseload.engine.query.AccessScope.UNRESTRICTED);
    }

    private static String chart(String t) {
        String c = t == null ? "table" : t;
        if (!List.of("line", "bar", "table").contains(c)) throw new IllegalArgumentException("chart type must be line, bar or table");
        return c;
    }
}
