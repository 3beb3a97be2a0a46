package org.caseload.bench.compile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.caseload.bench.e2e.EndToEnd;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.QueryCompiler;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;

/**
 * Compile cost in CPU time of the compiling thread, beside JMH's wall-clock samples. When other
 * processes compete for the cores, wall time per call includes time spent waiting for a core; thread
 * CPU time does not, so this figure stays close to what a compile costs on an idle machine.
 */
public final class CompileCpuTime {
    private CompileCpuTime() {}

    /** Median and p90 over batches of the mean CPU µs per compile within a batch. */
    public record Figures(double medianMicros, double p90Micros, int batches, int perBatch) {}

    public static Figures measure(MetricRequest request, int warmupCompiles, int batches, int perBatch) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return new Figures(Double.NaN, Double.NaN, 0, perBatch);
        }
        QueryCompiler compiler = new QueryCompiler(ModelLoader.loadDefault(), Dialect.of(SQLDialect.DUCKDB));
        long sink = 0;
        for (int i = 0; i < warmupCompiles; i++) {
            sink += compiler.compile(request, AccessScope.UNRESTRICTED).sql().length();
        }
        List<Double> perCompile = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                sink += compiler.compile(request, AccessScope.UNRESTRICTED).sql().length();
            }
            perCompile.add((threads.getCurrentThreadCpuTime() - start) / 1e3 / perBatch);
        }
        if (sink == 42) {
            // Keeps the JIT from dropping the compiles as unused; never true in practice.
            System.out.print("");
        }
        List<Double> sorted = perCompile.stream().sorted().toList();
        double p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1));
        return new Figures(EndToEnd.median(perCompile), p90, batches, perBatch);
    }
}
