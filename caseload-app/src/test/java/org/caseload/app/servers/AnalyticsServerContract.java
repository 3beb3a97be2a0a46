package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.caseload.app.support.Replies;
import org.caseload.servers.ServerHandle;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The analytics warehouse on a real server, served as {@code caseload serve --url JDBC_URL} would: the
 * schema made by {@code WarehouseDdl}, the {@link ServerClinic} rows written with JDBC, and the API,
 * CSV export and pages checked against the hand-computed figures. One subclass per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsServerContract {
    ServerHandle warehouse;
    ServedApp app;

    abstract ServerHandle server();

    abstract SQLDialect dialect();

    /** The {@code caseload serve} arguments and environment that point the app at {@code warehouse}. */
    abstract List<String> serveArgs(ServerHandle warehouse, Map<String, String> environment);

    @BeforeAll
    void start() throws Exception {
        ServerHandle server = server();
        String name = "caseload_warehouse_" + getClass().getSimpleName().toLowerCase().replace("test", "");
        server.createDatabase(name);
        warehouse = server.withDatabase(name);
        try (Connection c = warehouse.connect()) {
            ServerClinic.create(c, dialect());
        }
        app = ServedApp.start(serveArgs(warehouse, new java.util.HashMap<>()));
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void januaryByLocationMatchesTheHandComputedFigures() {
        ServedApp.Reply r = app.query(ServerClinic.JANUARY_BY_LOCATION);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Map<String, JsonNode>> rows = Replies.rows(r.json());
        assertThat(rows).extracting(m -> m.get("location_label").asString()).containsExactly("Alder Clinic", "Birch Clinic");
        Map<String, JsonNode> alder = rows.get(0);
        assertThat(alder.get("location").asString()).isEqualTo(ServerClinic.L1);
        assertThat(alder.get("visits").asLong()).isEqualTo(2);                                  // a1 a2
        assertThat(alder.get("booked").asLong()).isEqualTo(3);                                  // + no-show a3
        assertThat(alder.get("no_shows").asLong()).isEqualTo(1);
        assertThat(alder.get("charges").decimalValue()).isEqualByComparingTo("180.00");         // 100 + 80
        assertThat(alder.get("staff_cost").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(alder.get("staff_cost_per_visit").asDouble()).isCloseTo(400.0, within(1e-9)); // 800 / 2
        assertThat(alder.get("avg_wait_minutes").asDouble()).isCloseTo(5.0, within(1e-9));      // (10 + 0) / 2
        assertThat(alder.get("utilization").asDouble()).isCloseTo(50.0 / 480, within(1e-9));   // (30 + 20) / 8 h
        Map<String, JsonNode> birch = rows.get(1);
        assertThat(birch.get("visits").asLong()).isEqualTo(2);                                  // b1 b2
        assertThat(birch.get("booked").asLong()).isEqualTo(2);                                  // b3 cancelled
        assertThat(birch.get("no_shows").asLong()).isZero();
        assertThat(birch.get("charges").decimalValue()).isEqualByComparingTo("400.00");         // 250 + 150
        assertThat(birch.get("staff_cost").decimalValue()).isEqualByComparingTo("720.00");
        assertThat(birch.get("staff_cost_per_visit").asDouble()).isCloseTo(360.0, within(1e-9));
        assertThat(birch.get("avg_wait_minutes").asDouble()).isCloseTo(10.0, within(1e-9));     // (20 + 0) / 2
        assertThat(birch.get("utilization").asDouble()).isCloseTo(100.0 / 360, within(1e-9));  // (60 + 40) / 6 h
    }

    @Test
    void monthsAndDistinctPatients() {
        ServedApp.Reply r = app.query("""
                {"metrics": ["visits", "patients", "charges"], "grain": "month", "from": "2023-12-01", "to": "2024-02-01"}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        // December: a0 (p1), b0 (p2), b00 (p3); January: a1 (p1), a2 (p2), b1 b2 (p3).
        assertThat(Replies.rows(r.json())).extracting(m -> m.get("month").asString() + " " + m.get("visits").asLong() + " "
                        + m.get("patients").asLong() + " " + m.get("charges").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("2023-12-01 3 3 220", "2024-01-01 4 3 580");
    }

    @Test
    void csvExportStreamsTheSameRows() {
        ServedApp.Reply r = app.get("/api/query.csv?metrics=visits,charges&dimensions=location&from=2024-01-01&to=2024-02-01");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.body()).isEqualTo("location,visits,charges\r\nAlder Clinic,2,180.00\r\nBirch Clinic,2,400.00\r\n");
    }

    @Test
    void overviewShowsTheLatestMonthFromTheServer() {
        WebSession browser = app.signIn(ServedApp.DEMO, ServedApp.DEMO);
        ServedApp.Reply page = browser.page("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("2024-01").doesNotContain("overview-error");
        // The visits KPI: a1 a2 b1 b2.
        assertThat(page.body()).containsPattern("data-metric=\"visits\"[\\s\\S]*?kpi-value\">4<");
        assertThat(page.body()).contains("Alder Clinic").contains("Birch Clinic");
        // Scores run several queries through the insights module: fewer than 30 visits each, so nobody is scored,
        // but the page answers without a database error.
        ServedApp.Reply scores = browser.page("/scores");
        assertThat(scores.status()).isEqualTo(200);
        assertThat(scores.body()).doesNotContain("could not answer");
    }
}
