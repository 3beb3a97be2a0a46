package org.caseload.bench.e2e;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.render.CompiledQuery;

/**
 * Runs each case through the engine (compile, execute, stream every row) and as hand-written SQL
 * over plain JDBC, on the same pool: first once each to check the rows agree, then warmed up and
 * interleaved so drift on a shared machine lands on both sides alike.
 */
public final class EndToEnd {
    private final Engine engine;
    private final DataSource dataSource;
    private final LongSupplier cpuNanos;

    /** On DuckDB, which runs in this process: CPU time is this process's. */
    public EndToEnd(Engine engine, DataSource dataSource) {
        this(engine, dataSource, EndToEnd::processCpuNanos);
    }

    /**
     * With the CPU time to measure: on a server, this process's plus the server's, since the query runs
     * there. {@code cpuNanos} answers -1 when it cannot tell; the CPU figures are NaN then.
     */
    public EndToEnd(Engine engine, DataSource dataSource, LongSupplier cpuNanos) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.cpuNanos = cpuNanos;
    }

    /** Whether the engine and the hand-written SQL returned the same rows. */
    public record Check(BenchCase benchCase, RowMatch.Result result) {}

    /**
     * Milliseconds of each measured run, in run order: wall clock, and CPU time of the whole process
     * (DuckDB runs in-process, so its worker threads count; on a server, the server's CPU time is added). Wall time is what a user waits; CPU time
     * moves much less when other processes compete for the cores, so it is the steadier of the two on
     * a shared machine.
     */
    public record Timing(BenchCase benchCase, long rows, List<Double> engineMillis, List<Double> handMillis,
                         List<Double> engineCpuMillis, List<Double> handCpuMillis) {
        public Timing {
            engineMillis = List.copyOf(engineMillis);
            handMillis = List.copyOf(handMillis);
            engineCpuMillis = List.copyOf(engineCpuMillis);
            handCpuMillis = List.copyOf(handCpuMillis);
        }

        public double engineMedian() {
            return median(engineMillis);
        }

        public double handMedian() {
            return median(handMillis);
        }

        /** Engine over hand-written, wall-clock medians: above 1 means the engine is slower. */
        public double ratio() {
            return engineMedian() / handMedian();
        }

        /**
         * The median over rounds of engine / hand-written within the round. Both sides of a round run
         * back to back, so a change of load between rounds cancels out, which the ratio of medians
         * does not guarantee when the load shifts halfway through the runs.
         */
        public double pairedRatio() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < engineMillis.size(); i++) {
                ratios.add(engineMillis.get(i) / handMillis.get(i));
            }
            return median(ratios);
        }

        /** Engine over hand-written, CPU-time medians; NaN where the JVM cannot tell process CPU time. */
        public double cpuRatio() {
            return median(engineCpuMillis) / median(handCpuMillis);
        }
    }

    public Check check(BenchCase c) throws SQLException {
        List<Object[]> engineRows = new ArrayList<>();
        runEngine(c, engineRows::add);
        List<Object[]> handRows = new ArrayList<>();
        HandWritten.stream(dataSource, c.handSql(), c.handParams(), handRows::add);
        return new Check(c, RowMatch.compare(engineRows, handRows, RowMatch.TOLERANCE));
    }

    /**
     * Times the case. The request is first compiled {@code jitCompiles} times without running it:
     * the compile path is deep jOOQ code that the JIT needs thousands of calls to optimize, which a
     * server gets from its traffic but a handful of timed runs never would, while plain JDBC is warm
     * after a few calls. Then each side runs {@code warmups} times unmeasured, and each measured
     * round runs both sides, alternating which goes first, so neither always inherits the other's
     * warm caches or pays for the other's garbage.
     */
    public Timing time(BenchCase c, int jitCompiles, int warmups, int runs) throws SQLException {
        for (int i = 0; i < jitCompiles; i++) {
            engine.compile(c.request(), AccessScope.UNRESTRICTED);
        }
        for (int i = 0; i < warmups; i++) {
            runEngine(c, row -> {});
            runHand(c, row -> {});
        }
        List<Double> engineMillis = new ArrayList<>();
        List<Double> handMillis = new ArrayList<>();
        List<Double> engineCpu = new ArrayList<>();
        List<Double> handCpu = new ArrayList<>();
        long rows = -1;
        for (int i = 0; i < runs; i++) {
            Counter e = new Counter();
            Counter h = new Counter();
            Run engineRun = () -> runEngine(c, e);
            Run handRun = () -> runHand(c, h);
            if (i % 2 == 0) {
                timed(engineRun, engineMillis, engineCpu);
                timed(handRun, handMillis, handCpu);
            } else {
                timed(handRun, handMillis, handCpu);
                timed(engineRun, engineMillis, engineCpu);
            }
            if (e.rows != h.rows || (rows >= 0 && rows != e.rows)) {
                throw new IllegalStateException(c.name() + ": row counts changed between runs: engine " + e.rows
                        + ", hand-written " + h.rows + ", before " + rows);
            }
            rows = e.rows;
        }
        return new Timing(c, rows, engineMillis, handMillis, engineCpu, handCpu);
    }

    /** Everything a caller of the engine pays for: compilation included, since every request is compiled anew. */
    public void runEngine(BenchCase c, Consumer<Object[]> sink) {
        CompiledQuery q = engine.compile(c.request(), AccessScope.UNRESTRICTED);
        engine.stream(q, sink);
    }

    public void runHand(BenchCase c, Consumer<Object[]> sink) throws SQLException {
        HandWritten.stream(dataSource, c.handSql(), c.handParams(), sink);
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) return Double.NaN;
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private interface Run {
        void run() throws SQLException;
    }

    private void timed(Run r, List<Double> wallMillis, List<Double> cpuMillis) throws SQLException {
        long cpu = cpuNanos.getAsLong();
        long start = System.nanoTime();
        r.run();
        wallMillis.add((System.nanoTime() - start) / 1e6);
        long after = cpu < 0 ? -1 : cpuNanos.getAsLong();
        cpuMillis.add(cpu < 0 || after < 0 ? Double.NaN : (after - cpu) / 1e6);
    }

    /** CPU time of this whole process (all threads, DuckDB's workers included), or -1. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Counts rows instead of keeping them, so a measured run allocates what a streaming caller would. */
    private static final class Counter implements Consumer<Object[]> {
        long rows;

        @Override
        public void accept(Object[] row) {
            rows++;
        }
    }
}
