package org.caseload.bench.compile;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.QueryCompiler;
import org.caseload.model.Grain;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Request to SQL text with no database: planning, rendering the jOOQ query, and rendering it twice
 * (inlined and with bind values) plus extracting the binds, since {@link QueryCompiler#compile} does
 * all of that for every request. The model is loaded once, as a server would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBenchmark {
    /** 3 metrics x 2 dimensions over two facts (visits and shifts), monthly. */
    public static final MetricRequest MULTI_FACT = MetricRequest.builder()
            .metrics("visits", "staff_cost", "staff_cost_per_visit")
            .dimensions("location", "service")
            .grain(Grain.MONTH)
            .between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1))
            .build();

    /** 3 metrics x 2 dimensions over the visits fact alone, monthly. */
    public static final MetricRequest SINGLE_FACT = MetricRequest.builder()
            .metrics("visits", "no_show_rate", "avg_wait_minutes")
            .dimensions("location", "service")
            .grain(Grain.MONTH)
            .between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1))
            .build();

    private QueryCompiler compiler;

    @Setup
    public void setUp() {
        compiler = new QueryCompiler(ModelLoader.loadDefault(), Dialect.of(SQLDialect.DUCKDB));
    }

    @Benchmark
    public String multiFact() {
        return compiler.compile(MULTI_FACT, AccessScope.UNRESTRICTED).sql();
    }

    @Benchmark
    public String singleFact() {
        return compiler.compile(SINGLE_FACT, AccessScope.UNRESTRICTED).sql();
    }
}
