package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caseload.app.audit.AuditEntry;
import org.caseload.app.audit.AuditService;
import org.caseload.app.support.Replies;
import org.caseload.app.user.AppUser;
import org.caseload.app.user.Role;
import org.caseload.app.user.UserService;
import org.caseload.servers.ServerHandle;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The app database on a real server: Flyway runs the server's family of migrations, Hibernate
 * validates its mappings against them, and users, grants, dashboards, saved explorations and the
 * audit log work through the API and the pages; what the app wrote is checked in the server's tables
 * with plain SQL. The analytics warehouse is a DuckDB file with the {@link ServerClinic} rows. One
 * subclass per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppDatabaseContract {
    static final String PASSWORD = "correct horse battery";

    ServerHandle db;
    ServedApp app;

    abstract ServerHandle server();

    /** The Hibernate dialect the server should be detected as, by simple class name. */
    abstract String expectedDialect();

    /** The Flyway location for the server's SQL family. */
    abstract String expectedMigrations();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ServerHandle server = server();
        String name = "caseload_app_" + getClass().getSimpleName().toLowerCase().replace("test", "");
        server.createDatabase(name);
        db = server.withDatabase(name);
        Path warehouse = dir.resolve("analytics.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse)) {
            ServerClinic.create(c, SQLDialect.DUCKDB);
        }
        app = ServedApp.start(List.of("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), ServedApp.duckdbAnalytics(warehouse)));
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void flywayRanTheServersMigrationsAndHibernateAcceptsThem() throws SQLException {
        // ddl-auto=validate: the context would not have started if a mapping disagreed with the tables.
        assertThat(rows("select version, success from flyway_schema_history where version is not null order by installed_rank"))
                .containsExactly(List.of("1", success()));
        assertThat(app.bean("flyway", org.flywaydb.core.Flyway.class).getConfiguration().getLocations())
                .extracting(Object::toString).containsExactly(expectedMigrations());
        var dialect = app.bean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        assertThat(dialect.getClass().getSimpleName()).isEqualTo(expectedDialect());
        // The demo admin made at start is in the server's table.
        assertThat(rows("select username, role from app_user")).containsExactly(List.of("demo", "ADMIN"));
    }

    /** How the server's JDBC driver prints Flyway's success flag. */
    String success() {
        return "true";
    }

    @Test
    void usersAndGrantsDecideWhatAManagerSees() throws SQLException {
        UserService users = app.bean(UserService.class);
        AppUser mia = users.create("mia", PASSWORD, Role.MANAGER, Set.of(ServerClinic.L1));
        assertThat(rows("select g.location_id from location_grant g join app_user u on u.id = g.user_id where u.username = 'mia'"))
                .containsExactly(List.of(ServerClinic.L1));
        String january = """
                {"metrics": ["visits"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}""";
        // Alder only: a1 a2.
        assertThat(labelsAndVisits(app.post("/api/query", january, "mia", PASSWORD))).containsExactly("Alder Clinic=2");

        users.update(mia.getId(), Role.MANAGER, Set.of(ServerClinic.L2));
        assertThat(rows("select g.location_id from location_grant g join app_user u on u.id = g.user_id where u.username = 'mia'"))
                .containsExactly(List.of(ServerClinic.L2));
        // Birch only: b1 b2.
        assertThat(labelsAndVisits(app.post("/api/query", january, "mia", PASSWORD))).containsExactly("Birch Clinic=2");

        users.update(mia.getId(), Role.ANALYST, Set.of());
        assertThat(rows("select count(*) from location_grant g join app_user u on u.id = g.user_id where u.username = 'mia'"))
                .containsExactly(List.of("0"));
        assertThat(labelsAndVisits(app.post("/api/query", january, "mia", PASSWORD)))
                .containsExactly("Alder Clinic=2", "Birch Clinic=2");
        // Wrong password: 401, as JSON.
        assertThat(app.post("/api/query", january, "mia", "wrong").status()).isEqualTo(401);

        // The admin page lists the user, read back through JPA from the server.
        ServedApp.Reply page = app.signIn(ServedApp.DEMO, ServedApp.DEMO).page("/admin/users");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("mia").contains("ANALYST");
    }

    @Test
    void dashboardLifecycle() throws SQLException {
        ServedApp.Reply created = app.post("/api/dashboards", "{\"name\": \"Ops\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(app.put("/api/dashboards/" + id, "{\"name\": \"Operations\"}", "demo", "demo").json().get("name").asString())
                .isEqualTo("Operations");

        long t1 = lastTile(app.post("/api/dashboards/" + id + "/tiles", """
                {"title": "Visits by location", "chartType": "bar",
                 "request": {"metrics": ["visits"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}}"""));
        long t2 = lastTile(app.post("/api/dashboards/" + id + "/tiles", """
                {"title": "December", "chartType": "kpi",
                 "request": {"metrics": ["visits", "charges"], "from": "2023-12-01", "to": "2024-01-01"}}"""));
        long t3 = lastTile(app.post("/api/dashboards/" + id + "/tiles", """
                {"title": "Charges", "chartType": "kpi", "request": {"metrics": ["charges"], "from": "2024-01-01", "to": "2024-02-01"}}"""));
        assertThat(rows("select title, position from dashboard_tile where dashboard_id = " + id + " order by position"))
                .containsExactly(List.of("Visits by location", "0"), List.of("December", "1"), List.of("Charges", "2"));

        ServedApp.Reply reordered = app.put("/api/dashboards/" + id + "/order", "{\"tileIds\": [" + t3 + ", " + t1 + ", " + t2 + "]}",
                "demo", "demo");
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(rows("select title, position from dashboard_tile where dashboard_id = " + id + " order by position"))
                .containsExactly(List.of("Charges", "0"), List.of("Visits by location", "1"), List.of("December", "2"));

        JsonNode results = app.get("/api/dashboards/" + id + "/results").json();
        assertThat(results.valueStream().map(r -> r.get("error").isNull()).toList()).containsOnly(true);
        // January charges 100 + 80 + 250 + 150; December a0 b0 b00 with 90 + 60 + 70.
        assertThat(Replies.rows(results.get(0).get("result")).get(0).get("charges").decimalValue()).isEqualByComparingTo("580.00");
        assertThat(Replies.rows(results.get(2).get("result")).get(0).get("visits").asLong()).isEqualTo(3);
        assertThat(Replies.rows(results.get(2).get("result")).get(0).get("charges").decimalValue()).isEqualByComparingTo("220.00");

        assertThat(app.delete("/api/dashboards/" + id + "/tiles/" + t1, "demo", "demo").status()).isEqualTo(204);
        assertThat(rows("select title, position from dashboard_tile where dashboard_id = " + id + " order by position"))
                .containsExactly(List.of("Charges", "0"), List.of("December", "1"));

        ServedApp.Reply page = app.signIn(ServedApp.DEMO, ServedApp.DEMO).page("/dashboards/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Operations").contains("Charges").contains("December");

        assertThat(app.delete("/api/dashboards/" + id, "demo", "demo").status()).isEqualTo(204);
        assertThat(app.get("/api/dashboards/" + id).status()).isEqualTo(404);
        // The tiles went with it (on delete cascade, or JPA's orphan removal).
        assertThat(rows("select count(*) from dashboard_tile where dashboard_id = " + id)).containsExactly(List.of("0"));
    }

    @Test
    void savedExplorationLifecycle() throws SQLException {
        ServedApp.Reply created = app.post("/api/explorations", """
                {"name": "January", "chartType": "bar",
                 "request": {"metrics": ["visits"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        ServedApp.Reply updated = app.put("/api/explorations/" + id, """
                {"name": "January charges", "chartType": "table", "request": {"metrics": ["charges"], "from": "2024-01-01"}}""",
                "demo", "demo");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(rows("select name, chart_type from saved_exploration where id = " + id))
                .containsExactly(List.of("January charges", "table"));
        assertThat(app.get("/api/explorations").json().valueStream().map(e -> e.get("name").asString()).toList())
                .contains("January charges");
        assertThat(app.delete("/api/explorations/" + id, "demo", "demo").status()).isEqualTo(204);
        assertThat(rows("select count(*) from saved_exploration where id = " + id)).containsExactly(List.of("0"));
    }

    @Test
    void analyticsQueriesAreAuditedOnTheServer() throws SQLException {
        String requestId = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        ServedApp.Reply ok = app.postWithRequestId("/api/query", """
                {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01"}""", requestId);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(Replies.rows(ok.json()).get(0).get("visits").asLong()).isEqualTo(4); // a1 a2 b1 b2
        ServedApp.Reply bad = app.postWithRequestId("/api/query", "{\"metrics\": [\"visitz\"]}", requestId + "-bad");
        assertThat(bad.status()).isEqualTo(400);

        List<AuditEntry> entries = app.bean(AuditService.class).search("demo", "api", null, 50);
        AuditEntry good = entries.stream().filter(e -> e.getRequestId().equals(requestId)).findFirst().orElseThrow();
        assertThat(good.getRowCount()).isEqualTo(1);
        assertThat(good.getError()).isNull();
        assertThat(good.getSqlHash()).hasSize(64);
        // Stored as UTC and read back as the same instant.
        assertThat(good.getAt()).isBetween(before, Instant.now().plusSeconds(1));
        AuditEntry failed = entries.stream().filter(e -> e.getRequestId().equals(requestId + "-bad")).findFirst().orElseThrow();
        assertThat(failed.getError()).contains("visitz");
        assertThat(failed.getRowCount()).isNull();

        // In the server's own table, with the instant as the server stores it.
        List<List<String>> raw = rows("select metrics, source, row_count from audit_entry where request_id = '" + requestId + "'");
        assertThat(raw).containsExactly(List.of("visits", "api", "1"));
        Instant stored = instant("select at from audit_entry where request_id = '" + requestId + "'");
        assertThat(Duration.between(good.getAt(), stored).abs()).isLessThan(Duration.ofMillis(1));

        ServedApp.Reply page = app.signIn(ServedApp.DEMO, ServedApp.DEMO).page("/admin/audit?username=demo");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(requestId);
    }

    private static List<String> labelsAndVisits(ServedApp.Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return Replies.rows(r.json()).stream().map(m -> m.get("location_label").asString() + "=" + m.get("visits").asLong()).toList();
    }

    private static long lastTile(ServedApp.Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode tiles = r.json().get("tiles");
        return tiles.get(tiles.size() - 1).get("id").asLong();
    }

    /** Rows of a query on the server's app database, every value as text. */
    List<List<String>> rows(String sql) {
        return Sql.rows(db, sql);
    }

    /** A timestamp column read as UTC (how both scripts store instants). */
    Instant instant(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Object v = rs.getObject(1);
            if (v instanceof Timestamp ts) return ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
            if (v instanceof java.time.OffsetDateTime o) return o.toInstant();
            if (v instanceof java.time.LocalDateTime l) return l.toInstant(java.time.ZoneOffset.UTC);
            throw new AssertionError("unexpected timestamp type " + v.getClass());
        }
    }
}
