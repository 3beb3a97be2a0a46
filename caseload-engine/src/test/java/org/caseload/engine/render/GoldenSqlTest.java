package org.caseload.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden SQL per dialect: the inlined SQL of each {@link GoldenQueries} request is kept in
 * {@code src/test/resources/golden/<dialect>/<name>.sql} and reviewed like code. After an intended
 * change, regenerate with {@code ./mvnw -pl caseload-engine test -Dtest=GoldenSqlTest -Dgolden.update=true}
 * and read the diff.
 */
class GoldenSqlTest {
    static final List<SQLDialect> DIALECTS =
            List.of(SQLDialect.DUCKDB, SQLDialect.POSTGRES, SQLDialect.MYSQL, SQLDialect.TRINO);
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    List<DynamicTest> inlinedSqlMatchesGoldenFile() {
        SemanticModel model = ModelLoader.loadDefault();
        List<DynamicTest> tests = new ArrayList<>();
        for (SQLDialect d : DIALECTS) {
            QueryCompiler compiler = new QueryCompiler(model, Dialect.of(d));
            for (Map.Entry<String, MetricRequest> e : GoldenQueries.all().entrySet()) {
                Path file = ROOT.resolve(d.name().toLowerCase()).resolve(e.getKey() + ".sql");
                tests.add(DynamicTest.dynamicTest(d + " " + e.getKey(), () -> {
                    String actual;
                    try {
                        actual = compiler.compile(e.getValue(), AccessScope.UNRESTRICTED).inlineSql() + ";\n";
                    } catch (RequestException ex) {
                        // A capability the dialect lacks is golden too: the message users will see.
                        actual = "-- error: " + ex.describe() + "\n";
                    }
                    if (UPDATE || !Files.exists(file)) {
                        write(file, actual);
                    }
                    assertThat(actual).isEqualTo(Files.readString(file));
                }));
            }
        }
        return tests;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
