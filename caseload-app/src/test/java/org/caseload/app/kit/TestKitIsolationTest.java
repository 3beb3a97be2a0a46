package org.caseload.app.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.caseload.app.audit.AuditService;
import org.caseload.app.dashboard.Dashboard;
import org.caseload.app.dashboard.DashboardRepository;
import org.caseload.app.dashboard.DashboardService;
import org.caseload.app.explore.QueryBody;
import org.caseload.app.support.AppTest;
import org.caseload.app.support.Clinic;
import org.caseload.app.user.Role;
import org.caseload.app.user.UserRepository;
import org.caseload.app.user.UserService;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.model.warehouse.WarehouseSchema;
import org.caseload.testkit.fixtures.Fixtures;
import org.caseload.testkit.fixtures.Location;
import org.caseload.testkit.jdbc.RecoveryMode;
import org.caseload.testkit.spring.TestDatabases;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The kit's promise on the real application: each test's rows, written to either database, are
 * seen by every way the app reads them — plain JDBC on both pools, JPA, the engine (jOOQ), the
 * dashboard's tile threads, any other thread — and are gone in the next test.
 */
@AppTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestKitIsolationTest {
    static final String LEAK_LOCATION = "leak-check-location";
    static final String LEAK_USER = "leak-check-user";
    static final String LEAK_DASHBOARD = "leak-check-dashboard";

    @Autowired DataSource appDataSource; // @Primary: the app database
    @Autowired @Qualifier("analytics") DataSource analyticsDataSource;
    @Autowired UserService users;
    @Autowired UserRepository userRepository;
    @Autowired DashboardRepository dashboards;
    @Autowired DashboardService dashboardService;
    @Autowired AuditService audit;
    @Autowired Engine engine;

    @Test
    @Order(1)
    void firstTestWritesToBothDatabases(Fixtures fixtures) throws SQLException {
        Location l = fixtures.location().id(LEAK_LOCATION).name("Leaky").create();
        fixtures.visit().at(l).create();
        fixtures.shift().at(l).create(); // also creates the default staff member and role group
        users.create(LEAK_USER, "pw-pw-pw", Role.ANALYST, Set.of());
        dashboards.save(new Dashboard(LEAK_DASHBOARD, LEAK_USER));
        try (Connection c = analyticsDataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into services values ('leak-service', 'Leaky service')");
        }
        try (Connection c = appDataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into saved_exploration (name, owner, chart_type, request_json, created_at)"
                    + " values ('leak-exploration', 'x', 'table', '{}', current_timestamp)");
        }
        // An analytics query, so an audit row is written too.
        engine.execute(MetricRequest.builder().metrics("visits").build(), AccessScope.UNRESTRICTED);
        assertThat(fixtures.count("locations")).isEqualTo(1);
        assertThat(fixtures.count("services")).isEqualTo(1);
        assertThat(userRepository.findByUsername(LEAK_USER)).isPresent();
    }

    @Test
    @Order(2)
    void secondTestSeesNoneOfIt(Fixtures fixtures) throws SQLException {
        for (var table : WarehouseSchema.TABLES) {
            assertThat(fixtures.count(table.name())).as(table.name()).isZero();
        }
        assertThat(userRepository.findByUsername(LEAK_USER)).isEmpty();
        assertThat(dashboards.findAll()).extracting(Dashboard::getName).doesNotContain(LEAK_DASHBOARD);
        assertThat(audit.search(LEAK_USER, null, null, 10)).isEmpty();
        assertThat(count(appDataSource, "select count(*) from saved_exploration where name = 'leak-exploration'")).isZero();
        // The only committed row in the app database is the demo admin made at startup.
        assertThat(userRepository.findAll()).extracting(u -> u.getUsername()).containsExactly("demo");
        // And nothing was committed behind the kit's back: the pools' other connections see nothing either.
        assertThat(count(analyticsTarget(), "select count(*) from locations")).isZero();
    }

    @Autowired TestDatabases databases;

    private DataSource analyticsTarget() {
        return databases.analytics().target();
    }

    @Test
    @Order(3)
    void everyReaderSeesTheUncommittedFixtures(Fixtures fixtures) throws Exception {
        Clinic clinic = Clinic.create(fixtures);
        users.create("viewer", "pw-pw-pw", Role.ANALYST, Set.of());

        // Plain JDBC on the analytics pool: 9 visits in the clinic fixture (4 at L1, 5 at L2).
        assertThat(count(analyticsDataSource, "select count(*) from visits")).isEqualTo(9);
        // ...but not on a connection taken from the pool itself, outside the kit: they are uncommitted.
        assertThat(count(analyticsTarget(), "select count(*) from visits")).isZero();

        // Plain JDBC on the app pool sees the user JPA just wrote; JPA sees a row plain JDBC wrote.
        assertThat(count(appDataSource, "select count(*) from app_user where username = 'viewer'")).isEqualTo(1);
        try (Connection c = appDataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into dashboard (name, owner, created_at) values ('jdbc-made', 'viewer', current_timestamp)");
        }
        assertThat(dashboards.findAll()).extracting(Dashboard::getName).contains("jdbc-made");

        // The engine (jOOQ on the analytics pool): January 2024 completed visits a1 a2 b1 b2 = 4.
        QueryResult r = engine.execute(MetricRequest.builder().metrics("visits")
                .between(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 2, 1)).build(), AccessScope.UNRESTRICTED);
        assertThat(r.rows().get(0)[0]).isEqualTo(4L);

        // The dashboard's tile threads: three tiles run in parallel on the tile executor, as "viewer".
        Dashboard d = dashboardService.create("Parallel", "viewer");
        QueryBody jan = new QueryBody(List.of("visits"), List.of("location"), null, "2024-01-01", "2024-02-01",
                null, null, null, null, null);
        QueryBody dec = new QueryBody(List.of("visits"), List.of(), null, "2023-12-01", "2024-01-01",
                null, null, null, null, null);
        QueryBody charges = new QueryBody(List.of("charges"), List.of(), null, "2024-01-01", "2024-02-01",
                null, null, null, null, null);
        dashboardService.addTile(d.getId(), "January by location", "table", jan);
        dashboardService.addTile(d.getId(), "December", "kpi", dec);
        dashboardService.addTile(d.getId(), "Charges", "kpi", charges);
        List<DashboardService.TileResult> results = dashboardService.run(d.getId(), "viewer");
        assertThat(results).allSatisfy(t -> assertThat(t.error()).isNull());
        // January by location, ordered by label: Alder Clinic 2 (a1 a2), Birch Clinic 2 (b1 b2).
        assertThat(results.get(0).result().rows()).extracting(row -> row[1] + "=" + row[2])
                .containsExactly("Alder Clinic=2", "Birch Clinic=2");
        // They ran on the dashboard's own executor: its threads took connections on both databases.
        assertThat(databases.analytics().threadsSeen()).anyMatch(n -> n.startsWith("caseload-tile"));
        assertThat(databases.get("dataSource").threadsSeen()).anyMatch(n -> n.startsWith("caseload-tile")); // scopeOf(user) by JPA
        // December 2023: a0, b0, b00.
        assertThat(results.get(1).result().rows().get(0)[0]).isEqualTo(3L);
        // January charges: 100 + 80 + 250 + 150.
        assertThat((java.math.BigDecimal) results.get(2).result().rows().get(0)[0]).isEqualByComparingTo("580.00");

        // Any other thread, on both pools at once.
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<long[]>> readers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readers.add(CompletableFuture.supplyAsync(() -> {
                threads.add(Thread.currentThread().getName());
                try {
                    return new long[] {count(analyticsDataSource, "select count(*) from shifts"),
                            count(appDataSource, "select count(*) from dashboard where name = 'jdbc-made'")};
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<long[]> f : readers) assertThat(f.get()).containsExactly(2, 1);
        assertThat(threads).noneMatch(n -> n.equals(Thread.currentThread().getName()));
        assertThat(clinic.l1().id()).isNotEqualTo(clinic.l2().id());
    }

    @Test
    @Order(4)
    void eachDatabaseUsesTheRecoveryItsDriverAllows() {
        // H2 has savepoints; DuckDB has none and aborts a transaction on any error, so the kit journals.
        assertThat(databases.get("dataSource").recoveryMode()).isEqualTo(RecoveryMode.SAVEPOINTS);
        assertThat(databases.analytics().recoveryMode()).isEqualTo(RecoveryMode.JOURNAL);
        assertThat(appDataSource).isInstanceOf(com.zaxxer.hikari.HikariDataSource.class); // the proxy keeps the pool's type
    }

    @Test
    @Order(5)
    void aFailedAnalyticsStatementDoesNotLoseTheFixtures(Fixtures fixtures) throws SQLException {
        fixtures.visit().create();
        try (Connection c = analyticsDataSource.getConnection(); Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeQuery("select * from no_such_table"))
                    .isInstanceOf(SQLException.class);
        }
        // DuckDB aborted its transaction; the kit rolled back and replayed the journal: the visit and its location are back.
        assertThat(fixtures.count("visits")).isEqualTo(1);
        assertThat(fixtures.count("locations")).isEqualTo(1);
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
