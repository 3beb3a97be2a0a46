package org.caseload.engine.execute;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.jooq.SQLDialect;

/**
 * Where the warehouse lives: a DuckDB file (the default) or a server given by JDBC URL — PostgreSQL,
 * MariaDB/MySQL or Trino. The dialect follows from the URL, so SQL can be printed for a server
 * without connecting to it.
 *
 * @param url a JDBC URL ({@code jdbc:duckdb:PATH}, {@code jdbc:postgresql://…}, {@code jdbc:mariadb://…},
 *     {@code jdbc:mysql://…}, {@code jdbc:trino://host:port/catalog/schema})
 * @param user null for DuckDB or a URL that carries it
 * @param password null when none
 */
public record AnalyticsDatabase(String url, String user, String password) {
    /**
     * How long a request waits for a connection before failing. Short, so that a server that is down
     * answers "unavailable" within seconds instead of hanging the request (Hikari's default is 30 s).
     */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public AnalyticsDatabase {
        Objects.requireNonNull(url, "url");
        Databases.dialectOf(url); // refuses URLs of databases Caseload has no dialect for, naming the supported ones
    }

    public static AnalyticsDatabase duckdb(Path file) {
        return new AnalyticsDatabase("jdbc:duckdb:" + file.toAbsolutePath(), null, null);
    }

    public SQLDialect dialect() {
        return Databases.dialectOf(url);
    }

    public boolean isDuckDb() {
        return dialect() == SQLDialect.DUCKDB;
    }

    /** The DuckDB file, for DuckDB URLs. */
    public Path duckDbFile() {
        if (!isDuckDb()) {
            throw new IllegalStateException("not a DuckDB database: " + redactedUrl());
        }
        return Path.of(url.substring("jdbc:duckdb:".length()));
    }

    /** One connection outside any pool: for a load, which holds one connection for its whole transaction. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /**
     * A pool named {@code caseload-analytics}. For servers: a short connection timeout (see
     * {@link #CONNECTION_TIMEOUT}), connections retired after 25 minutes and pinged every 2 idle minutes
     * (below MySQL's and most proxies' idle limits), validated on borrow when idle, and no failure at
     * start when the server is down, so that Caseload starts and recovers by itself when it is back.
     */
    public HikariDataSource pool(boolean readOnly, int maximumSize) {
        if (isDuckDb()) {
            HikariDataSource ds = Databases.duckdb(duckDbFile(), readOnly);
            ds.setMaximumPoolSize(maximumSize);
            return ds;
        }
        HikariConfig c = serverPoolConfig(maximumSize, CONNECTION_TIMEOUT);
        // Trino's driver refuses read-only mode changes; the engine never writes anyway.
        c.setReadOnly(readOnly && dialect() != SQLDialect.TRINO);
        return new HikariDataSource(c);
    }

    /**
     * The settings of {@link #pool} on a server, before its read-only flag: the web application's
     * analytics pool starts from them too and adds what a long-running server needs (see the app's
     * {@code ServerPools}).
     */
    public HikariConfig serverPoolConfig(int maximumSize, Duration connectionTimeout) {
        if (isDuckDb()) {
            throw new IllegalStateException("DuckDB has its own pool (Databases.duckdb): " + redactedUrl());
        }
        HikariConfig c = new HikariConfig();
        c.setPoolName("caseload-analytics");
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(maximumSize);
        c.setMinimumIdle(Math.min(1, maximumSize));
        c.setConnectionTimeout(connectionTimeout.toMillis());
        c.setMaxLifetime(Duration.ofMinutes(25).toMillis());
        c.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        c.setInitializationFailTimeout(-1);
        return c;
    }

    /** The URL without query parameters, which may carry credentials: for messages and logs. */
    public String redactedUrl() {
        return url.replaceAll("\\?.*", "");
    }

    @Override
    public String toString() {
        return redactedUrl() + (user == null ? "" : " as " + user);
    }
}
