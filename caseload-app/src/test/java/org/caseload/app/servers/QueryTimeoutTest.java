package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.caseload.app.audit.AuditEntry;
import org.caseload.app.audit.AuditService;
import org.caseload.app.support.Replies;
import org.caseload.app.system.ReadRetry;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code caseload.analytics.query-timeout} on PostgreSQL, set to 1 s. The engine only runs model
 * queries, so the slow query is made slow from outside: another session holds a lock on {@code visits}
 * and the query waits for it, as it would behind a long load or a vacuum full. The timeout cancels it
 * on the server, the API answers 504 with what to do, nothing is retried, and once the lock is gone the
 * next query answers on the same pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryTimeoutTest {
    ServerHandle warehouse;
    ServedApp app;

    @BeforeAll
    void start() throws Exception {
        TestServers.postgres().createDatabase("caseload_timeout_warehouse");
        warehouse = TestServers.postgres().withDatabase("caseload_timeout_warehouse");
        try (Connection c = warehouse.connect()) {
            ServerClinic.create(c, SQLDialect.POSTGRES);
        }
        app = ServedApp.start(List.of(ServedApp.h2AppDatabase(), "--caseload.analytics.url=" + warehouse.jdbcUrl(),
                "--caseload.analytics.user=" + warehouse.user(), "--caseload.analytics.password=" + warehouse.password(),
                "--caseload.analytics.query-timeout=1s"));
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void aQueryOverTheLimitIsCancelledAndAnswered504() throws Exception {
        String requestId = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
        long retries = app.bean(ReadRetry.class).retries();
        try (Connection locker = warehouse.connect(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("lock table visits in access exclusive mode");
            long t0 = System.nanoTime();
            ServedApp.Reply r = app.postWithRequestId("/api/query", """
                    {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01"}""", requestId);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).as(r.toString()).isEqualTo(504);
            Replies.assertNoStackTrace(r.body());
            assertThat(r.json().get("error").asString())
                    .isEqualTo("the query took longer than the limit of 1 s (caseload.analytics.query-timeout)");
            assertThat(r.json().get("hint").asString()).contains("raise caseload.analytics.query-timeout").contains(requestId);
            // It waited for the limit, and the limit is the configured 1 s, not the default 30 s.
            assertThat(ms).isBetween(900L, 25_000L);
            // Cancelled on the server while the lock is still held: nobody waits for it any more.
            assertThat(Sql.rows(warehouse, "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'")).containsExactly(List.of("0"));

            // A dashboard tile says the same in its place.
            long d = app.post("/api/dashboards", "{\"name\": \"Slow\"}").json().get("id").asLong();
            app.post("/api/dashboards/" + d + "/tiles", """
                    {"title": "January", "chartType": "kpi", "request": {"metrics": ["visits"], "from": "2024-01-01"}}""");
            ServedApp.Reply tiles = app.get("/api/dashboards/" + d + "/results");
            assertThat(tiles.status()).isEqualTo(200);
            assertThat(tiles.json().get(0).get("error").asString())
                    .isEqualTo("the query took longer than the limit of 1 s (caseload.analytics.query-timeout)");
            locker.commit();
        }
        assertThat(app.bean(ReadRetry.class).retries()).isEqualTo(retries);
        AuditEntry entry = app.bean(AuditService.class).search("demo", "api", null, 20).stream()
                .filter(e -> e.getRequestId().equals(requestId)).findFirst().orElseThrow();
        assertThat(entry.getError()).contains("canceling statement");

        ServedApp.Reply after = app.query("""
                {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01"}""");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(Replies.rows(after.json()).get(0).get("visits").asLong()).isEqualTo(4); // a1 a2 b1 b2
    }

    @Test
    void theSessionLimitBoundsQueriesThatRunWithoutAJdbcTimeout() throws Exception {
        // Scores and outliers run through the insights module, which sets no JDBC timeout: the session's
        // statement_timeout (the same 1 s) stops them; the page shows the reason.
        try (Connection locker = warehouse.connect(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("lock table visits in access exclusive mode");
            ServedApp.Reply page = app.signIn(ServedApp.DEMO, ServedApp.DEMO).page("/scores");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("the query took longer than the limit of 1 s");
            locker.commit();
        }
        // The audit has it, the error cut to the column's 1000 characters.
        AuditEntry scores = app.bean(AuditService.class).search("demo", "scores", null, 5).get(0);
        assertThat(scores.getError()).contains("canceling statement due to statement timeout").hasSizeLessThanOrEqualTo(1000);
    }
}
