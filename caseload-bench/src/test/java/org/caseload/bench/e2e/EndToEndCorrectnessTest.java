package org.caseload.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.caseload.bench.data.DemoData;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comparison machinery on a small warehouse: the engine and the hand-written SQL must return the
 * same rows, or the bench's ratios would compare different work. Timing is never asserted here.
 */
class EndToEndCorrectnessTest {
    @TempDir
    static Path dir;

    private static HikariDataSource dataSource;
    private static EndToEnd e2e;

    @BeforeAll
    static void generate() throws Exception {
        Path db = DemoData.ensure(dir, 7, 20_000, System.out);
        dataSource = Databases.duckdb(db, true);
        e2e = new EndToEnd(new Engine(ModelLoader.loadDefault(), dataSource, SQLDialect.DUCKDB), dataSource);
    }

    @AfterAll
    static void close() {
        if (dataSource != null) dataSource.close();
    }

    static java.util.List<BenchCase> cases() {
        return BenchCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void engineAndHandWrittenReturnTheSameRows(BenchCase c) throws Exception {
        EndToEnd.Check check = e2e.check(c);
        assertThat(check.result().equal()).as(check.result().detail()).isTrue();
        assertThat(check.result().engineRows()).as("rows").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void timedRunsStreamTheCheckedRowCount(BenchCase c) throws Exception {
        EndToEnd.Timing t = e2e.time(c, 10, 1, 2);
        assertThat(t.rows()).isEqualTo(e2e.check(c).result().engineRows());
        assertThat(t.engineMillis()).hasSize(2);
        assertThat(t.handMillis()).hasSize(2);
    }
}
