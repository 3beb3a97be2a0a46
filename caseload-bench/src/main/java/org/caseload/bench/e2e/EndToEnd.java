package org.caseload.bench.e2e;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
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

    public EndToEnd(Engine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    /** Whether the engine and the hand-written SQL returned the same rows. */
    public record Check(BenchCase benchCase, RowMatch.Result result) {}

    /** Wall-clock milliseconds of each measured run, in run order. */
    public record Timing(BenchCase benchCase, long rows, List<Double> engineMillis, List<Double> handMillis) {
        public Timing {
            engineMillis = List.copyOf(engineMillis);
            handMillis = List.copyOf(handMillis);
        }

        public double engineMedian() {
            return median(engineMillis);
        }

        public double handMedian() {
            return median(handMillis);
        }

        /** Engine over hand-written, medians: above 1 means the engine is slower. */
        public double ratio() {
            return engineMedian() / handMedian();
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
     * Times the case. Each measured round runs both sides, alternating which goes first, so neither
     * always inherits the other's warm caches or pays for the other's garbage.
     */
    public Timing time(BenchCase c, int warmups, int runs) throws SQLException {
        for (int i = 0; i < warmups; i++) {
            runEngine(c, row -> {});
            runHand(c, row -> {});
        }
        List<Double> engineMillis = new ArrayList<>();
        List<Double> handMillis = new ArrayList<>();
        long rows = -1;
        for (int i = 0; i < runs; i++) {
            Counter e = new Counter();
            Counter h = new Counter();
            if (i % 2 == 0) {
                engineMillis.add(timed(() -> runEngine(c, e)));
                handMillis.add(timed(() -> runHand(c, h)));
            } else {
                handMillis.add(timed(() -> runHand(c, h)));
                engineMillis.add(timed(() -> runEngine(c, e)));
            }
            if (e.rows != h.rows || (rows >= 0 && rows != e.rows)) {
                throw new IllegalStateException(c.name() + ": row counts changed between runs: engine " + e.rows
                        + ", hand-written " + h.rows + ", before " + rows);
            }
            rows = e.rows;
        }
        return new Timing(c, rows, engineMillis, handMillis);
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

    private static double timed(Run r) throws SQLException {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e6;
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
