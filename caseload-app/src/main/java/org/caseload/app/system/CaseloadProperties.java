package org.caseload.app.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code caseload.*}: where the analytics database is, demo mode, the analytics SQL
 * log file, the per-query timeout and the dashboard tile executor size.
 */
@ConfigurationProperties(prefix = "caseload")
public record CaseloadProperties(Analytics analytics, boolean demo, Path sqlLog, Dashboard dashboard) {
    public CaseloadProperties {
        analytics = analytics == null ? new Analytics(Path.of("data/caseload.duckdb"), null, null, null, null, null, null) : analytics;
        dashboard = dashboard == null ? new Dashboard(4) : dashboard;
    }

    /**
     * The analytics database: a DuckDB file by default, or a server by JDBC URL ({@code url},
     * {@code user}, {@code password}). {@code queryTimeout} bounds each analytics query (default 30 s);
     * {@code connectionTimeout} is how long a request waits for a connection before it is answered
     * "unavailable" (default 5 s, so an outage shows within seconds). See {@link ServerPools}.
     */
    public record Analytics(Path db, String url, String user, String password, Duration queryTimeout, Integer poolSize,
                            Duration connectionTimeout) {
        public Analytics {
            db = db == null ? Path.of("data/caseload.duckdb") : db;
            url = url == null || url.isBlank() ? null : url.trim();
            queryTimeout = queryTimeout == null ? Duration.ofSeconds(30) : queryTimeout;
            poolSize = poolSize == null ? 8 : poolSize;
            connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
        }
    }

    /** Tiles of one dashboard run in parallel on at most {@code parallelism} threads. */
    public record Dashboard(int parallelism) {}
}
