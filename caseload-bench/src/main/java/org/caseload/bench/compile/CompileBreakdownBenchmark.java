package org.caseload.bench.compile;

import java.util.concurrent.TimeUnit;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.plan.Planner;
import org.caseload.engine.plan.QueryPlan;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.render.SqlRenderer;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The multi-fact compile taken apart, to show where its time goes: planning, building the jOOQ
 * tree, and each of the three passes over that tree that {@code QueryCompiler.compile} makes.
 * Run with {@code --compile-breakdown}; the parts add up to roughly the whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBreakdownBenchmark {
    private Planner planner;
    private SqlRenderer renderer;
    private DSLContext formatted;
    private DSLContext flat;
    private QueryPlan plan;
    private Select<Record> query;

    @Setup
    public void setUp() {
        SemanticModel model = ModelLoader.loadDefault();
        Dialect dialect = Dialect.of(SQLDialect.DUCKDB);
        planner = new Planner(model, dialect);
        renderer = new SqlRenderer(model, dialect);
        formatted = DSL.using(dialect.sqlDialect(), dialect.settings());
        flat = DSL.using(dialect.sqlDialect(), dialect.settings().withRenderFormatted(false));
        plan = planner.plan(CompileBenchmark.MULTI_FACT, AccessScope.UNRESTRICTED);
        query = renderer.render(plan);
    }

    @Benchmark
    public QueryPlan a_plan() {
        return planner.plan(CompileBenchmark.MULTI_FACT, AccessScope.UNRESTRICTED);
    }

    @Benchmark
    public Select<Record> b_buildJooqTree() {
        return renderer.render(plan);
    }

    @Benchmark
    public String c_renderInlined() {
        return formatted.renderInlined(query);
    }

    @Benchmark
    public String d_renderWithBinds() {
        return formatted.render(query);
    }

    @Benchmark
    public Object e_extractBindValues() {
        return formatted.extractBindValues(query);
    }

    /** What one unformatted render would cost, for comparison with the formatted passes above. */
    @Benchmark
    public String f_renderWithBindsUnformatted() {
        return flat.render(query);
    }
}
