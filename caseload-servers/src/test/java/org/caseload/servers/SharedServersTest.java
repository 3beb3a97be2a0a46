package org.caseload.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The once-per-JVM servers: the versions the project targets, UTC, and a fresh database per test class. */
class SharedServersTest {

    @Test
    void postgres14InUtc() throws SQLException {
        ServerHandle pg = TestServers.postgres();
        report(ServerKind.POSTGRES, pg);
        assertThat(TestServers.postgres()).as("once per JVM").isSameAs(pg);
        assertThat(one(pg.dataSource(), "select version()")).startsWith("PostgreSQL 14.");
        assertThat(one(pg.dataSource(), "select current_setting('log_timezone')")).isEqualTo("UTC");
        // The server's TimeZone is UTC (ConsoleClientsTest sees it through psql), but pgjdbc sends the JVM's zone
        // at connect, so JDBC sessions run in the JVM's zone: pin -Duser.timezone for UTC sessions.
        assertThat(one(pg.dataSource(), "select current_setting('TimeZone')"))
                .isEqualTo(java.util.TimeZone.getDefault().getID());
        assertThat(one(pg.dataSource(), "select pg_encoding_to_char(encoding) from pg_database"
                + " where datname = current_database()")).isEqualTo("UTF8");
    }

    @Test
    void mariadb1011InUtcWithUtf8mb4() throws SQLException {
        ServerHandle my = TestServers.mariadb();
        report(ServerKind.MARIADB, my);
        assertThat(TestServers.mariadb()).as("once per JVM").isSameAs(my);
        assertThat(one(my.dataSource(), "select version()")).startsWith("10.11.");
        assertThat(one(my.dataSource(), "select @@global.time_zone")).isEqualTo("+00:00");
        assertThat(one(my.dataSource(), "select @@character_set_server")).isEqualTo("utf8mb4");
        assertThat(one(my.dataSource(), "select @@global.sql_mode"))
                .isEqualTo("STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION");
    }

    @Test
    void freshDatabasesHoldTables() throws SQLException {
        for (ServerHandle server : new ServerHandle[] {TestServers.postgres(), TestServers.mariadb()}) {
            String url = server.createDatabase("shared_servers_test");
            ServerHandle db = server.withDatabase("shared_servers_test");
            assertThat(db.jdbcUrl()).isEqualTo(url);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table visit (id integer primary key, clinic varchar(40) not null)");
                s.execute("insert into visit values (1, 'Nord'), (2, 'Süd')");
            }
            try (HikariDataSource pool = db.pooledDataSource(2)) {
                assertThat(one(pool, "select clinic from visit where id = 2")).isEqualTo("Süd");
            }
            // Fresh means fresh: a second create drops what the first left.
            server.createDatabase("shared_servers_test");
            String schema = server.kind() == ServerKind.POSTGRES ? "current_schema()" : "database()";
            assertThat(one(db.dataSource(), "select count(*) from information_schema.tables"
                    + " where table_name = 'visit' and table_schema = " + schema)).isEqualTo("0");
        }
    }

    private static void report(ServerKind kind, ServerHandle handle) {
        String took = TestServers.sharedStartupTime(kind).map(Duration::toMillis).map(ms -> ms + " ms")
                .orElse("external");
        System.out.println("[caseload-servers] shared " + kind + " started in " + took + ": " + handle.consoleCommand());
    }

    static String one(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
