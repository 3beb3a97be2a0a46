package org.caseload.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import org.caseload.bench.Backend;
import org.caseload.bench.server.ServerWarehouse;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Engine;
import org.caseload.model.ModelLoader;
import org.caseload.servers.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-written PostgreSQL and MariaDB SQL of every case returns the engine's rows, on the shared
 * test servers with a small demo warehouse loaded through the loader, as {@code --backend} would.
 * Timing is never asserted here.
 */
class ServerEndToEndCorrectnessTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backend.class, names = {"POSTGRES", "MARIADB"})
    void engineAndHandWrittenReturnTheSameRowsOnTheServer(Backend backend) throws Exception {
        var server = backend == Backend.POSTGRES ? TestServers.postgres() : TestServers.mariadb();
        try (ServerWarehouse w = ServerWarehouse.on(backend, server)) {
            ServerWarehouse.Load load = w.load(7, 20_000, QUIET);
            assertThat(load.visits()).isPositive();
            AnalyticsDatabase db = w.database();
            try (HikariDataSource ds = db.pool(true, 2)) {
                EndToEnd e2e = new EndToEnd(new Engine(ModelLoader.loadDefault(), ds, db.dialect()), ds);
                List<BenchCase> cases = BenchCases.all(backend.dialect());
                for (BenchCase c : cases) {
                    EndToEnd.Check check = e2e.check(c);
                    assertThat(check.result().equal()).as(backend + " " + c.name() + ": " + check.result().detail()).isTrue();
                    assertThat(check.result().engineRows()).as(c.name() + " rows").isPositive();
                }
                EndToEnd.Timing t = e2e.time(cases.get(0), 5, 0, 2);
                assertThat(t.rows()).isEqualTo(e2e.check(cases.get(0)).result().engineRows());
            }
        }
    }
}
