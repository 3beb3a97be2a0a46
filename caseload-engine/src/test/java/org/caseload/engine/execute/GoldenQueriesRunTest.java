package org.caseload.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.GoldenQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every golden request runs on DuckDB, and every row has exactly the planned columns. */
class GoldenQueriesRunTest {
    @TempDir
    static Path dir;
    static EngineTestSupport db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new EngineTestSupport(dir);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @TestFactory
    List<DynamicTest> everyGoldenQueryExecutes() {
        return GoldenQueries.all().entrySet().stream().map((Map.Entry<String, MetricRequest> e) ->
                DynamicTest.dynamicTest(e.getKey(), () -> {
                    QueryResult r = db.engine.execute(e.getValue(), AccessScope.UNRESTRICTED);
                    assertThat(r.rows()).allSatisfy(row -> assertThat(row).hasSize(r.columns().size()));
                })).toList();
    }
}
