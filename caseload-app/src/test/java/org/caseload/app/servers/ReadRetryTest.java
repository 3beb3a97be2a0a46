package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.caseload.app.system.AnalyticsFailures;
import org.caseload.app.system.CaseloadProperties;
import org.caseload.app.system.ReadRetry;
import org.caseload.app.system.ServerPools;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ReadRetry} on real servers and the app's analytics pool settings: a read whose connection is
 * killed under it runs once more and succeeds; a SQL error, a timeout, a pool that cannot connect and a
 * stream that already sent rows are not run again. Attempts are counted by the test, not by the retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRetryTest {
    ServerHandle pg;
    ServerHandle maria;
    HikariDataSource pgPool;
    HikariDataSource mariaPool;

    @BeforeAll
    void pools() {
        TestServers.postgres().createDatabase("caseload_read_retry");
        TestServers.mariadb().createDatabase("caseload_read_retry");
        pg = TestServers.postgres().withDatabase("caseload_read_retry");
        maria = TestServers.mariadb().withDatabase("caseload_read_retry");
        pgPool = pool(pg);
        mariaPool = pool(maria);
    }

    /** The app's own analytics pool for {@code db}, two connections. */
    private static HikariDataSource pool(ServerHandle db) {
        HikariConfig c = ServerPools.analytics(new CaseloadProperties.Analytics(null, db.jdbcUrl(), db.user(), db.password(),
                Duration.ofSeconds(30), 2, Duration.ofSeconds(5)));
        return new HikariDataSource(c);
    }

    @AfterAll
    void close() {
        pgPool.close();
        mariaPool.close();
    }

    @Test
    void aReadWhoseConnectionIsKilledUnderItRunsOnceMoreOnAnotherConnection() {
        ReadRetry retry = new ReadRetry();
        AtomicInteger attempts = new AtomicInteger();
        long[] pids = new long[2];
        String answer = retry.read("a test read", () -> {
            int attempt = attempts.incrementAndGet();
            return DSL.using(pgPool, SQLDialect.POSTGRES).connectionResult(c -> {
                long pid = scalar(c, "select pg_backend_pid()");
                pids[attempt - 1] = pid;
                if (attempt == 1) {
                    // What a DBA, a failover or an idle reaper does: the session ends between two statements.
                    Sql.rows(pg, "select pg_terminate_backend(" + pid + ")");
                    Sql.await(pg, "select count(*) from pg_stat_activity where pid = " + pid, r -> r.get(0).get(0).equals("0"),
                            Duration.ofSeconds(5), "the backend ended");
                }
                return String.valueOf(DSL.using(c, SQLDialect.POSTGRES).fetchValue("select 'answered by ' || current_database()"));
            });
        }, () -> true);
        assertThat(answer).isEqualTo("answered by caseload_read_retry");
        assertThat(attempts).hasValue(2);
        assertThat(pids[1]).isNotEqualTo(pids[0]);
        assertThat(retry.retries()).isEqualTo(1);
    }

    @Test
    void onMariaDbAKillIsRetriedToo() {
        ReadRetry retry = new ReadRetry();
        AtomicInteger attempts = new AtomicInteger();
        long answer = retry.read("a test read", () -> {
            int attempt = attempts.incrementAndGet();
            return DSL.using(mariaPool, SQLDialect.MARIADB).connectionResult(c -> {
                if (attempt == 1) {
                    long id = scalar(c, "select connection_id()");
                    Sql.execute(maria, "kill " + id);
                }
                return scalar(c, "select 6 * 7");
            });
        }, () -> true);
        assertThat(answer).isEqualTo(42);
        assertThat(attempts).hasValue(2);
        assertThat(retry.retries()).isEqualTo(1);
    }

    @Test
    void aSqlErrorIsNotRunAgain() {
        ReadRetry retry = new ReadRetry();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.read("a test read", () -> {
            attempts.incrementAndGet();
            return DSL.using(pgPool, SQLDialect.POSTGRES).fetch("select * from no_such_table");
        }, () -> true)).isInstanceOf(DataAccessException.class).hasMessageContaining("no_such_table")
                .satisfies(e -> assertThat(AnalyticsFailures.classify(e)).isEqualTo(AnalyticsFailures.Kind.OTHER));
        assertThat(attempts).hasValue(1);
        assertThat(retry.retries()).isZero();
    }

    @Test
    void aTimeoutIsNotRunAgain() {
        ReadRetry retry = new ReadRetry();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.read("a test read", () -> {
            attempts.incrementAndGet();
            return DSL.using(pgPool, SQLDialect.POSTGRES).resultQuery("select pg_sleep(5)").queryTimeout(1).fetch();
        }, () -> true)).satisfies(e -> assertThat(AnalyticsFailures.classify(e)).isEqualTo(AnalyticsFailures.Kind.TIMEOUT));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aStreamThatSentRowsIsNotRunAgain() {
        ReadRetry retry = new ReadRetry();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.read("a test read", () -> {
            attempts.incrementAndGet();
            return DSL.using(mariaPool, SQLDialect.MARIADB).connectionResult(c -> {
                Sql.execute(maria, "kill " + scalar(c, "select connection_id()"));
                return scalar(c, "select 1");
            });
        }, () -> false)).satisfies(e -> assertThat(AnalyticsFailures.classify(e)).isEqualTo(AnalyticsFailures.Kind.CONNECTION_LOST));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aPoolThatCannotConnectIsUnreachableAndNotRunAgain() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing";
        HikariConfig c = ServerPools.analytics(new CaseloadProperties.Analytics(null, url, "postgres", "", Duration.ofSeconds(30), 2,
                Duration.ofMillis(500)));
        // initializationFailTimeout=-1: the pool starts although nothing listens there.
        try (HikariDataSource down = new HikariDataSource(c)) {
            DataSource engineView = org.caseload.app.system.AnalyticsConfiguration.engineView(down);
            ReadRetry retry = new ReadRetry();
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> retry.read("a test read", () -> {
                attempts.incrementAndGet();
                return DSL.using(engineView, SQLDialect.POSTGRES).fetch("select 1");
            }, () -> true)).satisfies(e -> {
                assertThat(AnalyticsFailures.classify(e)).isEqualTo(AnalyticsFailures.Kind.UNREACHABLE);
                assertThat(AnalyticsFailures.describe(e, Duration.ofSeconds(30))).isEqualTo("the analytics database is not reachable");
            });
            assertThat(attempts).hasValue(1);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
