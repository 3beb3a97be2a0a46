package org.caseload.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.caseload.bench.compile.CompileBenchmark;
import org.caseload.bench.compile.CompileBreakdownBenchmark;
import org.caseload.bench.compile.CompileCpuTime;
import org.caseload.bench.compile.CompileRun;
import org.caseload.bench.data.DemoData;
import org.caseload.bench.e2e.BenchCase;
import org.caseload.bench.e2e.BenchCases;
import org.caseload.bench.e2e.EndToEnd;
import org.caseload.bench.scan.ScanRun;
import org.caseload.bench.server.ServerCpu;
import org.caseload.bench.server.ServerWarehouse;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.render.QueryCompiler;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.jooq.SQLDialect;

/**
 * The one bench command: compile figures through JMH, then engine versus hand-written SQL on the
 * demo warehouse, then the wide scan in a 256 MiB child JVM, then the summary. Exits 1 when a
 * correctness check or the scan fails; a missed timing target is reported, not an error, since
 * timings on a shared machine are noisy. With {@code --backend postgres|mariadb} only the
 * end-to-end part runs, on a server loaded for the run.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        PrintStream out = System.out;
        SemanticModel model = ModelLoader.loadDefault();
        if (o.printSql()) {
            printSql(model, o.backend(), out);
            return;
        }
        out.printf(Locale.ROOT, "caseload-bench: %d cores, java %s, heap max %d MiB; %s, %s, %,d visits, seed %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, o.backend().displayName(), o.quick() ? "quick" : "full", o.visits(),
                o.seed());
        out.printf(Locale.ROOT, "load average at start: %.2f%n", loadAverage());
        Summary summary = new Summary(o.backend());
        if (o.backend().isServer()) {
            onServer(model, o, summary, out);
            summary.print(out);
            out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
            if (summary.failed()) {
                System.exit(1);
            }
            return;
        }

        if (o.skipCompile()) {
            summary.compileSkipped("skipped");
        } else {
            out.printf(Locale.ROOT, "%n== compile (JMH SampleTime, 1 fork, %d x %d s warm-up, %d x %d s measured) ==%n",
                    o.jmhWarmups(), o.jmhSeconds(), o.jmhIterations(), o.jmhSeconds());
            Map<String, CompileRun.Figures> figures = CompileRun.run(o.jmhWarmups(), o.jmhIterations(), o.jmhSeconds(),
                    o.jmhVerbose());
            for (CompileRun.Figures f : figures.values()) {
                out.printf(Locale.ROOT, "%-11s median %7.1f us  p90 %7.1f us  p99 %7.1f us  mean %7.1f us  (%,d samples)%n",
                        f.benchmark(), f.medianMicros(), f.p90Micros(), f.p99Micros(), f.meanMicros(), f.samples());
            }
            summary.compile(figures);
            CompileCpuTime.Figures cpu = CompileCpuTime.measure(CompileBenchmark.MULTI_FACT, 5_000, 20, 250);
            out.printf(Locale.ROOT, "multiFact   thread CPU time per compile: median %.1f us, p90 %.1f us"
                    + " (%d batches of %d after 5,000 warm-up compiles, in this JVM)%n",
                    cpu.medianMicros(), cpu.p90Micros(), cpu.batches(), cpu.perBatch());
            summary.compileCpu(cpu);
            if (o.compileBreakdown()) {
                out.println("breakdown of multiFact (each part alone, same JMH settings):");
                for (CompileRun.Figures f : CompileRun.run(CompileBreakdownBenchmark.class, o.jmhWarmups(), o.jmhIterations(),
                        o.jmhSeconds(), o.jmhVerbose()).values()) {
                    out.printf(Locale.ROOT, "  %-30s median %7.1f us  p90 %7.1f us%n", f.benchmark(), f.medianMicros(),
                            f.p90Micros());
                }
            }
        }

        if (!o.skipEndToEnd() || !o.skipScan()) {
            out.printf("%n== data ==%n");
            Path db = DemoData.ensure(o.dataDir(), o.seed(), o.visits(), out);
            if (!o.skipEndToEnd()) {
                endToEnd(model, db, o, summary, out);
            }
            if (!o.skipScan()) {
                out.printf("%n== wide scan in a -Xmx%s child JVM ==%n", ScanRun.HEAP);
                ScanRun.Result r = ScanRun.run(db, o.scanRuns(), out);
                if (r.passed()) {
                    out.printf(Locale.ROOT, "scan: %,d rows; run times %s ms (the first in a cold JVM)%n", r.rows(), r.millis());
                    out.printf(Locale.ROOT, "scan: peak heap used %.1f MiB sampled every 5 ms, %.1f MiB as the sum of pool peaks,"
                                    + " %.1f MiB at most still live after a GC; max heap %d MiB; %d GCs, %d ms (%s)%n",
                            r.sampledPeak() / 1048576.0, r.poolPeaks() / 1048576.0, r.liveAfterGc() / 1048576.0,
                            r.maxHeap() >> 20, r.gcCount(), r.gcMillis(), r.gc());
                }
                out.println("scan: " + (r.passed() ? "PASS" : "FAIL (" + r.failure() + ")") + " ran under -Xmx" + ScanRun.HEAP);
                summary.scan(r);
            }
        }
        summary.print(out);
        out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
        if (summary.failed()) {
            System.exit(1);
        }
    }

    /**
     * The end-to-end part on PostgreSQL or MariaDB: a server of the bench's own (or the configured
     * external one), the demo data loaded through the loader, then the same checks and timings as on
     * DuckDB with that server's hand-written SQL, on one pool of 2 connections (the machine's cores).
     */
    private static void onServer(SemanticModel model, BenchOptions o, Summary summary, PrintStream out) throws Exception {
        out.printf("%n== data on %s ==%n", o.backend().displayName());
        try (ServerWarehouse server = ServerWarehouse.start(o.backend(), o.dataDir().resolve("servers"), out)) {
            out.println("server: " + server.describeServer());
            out.printf(Locale.ROOT, "data: loading %,d demo visits (seed %d) through the loader (load average %.2f)%n",
                    o.visits(), o.seed(), loadAverage());
            ServerWarehouse.Load load = server.load(o.seed(), o.visits(), out);
            out.println("data: " + load.describe());
            out.println("data: on disk (MiB, with primary key) " + server.tableSizesMiB().entrySet().stream()
                    .map(e -> e.getKey() + String.format(Locale.ROOT, " %.0f", e.getValue())).toList());
            out.printf(Locale.ROOT, "load average after the load: %.2f%n", loadAverage());
            summary.load(load);
            AnalyticsDatabase db = server.database();
            ServerCpu cpu = server.cpu();
            LongSupplier cpuNanos = () -> {
                long serverNanos = cpu.cpuNanos();
                long self = EndToEnd.processCpuNanos();
                return serverNanos < 0 || self < 0 ? -1 : serverNanos + self;
            };
            try (HikariDataSource ds = db.pool(true, Math.max(2, Runtime.getRuntime().availableProcessors()))) {
                endToEnd(new Engine(model, ds, db.dialect()), ds, BenchCases.all(o.backend().dialect()), cpuNanos,
                        "client + server", o, summary, out);
            }
        }
    }

    private static void endToEnd(SemanticModel model, Path db, BenchOptions o, Summary summary, PrintStream out)
            throws Exception {
        // Closed before the scan, so the child JVM has the cores to itself.
        try (HikariDataSource ds = Databases.duckdb(db, true)) {
            endToEnd(new Engine(model, ds, SQLDialect.DUCKDB), ds, BenchCases.all(), EndToEnd::processCpuNanos, "process",
                    o, summary, out);
        }
    }

    private static void endToEnd(Engine engine, DataSource ds, List<BenchCase> cases, LongSupplier cpuNanos, String cpuOf,
            BenchOptions o, Summary summary, PrintStream out) throws Exception {
        EndToEnd e2e = new EndToEnd(engine, ds, cpuNanos);
        out.printf("%n== end to end on %s: rows ==%n", o.backend().displayName());
        for (BenchCase c : cases) {
            EndToEnd.Check check = e2e.check(c);
            out.printf("%-12s %s%n", c.name(), check.result().equal() ? "ok, " + check.result().detail()
                    : "MISMATCH: " + check.result().detail());
            summary.check(check);
        }
        out.printf(Locale.ROOT, "%n== end to end on %s: time (compile + execute + stream every row; per query %,d compiles"
                + " to JIT, %d warm-up and %d interleaved runs per side; cpu = %s CPU time) ==%n", o.backend().displayName(),
                o.jitCompiles(), o.warmups(), o.runs(), cpuOf);
        List<EndToEnd.Timing> timings = new ArrayList<>();
        for (BenchCase c : cases) {
            EndToEnd.Timing t = e2e.time(c, o.jitCompiles(), o.warmups(), o.runs());
            timings.add(t);
            out.printf(Locale.ROOT, "%-12s %,7d rows  engine %6s ms  hand %6s ms  ratio %.3f  paired %.3f  cpu %.3f"
                            + " (load %.2f)%n             engine runs %s%n             hand runs   %s%n",
                    c.name(), t.rows(), Summary.ms(t.engineMedian()), Summary.ms(t.handMedian()), t.ratio(),
                    t.pairedRatio(), t.cpuRatio(), loadAverage(), compact(t.engineMillis()), compact(t.handMillis()));
        }
        summary.timings(timings);
    }

    /** Printed because other processes on the machine are the main source of noise in every figure. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String compact(List<Double> millis) {
        return millis.stream().map(Summary::ms).toList().toString().replace(" ", "");
    }

    private static void printSql(SemanticModel model, Backend backend, PrintStream out) {
        QueryCompiler compiler = new QueryCompiler(model, Dialect.of(backend.dialect()));
        if (!backend.isServer()) {
            out.println("-- compile benchmark, multi-fact:");
            out.println(compiler.compile(CompileBenchmark.MULTI_FACT, AccessScope.UNRESTRICTED).inlineSql());
            out.println("-- compile benchmark, single-fact:");
            out.println(compiler.compile(CompileBenchmark.SINGLE_FACT, AccessScope.UNRESTRICTED).inlineSql());
        }
        for (BenchCase c : BenchCases.all(backend.dialect())) {
            out.printf("%n-- %s: %s%n-- engine (%s):%n", c.name(), c.description(), backend.displayName());
            out.println(compiler.compile(c.request(), AccessScope.UNRESTRICTED).inlineSql());
            out.println("-- hand-written, parameters " + c.handParams() + ":");
            out.println(c.handSql());
        }
    }
}
