package org.caseload.engine.execute;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;

/** One engine on the hand-computed fixture, shared by the tests of a class. */
final class EngineTestSupport implements AutoCloseable {
    final HikariDataSource dataSource;
    final Engine engine;

    EngineTestSupport(Path dir) throws Exception {
        Path file = Fixture.create(dir);
        dataSource = Databases.duckdb(file, false);
        engine = new Engine(ModelLoader.loadDefault(), dataSource, SQLDialect.DUCKDB);
    }

    List<Map<String, Object>> rows(MetricRequest request) {
        return rows(request, AccessScope.UNRESTRICTED);
    }

    List<Map<String, Object>> rows(MetricRequest request, AccessScope scope) {
        QueryResult r = engine.execute(request, scope);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                m.put(r.columns().get(i).name(), row[i]);
            }
            out.add(m);
        }
        return out;
    }

    static double d(Object v) {
        return ((Number) v).doubleValue();
    }

    static BigDecimal money(Object v) {
        return new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
