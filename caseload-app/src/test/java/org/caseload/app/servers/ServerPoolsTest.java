package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.caseload.app.system.CaseloadProperties;
import org.caseload.app.system.ServerPools;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The analytics pool's settings on real servers: lifetime and keepalive read and fitted under the
 * server's idle limit; a limit under HikariCP's minimum still works through validation on borrow;
 * PostgreSQL connections stream inside a transaction; the statement timeout is set on the session.
 */
class ServerPoolsTest {
    private static HikariConfig analytics(ServerHandle db, Duration queryTimeout) {
        return ServerPools.analytics(new CaseloadProperties.Analytics(null, db.jdbcUrl(), db.user(), db.password(), queryTimeout, 2,
                Duration.ofSeconds(5)));
    }

    @Test
    void lifetimeAndKeepaliveStayUnderMariaDbsWaitTimeout() throws SQLException {
        // The session variable is what the pool's connections get, and what the pool reads at start.
        ServerHandle db = withQuery(TestServers.mariadb(), "sessionVariables=wait_timeout=120");
        HikariConfig c = analytics(db, Duration.ofSeconds(30));
        // 120 s less a margin of 12 s; keepalive half of that.
        assertThat(c.getMaxLifetime()).isEqualTo(108_000);
        assertThat(c.getKeepaliveTime()).isEqualTo(54_000);
        try (HikariDataSource pool = new HikariDataSource(c); Connection conn = pool.getConnection()) {
            assertThat(scalar(conn, "select @@session.wait_timeout")).isEqualTo("120");
            assertThat(pool.getMaxLifetime()).isEqualTo(108_000); // accepted by HikariCP, not reset to its default
            assertThat(pool.getKeepaliveTime()).isEqualTo(54_000);
        }
    }

    @Test
    void lifetimeAndKeepaliveStayUnderPostgresIdleSessionTimeout() {
        ServerHandle db = withQuery(TestServers.postgres(), "options=-c%20idle_session_timeout%3D90000");
        HikariConfig c = analytics(db, Duration.ofSeconds(30));
        assertThat(c.getMaxLifetime()).isEqualTo(81_000);
        assertThat(c.getKeepaliveTime()).isEqualTo(40_500);
    }

    @Test
    void withoutAnIdleLimitTheDefaultsStay() {
        HikariConfig c = analytics(TestServers.postgres(), Duration.ofSeconds(30));
        assertThat(c.getMaxLifetime()).isEqualTo(Duration.ofMinutes(25).toMillis());
        assertThat(c.getKeepaliveTime()).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(c.getConnectionTimeout()).isEqualTo(5_000);
        assertThat(c.getInitializationFailTimeout()).isEqualTo(-1);
    }

    @Test
    void aWaitTimeoutUnderHikarisMinimumIsCoveredByValidationOnBorrow() throws SQLException {
        ServerHandle db = withQuery(TestServers.mariadb(), "sessionVariables=wait_timeout=2");
        HikariConfig c = analytics(db, Duration.ofSeconds(30));
        assertThat(c.getMaxLifetime()).isEqualTo(Duration.ofMinutes(25).toMillis()); // 2 s is below what HikariCP accepts
        try (HikariDataSource pool = new HikariDataSource(c)) {
            String first;
            try (Connection conn = pool.getConnection()) {
                first = scalar(conn, "select connection_id()");
            }
            Sql.sleep(Duration.ofSeconds(4));
            // The server closed it meanwhile ...
            assertThat(Sql.rows(db, "select count(*) from information_schema.processlist where id = " + first))
                    .containsExactly(java.util.List.of("0"));
            // ... and the pool finds out before handing it out, and hands out a live one instead.
            try (Connection conn = pool.getConnection()) {
                assertThat(scalar(conn, "select connection_id()")).isNotEqualTo(first);
            }
        }
    }

    @Test
    void postgresConnectionsStreamInsideATransactionWithTheStatementTimeout() throws SQLException {
        try (HikariDataSource pool = new HikariDataSource(analytics(TestServers.postgres(), Duration.ofSeconds(7)));
             Connection conn = pool.getConnection()) {
            // pgjdbc fetches with a cursor only outside autocommit; else a big result is read into memory whole.
            assertThat(conn.getAutoCommit()).isFalse();
            // Set once per connection, committed: not undone by the rollback when a connection comes back.
            assertThat(scalar(conn, "show statement_timeout")).isEqualTo("7s");
            conn.rollback();
            assertThat(scalar(conn, "show statement_timeout")).isEqualTo("7s");
        }
    }

    @Test
    void mariaDbSessionsGetTheStatementTimeout() throws SQLException {
        try (HikariDataSource pool = new HikariDataSource(analytics(TestServers.mariadb(), Duration.ofMillis(7500)));
             Connection conn = pool.getConnection()) {
            assertThat(conn.getAutoCommit()).isTrue();
            assertThat(Double.parseDouble(scalar(conn, "select @@session.max_statement_time"))).isEqualTo(7.5);
        }
    }

    private static ServerHandle withQuery(ServerHandle h, String query) {
        return new ServerHandle(h.jdbcUrl() + (h.jdbcUrl().contains("?") ? "&" : "?") + query, h.user(), h.password(), h.kind());
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
