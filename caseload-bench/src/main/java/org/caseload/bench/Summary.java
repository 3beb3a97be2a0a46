package org.caseload.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.bench.compile.CompileCpuTime;
import org.caseload.bench.compile.CompileRun;
import org.caseload.bench.e2e.EndToEnd;
import org.caseload.bench.scan.ScanRun;
import org.caseload.bench.server.ServerWarehouse;

/** The closing table: every figure of the run beside its target, with a verdict where there is a target. */
final class Summary {
    static final double COMPILE_TARGET_MICROS = 200;
    static final double RATIO_TARGET = 1.10;

    private record Row(String figure, String measured, String target, String verdict) {}

    private final List<Row> rows = new ArrayList<>();
    private final String e2e;
    private boolean failed;

    Summary(Backend backend) {
        // "e2e" on DuckDB as before; the server's name otherwise, so a pasted summary says where it ran.
        this.e2e = backend.isServer() ? "e2e " + backend.optionName() : "e2e";
    }

    void load(ServerWarehouse.Load load) {
        rows.add(new Row("load " + load.backend().optionName() + " (loader, one transaction)", String.format(Locale.ROOT,
                "%,d rows (%,d visits) in %.1f s = %,.0f rows/s", load.totalRows(), load.visits(), load.seconds(),
                load.rowsPerSecond()), "", ""));
    }

    void compile(Map<String, CompileRun.Figures> figures) {
        for (CompileRun.Figures f : figures.values()) {
            String label = "compile " + (f.benchmark().equals("multiFact") ? "multi-fact" : "single-fact") + " 3x2";
            rows.add(new Row(label + " median", us(f.medianMicros()), "< " + us(COMPILE_TARGET_MICROS),
                    f.medianMicros() < COMPILE_TARGET_MICROS ? "ok" : "MISS"));
            rows.add(new Row(label + " p90", us(f.p90Micros()), "", ""));
        }
    }

    void compileCpu(CompileCpuTime.Figures f) {
        rows.add(new Row("compile multi-fact 3x2 CPU time", String.format(Locale.ROOT, "%s median, %s p90", us(f.medianMicros()),
                us(f.p90Micros())), "< " + us(COMPILE_TARGET_MICROS), f.medianMicros() < COMPILE_TARGET_MICROS ? "ok" : "MISS"));
    }

    void compileSkipped(String why) {
        rows.add(new Row("compile", why, "< " + us(COMPILE_TARGET_MICROS), "n/a"));
    }

    void check(EndToEnd.Check c) {
        boolean ok = c.result().equal();
        failed |= !ok;
        rows.add(new Row("rows equal " + c.benchCase().name(), ok ? c.result().engineRows() + " rows" : "DIFFERENT",
                "identical", ok ? "ok" : "FAIL"));
    }

    void timings(List<EndToEnd.Timing> timings) {
        double logSum = 0;
        double pairedLogSum = 0;
        double cpuLogSum = 0;
        double engineTotal = 0;
        double handTotal = 0;
        for (EndToEnd.Timing t : timings) {
            rows.add(new Row(e2e + " " + t.benchCase().name() + " engine/hand",
                    String.format(Locale.ROOT, "%.3f (%s / %s ms); paired %.3f; cpu %.3f", t.ratio(), ms(t.engineMedian()),
                            ms(t.handMedian()), t.pairedRatio(), t.cpuRatio()),
                    "<= " + RATIO_TARGET, t.ratio() <= RATIO_TARGET ? "ok" : "MISS"));
            logSum += Math.log(t.ratio());
            pairedLogSum += Math.log(t.pairedRatio());
            cpuLogSum += Math.log(t.cpuRatio());
            engineTotal += t.engineMedian();
            handTotal += t.handMedian();
        }
        if (!timings.isEmpty()) {
            int n = timings.size();
            double geo = Math.exp(logSum / n);
            rows.add(new Row(e2e + " overall (geometric mean)", String.format(Locale.ROOT, "%.3f; paired %.3f; cpu %.3f", geo,
                    Math.exp(pairedLogSum / n), Math.exp(cpuLogSum / n)), "<= " + RATIO_TARGET, geo <= RATIO_TARGET ? "ok" : "MISS"));
            double total = engineTotal / handTotal;
            rows.add(new Row(e2e + " overall (sum of medians)", String.format(Locale.ROOT, "%.3f (%s / %s ms)", total,
                    ms(engineTotal), ms(handTotal)), "<= " + RATIO_TARGET, total <= RATIO_TARGET ? "ok" : "MISS"));
        }
    }

    void scan(ScanRun.Result r) {
        failed |= !r.passed();
        if (!r.passed()) {
            rows.add(new Row("scan under -Xmx" + ScanRun.HEAP, "FAIL: " + r.failure(), "runs", "FAIL"));
            return;
        }
        rows.add(new Row("scan under -Xmx" + ScanRun.HEAP, String.format(Locale.ROOT, "%,d rows, %s ms median", r.rows(),
                ms(r.medianMillis())), "runs", "PASS"));
        rows.add(new Row("scan peak heap used", String.format(Locale.ROOT, "%s sampled, %s pool peaks, %s live after GC",
                mib(r.sampledPeak()), mib(r.poolPeaks()), mib(r.liveAfterGc())), "< " + mib(ScanRun.HEAP_BYTES),
                r.poolPeaks() < ScanRun.HEAP_BYTES ? "ok" : "near cap"));
    }

    boolean failed() {
        return failed;
    }

    void print(PrintStream out) {
        int a = "figure".length();
        int b = "measured".length();
        int c = "target".length();
        for (Row r : rows) {
            a = Math.max(a, r.figure().length());
            b = Math.max(b, r.measured().length());
            c = Math.max(c, r.target().length());
        }
        String format = "%-" + a + "s  %-" + b + "s  %-" + c + "s  %s%n";
        out.println();
        out.println("== summary ==");
        out.printf(format, "figure", "measured", "target", "verdict");
        out.printf(format, "-".repeat(a), "-".repeat(b), "-".repeat(c), "-------");
        for (Row r : rows) {
            out.printf(format, r.figure(), r.measured(), r.target(), r.verdict());
        }
    }

    static String us(double micros) {
        return String.format(Locale.ROOT, "%.1f us", micros);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 100 ? "%.1f" : "%.0f", millis);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
