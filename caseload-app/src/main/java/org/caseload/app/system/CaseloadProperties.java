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
        analytics = analytics == null ? new Analytics(Path.of("data/caseload.duckdb"), null, null, null, Duration.ofSeconds(30), 8) : analytics;
        dashboard = dashboard == null ? new Dashboard(4) : dashboard;
    }

    /**
     * The analytics database: a DuckDB file by default, or a JDBC URL. {@code maxLifetime} must stay
     * below a MySQL-family server's {@code wait_timeout}, or the server closes connections the pool
     * still thinks are alive ("server has gone away").
     */
    public record Analytics(Path db, String url, String user, String password, Duration queryTimeout, Integer poolSize) {
        public Analytics {
            db = db == null ? Path.of("data/caseload.duckdb") : db;
            queryTimeout = queryTimeout == null ? Duration.ofSeconds(30) : queryTimeout;
            poolSize = poolSize == null ? 8 : poolSize;
        }
    }

    /** Tiles of one dashboard run in parallel on at most {@code parallelism} threads. */
    public record Dashboard(int parallelism) {}
}
