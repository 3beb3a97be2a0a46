package org.caseload.engine.execute;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.SQLDialect;

/** Connection pools for the analytics database. */
public final class Databases {
    private Databases() {}

    /**
     * A pool on a DuckDB file. DuckDB shares one database instance among the connections of a
     * process, so a pool here saves connection setup rather than server sessions.
     */
    public static HikariDataSource duckdb(Path file, boolean readOnly) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the folder of " + file, e);
        }
        HikariConfig c = new HikariConfig();
        c.setPoolName("caseload-analytics");
        c.setJdbcUrl("jdbc:duckdb:" + file.toAbsolutePath());
        c.setDriverClassName("org.duckdb.DuckDBDriver");
        if (readOnly) {
            c.addDataSourceProperty("duckdb.read_only", "true");
            c.setReadOnly(true); // Hikari would otherwise reset it per connection, which DuckDB refuses
        }
        c.setMaximumPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()));
        c.setMinimumIdle(1);
        return new HikariDataSource(c);
    }

    public static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) return SQLDialect.DUCKDB;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return SQLDialect.POSTGRES;
        if (jdbcUrl.startsWith("jdbc:mariadb:")) return SQLDialect.MARIADB;
        if (jdbcUrl.startsWith("jdbc:mysql:")) return SQLDialect.MYSQL;
        if (jdbcUrl.startsWith("jdbc:trino:")) return SQLDialect.TRINO;
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl.replaceAll("\\?.*", "")
                + "; Caseload supports jdbc:duckdb:, jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: and jdbc:trino:");
    }
}
