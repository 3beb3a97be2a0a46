package org.caseload.insights;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * An engine on a real DuckDB file (in a test's temporary folder) holding the warehouse tables,
 * optionally filled with plain SQL; and helpers to build {@link Row}s by hand.
 */
public final class TestEngine implements AutoCloseable {
    public final HikariDataSource dataSource;
    public final Engine engine;

    private TestEngine(HikariDataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** The default model on a warehouse created in {@code dir} and filled with {@code sql}. */
    public static TestEngine create(Path dir, String... sql) throws SQLException {
        return create(dir, ModelLoader.loadDefault(), sql);
    }

    public static TestEngine create(Path dir, SemanticModel model, String... sql) throws SQLException {
        Path file = dir.resolve("warehouse.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            WarehouseDdl.createAll(DSL.using(c, SQLDialect.DUCKDB));
            try (Statement s = c.createStatement()) {
                for (String q : sql) s.execute(q);
            }
        }
        return open(file, model);
    }

    /** An engine with the default model on an existing warehouse file. */
    public static TestEngine open(Path file, SemanticModel model) {
        HikariDataSource ds = Databases.duckdb(file, false);
        return new TestEngine(ds, new Engine(model, ds, SQLDialect.DUCKDB));
    }

    /** The default model's YAML with its {@code scores:} section replaced by {@code scoresYaml}. */
    public static SemanticModel modelWithScores(String scoresYaml) {
        String text;
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf("\nscores:");
        if (at < 0) throw new IllegalStateException("the default model has no scores section");
        return ModelLoader.parse("test.yaml", text.substring(0, at + 1) + scoresYaml);
    }

    public static Member member(String key) {
        return new Member(key, key);
    }

    /** A row of entity {@code key} in the one peer group of everything, with metric values in pairs. */
    public static Row row(String key, Object... namesAndValues) {
        return row(member(key), Member.ALL, Optional.empty(), namesAndValues);
    }

    public static Row row(Member entity, Member peer, Optional<LocalDate> period, Object... namesAndValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            values.put((String) namesAndValues[i], v == null ? null : ((Number) v).doubleValue());
        }
        return new Row(entity, peer, period, values);
    }

    public static List<Row> rows(Row... rows) {
        return List.of(rows);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
