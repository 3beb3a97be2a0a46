package org.caseload.engine.execute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.engine.render.QueryCompiler;
import org.caseload.model.SemanticModel;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Runs metric requests on an analytics database: compiles them for the connection's dialect and
 * streams the rows. Thread-safe; one per model and database.
 */
public final class Engine {
    /** Rows fetched per round trip: large enough for throughput, small enough to stream in little memory. */
    private static final int FETCH_SIZE = 2_000;

    private final SemanticModel model;
    private final QueryCompiler compiler;
    private final DSLContext dsl;

    public Engine(SemanticModel model, DataSource dataSource, SQLDialect sqlDialect) {
        this.model = model;
        Dialect dialect = Dialect.of(sqlDialect);
        this.compiler = new QueryCompiler(model, dialect);
        // Executed SQL is not formatted: people read the inlined form, the database does not care.
        this.dsl = DSL.using(dataSource, sqlDialect, dialect.settings().withRenderFormatted(false));
    }

    public SemanticModel model() {
        return model;
    }

    public QueryCompiler compiler() {
        return compiler;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public CompiledQuery compile(MetricRequest request, AccessScope scope) {
        return compiler.compile(request, scope);
    }

    public QueryResult execute(MetricRequest request, AccessScope scope) {
        return execute(compile(request, scope));
    }

    public QueryResult execute(CompiledQuery query) {
        long start = System.nanoTime();
        List<Object[]> rows = new ArrayList<>();
        stream(query, rows::add);
        return new QueryResult(query.plan().columns(), rows, query.inlineSql(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Hands each row to {@code sink} as it arrives; memory stays flat however many rows there are.
     * Values are read from the driver's result set, not through jOOQ's converters, so their types
     * are the database's (normalized by {@link Values}) and the rows match the inlined SQL run by hand.
     */
    public void stream(CompiledQuery query, Consumer<Object[]> sink) {
        stream(query, sink, java.time.Duration.ZERO);
    }

    /** As {@link #stream(CompiledQuery, Consumer)}, cancelled by the database after {@code timeout} (zero: none). */
    public void stream(CompiledQuery query, Consumer<Object[]> sink, java.time.Duration timeout) {
        int n = query.plan().columns().size();
        var select = query.query().fetchSize(FETCH_SIZE);
        if (!timeout.isZero()) {
            select = select.queryTimeout((int) Math.max(1, timeout.toSeconds()));
        }
        try (Cursor<Record> cursor = dsl.fetchLazy(select)) {
            ResultSet rs = cursor.resultSet();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = Values.normalize(rs.getObject(i + 1));
                }
                sink.accept(row);
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the result of the query failed: " + e.getMessage(), e);
        }
    }
}
