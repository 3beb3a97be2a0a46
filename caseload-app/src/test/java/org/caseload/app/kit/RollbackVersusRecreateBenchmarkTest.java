package org.caseload.app.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.caseload.model.warehouse.WarehouseSchema;
import org.caseload.testkit.jdbc.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much faster isolating tests by the kit's rollback is than recreating both schemas per test.
 * Each "test" does the same work — 19 warehouse rows through jOOQ, 3 app rows, one engine query,
 * one app read — either inside the kit's pinned transactions (rolled back after), or on schemas
 * just recreated (Flyway clean + migrate on H2, drop + WarehouseDdl on DuckDB). The two are
 * interleaved, after a warm-up. It prints the figures; it asserts only that both isolate, never on time.
 */
class RollbackVersusRecreateBenchmarkTest {
    private static final int WARMUP = 3;
    private static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void printsTheSpeedupOfRollbackOverRecreatingTheSchema() throws Exception {
        SemanticModel model = ModelLoader.loadDefault();
        // Each approach on databases of its own, so neither sees the other's rows.
        try (HikariDataSource kitAppPool = h2("kit"); HikariDataSource kitAnalyticsPool = Databases.duckdb(dir.resolve("kit.duckdb"), false);
             HikariDataSource app = h2("recreate"); HikariDataSource analytics = Databases.duckdb(dir.resolve("recreate.duckdb"), false)) {
            Flyway.configure().dataSource(kitAppPool).locations("classpath:db/migration/standard").load().migrate();
            WarehouseDdl.createAll(DSL.using(kitAnalyticsPool, SQLDialect.DUCKDB));
            Flyway flyway = Flyway.configure().dataSource(app).locations("classpath:db/migration/standard").cleanDisabled(false).load();

            TestDatabase kitApp = TestDatabase.of("app", kitAppPool);
            TestDatabase kitAnalytics = TestDatabase.of("analytics", kitAnalyticsPool);
            Engine kitEngine = new Engine(model, kitAnalytics.dataSource(), SQLDialect.DUCKDB);
            Engine plainEngine = new Engine(model, analytics, SQLDialect.DUCKDB);

            long kitIsolation = 0, kitWork = 0, recreateIsolation = 0, recreateWork = 0;
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                kitApp.begin("bench");
                kitAnalytics.begin("bench");
                long t1 = System.nanoTime();
                work(kitAnalytics.dataSource(), kitApp.dataSource(), kitEngine, i);
                long t2 = System.nanoTime();
                kitAnalytics.end();
                kitApp.end();
                long t3 = System.nanoTime();
                flyway.clean();
                flyway.migrate();
                DSLContext dsl = DSL.using(analytics, SQLDialect.DUCKDB);
                for (int t = WarehouseSchema.TABLES.size() - 1; t >= 0; t--) {
                    dsl.dropTableIfExists(DSL.name(WarehouseSchema.TABLES.get(t).name())).execute();
                }
                WarehouseDdl.createAll(dsl);
                long t4 = System.nanoTime();
                work(analytics, app, plainEngine, i);
                long t5 = System.nanoTime();
                if (i >= WARMUP) {
                    kitIsolation += (t1 - t0) + (t3 - t2);
                    kitWork += t2 - t1;
                    recreateIsolation += t4 - t3;
                    recreateWork += t5 - t4;
                }
            }
            double ki = kitIsolation / 1e6 / RUNS, kw = kitWork / 1e6 / RUNS;
            double ri = recreateIsolation / 1e6 / RUNS, rw = recreateWork / 1e6 / RUNS;
            System.out.printf("%n[caseload-testkit benchmark] %d tests each way (after %d warm-up), ms per test:%n"
                            + "                          isolation     test body     total%n"
                            + "  kit (pin + rollback)    %9.2f     %9.2f  %8.2f%n"
                            + "  recreate both schemas   %9.2f     %9.2f  %8.2f%n"
                            + "  isolation alone: %.0fx cheaper; whole test: %.1fx faster (%.0f ms saved per test)%n%n",
                    RUNS, WARMUP, ki, kw, ki + kw, ri, rw, ri + rw, ri / ki, (ri + rw) / (ki + kw), (ri + rw) - (ki + kw));
        }
    }

    private static HikariDataSource h2(String name) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:h2:mem:bench-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        hc.setUsername("sa");
        hc.setMaximumPoolSize(4);
        return new HikariDataSource(hc);
    }

    /** One test's worth of work; checks it sees exactly its own rows (so both approaches isolate). */
    private static void work(DataSource analytics, DataSource app, Engine engine, int i) throws SQLException {
        DSLContext dsl = DSL.using(analytics, SQLDialect.DUCKDB);
        dsl.query("insert into locations values (?, ?, ?, ?, ?)", "L1", "Alder", "Springfield", "North", "UTC").execute();
        dsl.query("insert into locations values (?, ?, ?, ?, ?)", "L2", "Birch", "Springfield", "South", "UTC").execute();
        dsl.query("insert into role_groups values (?, ?, ?)", "rg", "Clinician", true).execute();
        dsl.query("insert into staff values (?, ?, ?, ?, ?)", "S1", "Ann", "rg", "L1", new java.math.BigDecimal("100.00")).execute();
        dsl.query("insert into staff values (?, ?, ?, ?, ?)", "S2", "Bob", "rg", "L2", new java.math.BigDecimal("120.00")).execute();
        for (int p = 1; p <= 3; p++) dsl.query("insert into patients values (?, ?, ?)", "P" + p, 1980, null).execute();
        LocalDateTime day = LocalDate.of(2024, 1, 10).atTime(9, 0);
        for (int v = 1; v <= 9; v++) {
            LocalDateTime at = day.plusHours(v);
            dsl.query("insert into visits values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "V" + v, "P" + (v % 3 + 1), v <= 4 ? "L1" : "L2",
                    null, v <= 4 ? "S1" : "S2", at, at, at, at.plusMinutes(30), "completed", new java.math.BigDecimal("50.00")).execute();
        }
        dsl.query("insert into shifts values (?, ?, ?, ?, ?, ?, ?)", "SH1", "S1", "L1", null, day, day.plusHours(8),
                new java.math.BigDecimal("800.00")).execute();
        dsl.query("insert into shifts values (?, ?, ?, ?, ?, ?, ?)", "SH2", "S2", "L2", null, day, day.plusHours(6),
                new java.math.BigDecimal("720.00")).execute();
        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into app_user (username, password_hash, role, created_at) values ('u" + i + "', 'x', 'ADMIN', current_timestamp)");
            s.executeUpdate("insert into dashboard (name, owner, created_at) values ('d', 'u" + i + "', current_timestamp)");
            s.executeUpdate("insert into saved_exploration (name, owner, chart_type, request_json, created_at)"
                    + " values ('e', 'u" + i + "', 'table', '{}', current_timestamp)");
        }
        // 9 completed visits: V1..V4 at L1, V5..V9 at L2.
        List<Object[]> rows = engine.execute(MetricRequest.builder().metrics("visits").dimensions("location").build(),
                AccessScope.UNRESTRICTED).rows();
        assertThat(rows).extracting(r -> r[1] + "=" + r[2]).containsExactly("Alder=4", "Birch=5");
        try (Connection c = app.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from app_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("only this test's user").isEqualTo(1);
        }
    }
}
