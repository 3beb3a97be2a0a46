package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caseload.app.support.Replies;
import org.caseload.servers.PostgresServer;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analytics database on a PostgreSQL server of the test's own, down and back: the app starts
 * while it is down; meanwhile analytics requests get a 503 with a readable JSON error, the overview
 * and dashboard tiles show the reason, the app-database pages work; once the server is back (same
 * port) requests succeed within 10 s, without restarting Caseload; and the same after a restart of a
 * server the pool was connected to.
 */
class AnalyticsRestartTest {
    static final String JANUARY_VISITS = """
            {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01"}""";

    @Test
    void outagesAreReportedAndOutlived() throws Exception {
        try (PostgresServer own = TestServers.startPostgres(Map.of())) {
            own.handle().createDatabase("warehouse");
            ServerHandle warehouse = own.handle().withDatabase("warehouse");
            try (Connection c = warehouse.connect()) {
                ServerClinic.create(c, SQLDialect.POSTGRES);
            }
            own.stop();

            // Starts although its analytics database is down.
            try (ServedApp app = ServedApp.start(List.of(ServedApp.h2AppDatabase(), "--caseload.analytics.url=" + warehouse.jdbcUrl(),
                    "--caseload.analytics.user=" + warehouse.user(), "--caseload.analytics.password=" + warehouse.password()))) {
                WebSession browser = app.signIn(ServedApp.DEMO, ServedApp.DEMO);
                long dashboard = app.post("/api/dashboards", "{\"name\": \"During the outage\"}").json().get("id").asLong();
                // A tile is checked against the model, not the database, when it is added.
                assertThat(app.post("/api/dashboards/" + dashboard + "/tiles", "{\"title\": \"January\", \"chartType\": \"kpi\","
                        + " \"request\": " + JANUARY_VISITS + "}").status()).isEqualTo(201);

                assertUnavailable(app, browser, dashboard);

                own.start();
                assertAnswersWithin(app, Duration.ofSeconds(10));

                // A restart under a pool with live connections: they break, the pool replaces them.
                own.stop();
                ServedApp.Reply down = app.query(JANUARY_VISITS);
                assertThat(down.status()).as(down.toString()).isEqualTo(503);
                own.start();
                assertAnswersWithin(app, Duration.ofSeconds(10));
                assertThat(browser.page("/").status()).isEqualTo(200);
            }
        }
    }

    private static void assertUnavailable(ServedApp app, WebSession browser, long dashboard) {
        long t0 = System.nanoTime();
        ServedApp.Reply api = app.query(JANUARY_VISITS);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(api.status()).as(api.toString()).isEqualTo(503);
        assertThat(api.contentType()).startsWith("application/json");
        Replies.assertNoStackTrace(api.body());
        JsonNode error = api.json();
        assertThat(error.propertyNames()).containsExactlyInAnyOrder("error", "field", "hint");
        assertThat(error.get("error").asString()).isEqualTo("the analytics database is not reachable");
        assertThat(error.get("hint").asString()).startsWith("it may be restarting; try again shortly; request id ");
        // The pool's connection timeout (5 s), not HikariCP's default 30 s (the bound leaves room for a loaded machine).
        assertThat(waited).isBetween(4_500L, 25_000L);

        ServedApp.Reply overview = browser.page("/");
        assertThat(overview.status()).isEqualTo(503);
        assertThat(overview.contentType()).startsWith("text/html");
        assertThat(overview.body()).contains("id=\"overview-error\"").contains("the analytics database is not reachable")
                .contains("Dashboards"); // the navigation is there
        Replies.assertNoStackTrace(overview.body());

        ServedApp.Reply page = browser.page("/dashboards/" + dashboard);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("During the outage").contains("the analytics database is not reachable");

        // The app database's pages do not need the analytics one.
        assertThat(browser.page("/dashboards").status()).isEqualTo(200);
        ServedApp.Reply users = browser.page("/admin/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("demo");
        assertThat(app.get("/api/dashboards").status()).isEqualTo(200);
    }

    private static void assertAnswersWithin(ServedApp app, Duration limit) {
        long back = System.nanoTime();
        ServedApp.Reply r = app.query(JANUARY_VISITS);
        while (r.status() != 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - back)).as("answering again after the server is back, last: " + r)
                    .isLessThan(limit);
            Sql.sleep(Duration.ofMillis(250));
            r = app.query(JANUARY_VISITS);
        }
        System.out.printf("answered %d ms after the server was back%n", (System.nanoTime() - back) / 1_000_000);
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(limit);
        assertThat(Replies.rows(r.json()).get(0).get("visits").asLong()).isEqualTo(4); // a1 a2 b1 b2
    }
}
