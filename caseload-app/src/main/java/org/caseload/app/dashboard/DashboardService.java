package org.caseload.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.caseload.app.explore.AnalyticsService;
import org.caseload.app.explore.QueryBody;
import org.caseload.app.system.AnalyticsFailures;
import org.caseload.app.system.CaseloadProperties;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.RequestException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Dashboards and their tiles. A dashboard's tiles run in parallel on a bounded executor (so one
 * big dashboard cannot take every analytics connection), each as the viewing user, so grants apply.
 */
@Service
public class DashboardService implements DisposableBean {
    private final DashboardRepository dashboards;
    private final AnalyticsService analytics;
    private final ObjectMapper json;
    private final ExecutorService tiles;
    private final java.time.Duration queryTimeout;

    public DashboardService(DashboardRepository dashboards, AnalyticsService analytics, ObjectMapper json, CaseloadProperties props) {
        this.dashboards = dashboards;
        this.analytics = analytics;
        this.json = json;
        this.queryTimeout = props.analytics().queryTimeout();
        this.tiles = Executors.newFixedThreadPool(props.dashboard().parallelism(), r -> {
            Thread t = new Thread(r, "caseload-tile");
            t.setDaemon(true);
            return t;
        });
    }

    /** A tile's outcome: its rows, or the error to show in its place (other tiles still render). */
    public record TileResult(Tile tile, QueryBody request, QueryResult result, String error) {}

    @Transactional(readOnly = true)
    public List<Dashboard> all() {
        return dashboards.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Dashboard get(long id) {
        return dashboards.findById(id).orElseThrow(() -> new NoSuchElementException("no dashboard " + id));
    }

    @Transactional
    public Dashboard create(String name, String owner) {
        return dashboards.save(new Dashboard(requireName(name), owner));
    }

    @Transactional
    public Dashboard rename(long id, String name) {
        Dashboard d = get(id);
        d.rename(requireName(name));
        return d;
    }

    @Transactional
    public void delete(long id) {
        dashboards.delete(get(id));
    }

    @Transactional
    public Tile addTile(long dashboardId, String title, String chartType, QueryBody request) {
        // A tile must be a valid request when it is saved, not only when it is shown.
        analytics.engine().compile(request.toRequest(), org.caseload.engine.query.AccessScope.UNRESTRICTED);
        Dashboard d = get(dashboardId);
        Tile t = d.addTile(requireName(title), chartType(chartType), json.writeValueAsString(request));
        dashboards.saveAndFlush(d);
        return t;
    }

    @Transactional
    public void removeTile(long dashboardId, long tileId) {
        get(dashboardId).removeTile(tileId);
    }

    @Transactional
    public void reorder(long dashboardId, List<Long> tileIds) {
        get(dashboardId).reorder(tileIds);
    }

    /** Runs every tile of the dashboard in parallel as {@code username}; waits for all. */
    public List<TileResult> run(long dashboardId, String username) {
        Dashboard d = get(dashboardId);
        // Tile threads carry the page's request id, so each tile's SQL is found under it in the logs and the audit.
        String requestId = org.slf4j.MDC.get("requestId");
        List<CompletableFuture<TileResult>> futures = new ArrayList<>();
        for (Tile t : d.getTiles()) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                if (requestId != null) org.slf4j.MDC.put("requestId", requestId);
                try {
                    return runTile(t, username);
                } finally {
                    org.slf4j.MDC.remove("requestId");
                }
            }, tiles));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private TileResult runTile(Tile t, String username) {
        QueryBody body = json.readValue(t.getRequestJson(), QueryBody.class);
        try {
            return new TileResult(t, body, analytics.run(body.toRequest(), username, "tile"), null);
        } catch (RequestException e) {
            return new TileResult(t, body, null, e.describe());
        } catch (RuntimeException e) {
            return new TileResult(t, body, null, AnalyticsFailures.describe(e, queryTimeout));
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a name is required");
        if (name.length() > 200) throw new IllegalArgumentException("a name is at most 200 characters");
        return name.trim();
    }

    private static String chartType(String type) {
        String t = type == null ? "line" : type;
        if (!List.of("line", "bar", "table", "kpi").contains(t)) {
            throw new IllegalArgumentException("chart type must be line, bar, table or kpi, not '" + type + "'");
        }
        return t;
    }

    @Override
    public void destroy() {
        tiles.shutdownNow();
    }
}
