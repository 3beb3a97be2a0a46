package org.caseload.app.system;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Databases;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool settings for database servers (PostgreSQL, MariaDB/MySQL), for both pools.
 *
 * <p><b>Idle limits.</b> A MySQL-family server closes connections idle for {@code wait_timeout}
 * seconds, PostgreSQL 14+ for {@code idle_session_timeout}. At pool start the limit is read from the
 * server (one connection, as the pool's own would see it), and {@code maxLifetime} and
 * {@code keepaliveTime} are lowered under it, so the pool retires or pings a connection before the
 * server drops it. HikariCP accepts neither below 30 s; under that, what keeps it working is that
 * HikariCP validates ({@code isValid()}) every connection idle for more than 500 ms before handing it
 * out, and replaces a dead one.
 *
 * <p><b>Outages</b> (analytics pool). A request waits at most {@code caseload.analytics.connection-timeout}
 * (5 s) for a connection, then gets "unavailable"; the pool does not fail at start when the server is
 * down ({@code initializationFailTimeout=-1}) and connects by itself when it is back.
 */
public final class ServerPools {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPools.class);
    /** HikariCP's floor for maxLifetime and keepaliveTime. */
    static final long HIKARI_MINIMUM_MS = 30_000;
    /** How long reading the idle limit may wait for the server at start. */
    private static final int PROBE_CONNECT_SECONDS = 3;

    private ServerPools() {}

    /** The analytics pool on a server (the DuckDB pool is the engine's {@link Databases#duckdb}). */
    public static HikariConfig analytics(CaseloadProperties.Analytics a) {
        SQLDialect dialect = Databases.dialectOf(a.url());
        // The CLI's settings (lifetime and keepalive below MySQL's default wait_timeout and most proxies' idle
        // limits, no failure at start), lowered further under the server's own limit by fitToIdleLimit.
        HikariConfig c = new AnalyticsDatabase(a.url(), a.user(), a.password())
                .serverPoolConfig(a.poolSize(), a.connectionTimeout());
        // isValid() on borrow must answer well within the connection timeout.
        c.setValidationTimeout(Math.max(250, Math.min(2_000, a.connectionTimeout().toMillis() / 2)));
        sessionStatementTimeout(dialect, a.queryTimeout()).ifPresent(sql -> {
            c.setConnectionInitSql(sql);
            // Outside autocommit the SET would belong to the first query's transaction, which the pool rolls back.
            c.setIsolateInternalQueries(true);
        });
        if (dialect.family() == SQLDialect.POSTGRES) {
            // pgjdbc streams a result through a cursor (the engine's fetch size) only inside a transaction; in
            // autocommit it reads every row into memory first. Each query is one read-only transaction, rolled back
            // by the pool when the connection comes back.
            c.setAutoCommit(false);
        }
        fitToIdleLimit(c);
        return c;
    }

    /**
     * The server-side twin of the engine's JDBC query timeout: it also bounds the queries that run
     * without one (scores, outliers) and holds if a driver ignores JDBC timeouts.
     */
    static Optional<String> sessionStatementTimeout(SQLDialect dialect, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) return Optional.empty();
        return switch (dialect.family()) {
            case POSTGRES -> Optional.of("SET statement_timeout = " + timeout.toMillis());
            case MARIADB -> Optional.of(String.format(Locale.ROOT, "SET SESSION max_statement_time = %.3f", timeout.toMillis() / 1000.0));
            case MYSQL -> Optional.of("SET SESSION max_execution_time = " + timeout.toMillis());
            default -> Optional.empty();
        };
    }

    /** Lowers {@code maxLifetime} and {@code keepaliveTime} under the server's idle limit, when it has one. */
    public static void fitToIdleLimit(HikariConfig c) {
        idleLimit(c).ifPresent(limit -> fit(c, limit));
    }

    static void fit(HikariConfig c, Duration limit) {
        long limitMs = limit.toMillis();
        // A margin for clock drift, HikariCP's own ±2.5% lifetime variance and a housekeeper that runs every 30 s.
        long usable = limitMs - Math.max(5_000, limitMs / 10);
        if (usable < HIKARI_MINIMUM_MS) {
            LOG.info("{}: the server closes connections idle for {} s, under HikariCP's {} s minimum for maxLifetime and"
                            + " keepaliveTime; connections idle for more than 500 ms are validated before use instead,"
                            + " so one the server closed is replaced, not handed out", c.getPoolName(), limit.toSeconds(),
                    HIKARI_MINIMUM_MS / 1000);
            return;
        }
        long maxLifetime = Math.min(c.getMaxLifetime() > 0 ? c.getMaxLifetime() : Long.MAX_VALUE, usable);
        long keepalive = Math.max(HIKARI_MINIMUM_MS, Math.min(c.getKeepaliveTime() > 0 ? c.getKeepaliveTime() : Long.MAX_VALUE, usable / 2));
        c.setMaxLifetime(maxLifetime);
        // HikariCP disables an idle timeout that is not well under the lifetime (and says so); keep one that is.
        if (c.getIdleTimeout() > maxLifetime / 2 && maxLifetime / 2 >= 10_000) c.setIdleTimeout(maxLifetime / 2);
        // HikariCP ignores a keepalive that is not below the lifetime; the lifetime alone then stays under the limit.
        c.setKeepaliveTime(keepalive < maxLifetime ? keepalive : 0);
        LOG.info("{}: the server closes connections idle for {} s; maxLifetime {} s, keepaliveTime {} s", c.getPoolName(),
                limit.toSeconds(), maxLifetime / 1000, c.getKeepaliveTime() / 1000);
    }

    /** The server's idle limit as one of the pool's connections would get it; empty when none or unknown. */
    static Optional<Duration> idleLimit(HikariConfig c) {
        String url = c.getJdbcUrl();
        if (url == null) return Optional.empty();
        String sql;
        Properties p = new Properties();
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            sql = "select @@session.wait_timeout * 1000";
            p.setProperty("connectTimeout", String.valueOf(PROBE_CONNECT_SECONDS * 1000));
        } else if (url.startsWith("jdbc:postgresql:")) {
            // PostgreSQL 14+; older servers have no such setting and return no row.
            sql = "select setting::bigint from pg_settings where name = 'idle_session_timeout'";
            p.setProperty("connectTimeout", String.valueOf(PROBE_CONNECT_SECONDS));
        } else {
            return Optional.empty();
        }
        if (c.getUsername() != null) p.setProperty("user", c.getUsername());
        if (c.getPassword() != null) p.setProperty("password", c.getPassword());
        try (Connection conn = DriverManager.getConnection(url, p); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            long ms = rs.next() ? rs.getLong(1) : 0;
            return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
        } catch (SQLException e) {
            LOG.warn("{}: cannot read the server's idle connection limit ({}); keeping maxLifetime {} s and keepaliveTime {} s",
                    c.getPoolName(), e.getMessage(), c.getMaxLifetime() / 1000, c.getKeepaliveTime() / 1000);
            return Optional.empty();
        }
    }
}
