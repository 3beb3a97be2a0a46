package org.caseload.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.bench.compile.CompileBenchmark;
import org.caseload.bench.compile.CompileBreakdownBenchmark;
import org.caseload.bench.compile.CompileCpuTime;
import org.caseload.bench.compile.CompileRun;
import org.caseload.bench.data.DemoData;
import org.caseload.bench.e2e.BenchCase;
import org.caseload.bench.e2e.BenchCases;
import org.caseload.bench.e2e.EndToEnd;
import org.caseload.bench.scan.ScanRun;
import org.caseload.engine.dialect.Dialect;
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
 * timings on a shared machine are noisy.
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
            printSql(model, out);
            return;
        }
        out.printf(Locale.ROOT, "caseload-bench: %d cores, java %s, heap max %d MiB; %s, %,d visits, seed %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, o.quick() ? "quick" : "full", o.visits(), o.seed());
        out.printf(Locale.ROOT, "load average at start: %.2f%n", loadAverage());
        Summary summary = new Summary();

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

    private static void endToEnd(SemanticModel model, Path db, BenchOptions o, Summary summary, PrintStream out)
            throws Exception {
        // Closed before the scan, so the child JVM has the cores to itself.
        try (HikariDataSource ds = Databases.duckdb(db, true)) {
            EndToEnd e2e = new EndToEnd(new Engine(model, ds, SQLDialect.DUCKDB), ds);
            out.printf("%n== end to end: rows ==%n");
            for (BenchCase c : BenchCases.all()) {
                EndToEnd.Check check = e2e.check(c);
                out.printf("%-12s %s%n", c.name(), check.result().equal() ? "ok, " + check.result().detail()
                        : "MISMATCH: " + check.result().detail());
                summary.check(check);
            }
            out.printf(Locale.ROOT, "%n== end to end: time (compile + execute + stream every row; per query %,d compiles"
                    + " to JIT, %d warm-up and %d interleaved runs per side) ==%n", o.jitCompiles(), o.warmups(), o.runs());
            List<EndToEnd.Timing> timings = new ArrayList<>();
            for (BenchCase c : BenchCases.all()) {
                EndToEnd.Timing t = e2e.time(c, o.jitCompiles(), o.warmups(), o.runs());
                timings.add(t);
                out.printf(Locale.ROOT, "%-12s %,7d rows  engine %6s ms  hand %6s ms  ratio %.3f  paired %.3f  cpu %.3f%n"
                                + "             engine runs %s%n             hand runs   %s%n",
                        c.name(), t.rows(), Summary.ms(t.engineMedian()), Summary.ms(t.handMedian()), t.ratio(),
                        t.pairedRatio(), t.cpuRatio(), compact(t.engineMillis()), compact(t.handMillis()));
            }
            summary.timings(timings);
        }
    }

    /** Printed because other processes on the machine are the main source of noise in every figure. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String compact(List<Double> millis) {
        return millis.stream().map(Summary::ms).toList().toString().replace(" ", "");
    }

    private static void printSql(SemanticModel model, PrintStream out) {
        QueryCompiler compiler = new QueryCompiler(model, Dialect.of(SQLDialect.DUCKDB));
        out.println("-- compile benchmark, multi-fact:");
        out.println(compiler.compile(CompileBenchmark.MULTI_FACT, AccessScope.UNRESTRICTED).inlineSql());
        out.println("-- compile benchmark, single-fact:");
        out.println(compiler.compile(CompileBenchmark.SINGLE_FACT, AccessScope.UNRESTRICTED).inlineSql());
        for (BenchCase c : BenchCases.all()) {
            out.printf("%n-- %s: %s%n-- engine:%n", c.name(), c.description());
            out.println(compiler.compile(c.request(), AccessScope.UNRESTRICTED).inlineSql());
            out.println("-- hand-written, parameters " + c.handParams() + ":");
            out.println(c.handSql());
        }
    }
}
