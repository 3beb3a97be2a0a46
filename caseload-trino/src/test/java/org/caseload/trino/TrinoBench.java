package org.caseload.trino;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.model.Grain;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;

/**
 * caseload-bench's end-to-end comparison on Trino: the engine (compile, execute, stream every row)
 * against SQL written by hand for Trino, on the shared 3-node cluster of {@link TrinoCluster} with the
 * demo warehouse loaded through the loader (multi-row INSERTs into the memory connector).
 *
 * <p>A main class, not a test: surefire never picks it up (no {@code @Test}, and its name matches
 * none of surefire's patterns), so {@code verify} never runs it. Run it with
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -ntp -o -Ptrino -pl caseload-trino test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx4g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp %classpath org.caseload.trino.TrinoBench"
 * </pre>
 * (arguments after the class name: {@code --visits N}, {@code --runs N}, {@code --warmups N},
 * {@code --jit-compiles N}, {@code --seed N}). The engine, the cluster and the client share one JVM,
 * so the process CPU time is the whole query's.
 *
 * <p>The five cases and their requests are caseload-bench's {@code BenchCases} (that module's
 * README has the DuckDB, PostgreSQL and MariaDB figures); the hand-written SQL here is Trino's:
 * {@code count_if}, {@code filter}, {@code group by} ordinals (Trino has no {@code group by all}),
 * and divisions of a {@code double}, since Trino divides integers as integers and keeps a decimal
 * dividend's scale.
 */
public final class TrinoBench {
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 1);
    private static final double TOLERANCE = 1e-9;

    private TrinoBench() {}

    /** One question, as a request to the engine and as SQL written by hand, with its JDBC parameters. */
    record Case(String name, MetricRequest request, String handSql, List<Object> handParams) {}

    static List<Case> cases() {
        return List.of(
                new Case("single_fact", MetricRequest.builder().metrics("visits", "charges").dimensions("location")
                        .grain(Grain.MONTH).between(FROM, TO).build(), """
                        select v.location_id                                    as location,
                               l.name                                           as location_label,
                               cast(date_trunc('month', v.scheduled_at) as date) as month,
                               count_if(v.status = 'completed')                 as visits,
                               sum(v.charge_amount) filter (where v.status = 'completed') as charges
                        from visits v
                        join locations l on l.location_id = v.location_id
                        where v.scheduled_at >= ? and v.scheduled_at < ?
                        group by 1, 2, 3
                        order by location_label, location, month
                        """, List.of(FROM, TO)),
                new Case("multi_fact", MetricRequest.builder().metrics("visits", "staff_cost", "staff_cost_per_visit")
                        .dimensions("location", "service").grain(Grain.MONTH).between(FROM, TO).build(), """
                        with v as (
                            select location_id, service_id, cast(date_trunc('month', scheduled_at) as date) as month,
                                   count_if(status = 'completed') as visits
                            from visits
                            where scheduled_at >= ? and scheduled_at < ?
                            group by 1, 2, 3
                        ), s as (
                            select location_id, service_id, cast(date_trunc('month', started_at) as date) as month,
                                   sum(cost_amount) as staff_cost
                            from shifts
                            where started_at >= ? and started_at < ?
                            group by 1, 2, 3
                        )
                        select location_id            as location,
                               l.name                 as location_label,
                               service_id             as service,
                               sv.name                as service_label,
                               month,
                               coalesce(v.visits, 0)  as visits,
                               s.staff_cost,
                               cast(s.staff_cost as double) / nullif(v.visits, 0) as staff_cost_per_visit
                        from v
                        full join s using (location_id, service_id, month)
                        left join locations l using (location_id)
                        left join services sv using (service_id)
                        order by location_label, location, service_label, service, month
                        """, List.of(FROM, TO, FROM, TO)),
                new Case("ratio", MetricRequest.builder().metrics("no_show_rate").dimensions("region")
                        .grain(Grain.WEEK).between(FROM, TO).build(), """
                        select l.region,
                               cast(date_trunc('week', v.scheduled_at) as date) as week,
                               cast(count_if(v.status = 'no_show') as double)
                                 / nullif(count_if(v.status in ('completed', 'no_show')), 0) as no_show_rate
                        from visits v
                        join locations l on l.location_id = v.location_id
                        where v.scheduled_at >= ? and v.scheduled_at < ?
                        group by 1, 2
                        order by region, week
                        """, List.of(FROM, TO)),
                new Case("filtered", MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("location")
                        .grain(Grain.MONTH).between(FROM, TO).filter(DimensionFilter.in("service", "dental")).build(), """
                        select v.location_id                                    as location,
                               l.name                                           as location_label,
                               cast(date_trunc('month', v.scheduled_at) as date) as month,
                               count_if(v.status = 'completed')                 as visits,
                               avg(date_diff('second', v.started_at, v.ended_at) / 60e0)
                                 filter (where v.status = 'completed')          as avg_visit_minutes
                        from visits v
                        join locations l on l.location_id = v.location_id
                        where v.scheduled_at >= ? and v.scheduled_at < ? and v.service_id = ?
                        group by 1, 2, 3
                        order by location_label, location, month
                        """, List.of(FROM, TO, "dental")),
                new Case("staff_day", MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("staff")
                        .grain(Grain.DAY).between(FROM, TO).build(), """
                        select v.staff_id                      as staff,
                               st.name                         as staff_label,
                               cast(v.scheduled_at as date)    as day,
                               count_if(v.status = 'completed') as visits,
                               avg(date_diff('second', v.started_at, v.ended_at) / 60e0)
                                 filter (where v.status = 'completed') as avg_visit_minutes
                        from visits v
                        left join staff st on st.staff_id = v.staff_id
                        where v.scheduled_at >= ? and v.scheduled_at < ?
                        group by 1, 2, 3
                        order by staff_label, staff, day
                        """, List.of(FROM, TO)));
    }

    public static void main(String[] args) throws Exception {
        int visits = 200_000;
        long seed = 42;
        int runs = 9;
        int warmups = 2;
        int jitCompiles = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--visits" -> visits = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--jit-compiles" -> jitCompiles = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; TrinoBench takes --visits N, --seed N, --runs N, --warmups N, --jit-compiles N");
                    System.exit(2);
                }
            }
        }
        // One println per line: Trino's logging takes System.out over, and each print would be a line of its own.
        say("TrinoBench: %d cores, java %s, heap max %d MiB; %,d visits, seed %d; load average %.2f",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, visits, seed, loadAverage());
        TrinoCluster cluster = TrinoCluster.get();
        say("cluster: %d nodes started in %.1f s", cluster.nodeCount(), cluster.startTime().toMillis() / 1000.0);

        long start = System.nanoTime();
        long step = Math.max(1, visits / 10);
        long[] next = {step};
        LoadSummary load;
        try (Connection c = cluster.connect()) {
            load = DemoGenerator.generate(c, new DemoOptions(seed, visits), written -> {
                if (written >= next[0]) {
                    say("data:   %,d visits written (%.0f s)", written, (System.nanoTime() - start) / 1e9);
                    next[0] = (written / step + 1) * step;
                }
            });
        }
        double loadSeconds = load.elapsed().toNanos() / 1e9;
        say("data: %,d rows (%,d visits, %,d shifts, %,d patients) in %.1f s: %,.0f rows/s (load average %.2f)",
                load.totalRows(), load.rows("visits"), load.rows("shifts"), load.rows("patients"), loadSeconds,
                load.totalRows() / loadSeconds, loadAverage());

        DataSource ds = cluster.dataSource();
        Engine engine = new Engine(ModelLoader.loadDefault(), ds, SQLDialect.TRINO);
        boolean allEqual = true;
        say("== end to end on Trino: rows ==");
        for (Case c : cases()) {
            List<Object[]> e = new ArrayList<>();
            runEngine(engine, c, e::add);
            List<Object[]> h = new ArrayList<>();
            runHand(ds, c, h::add);
            String difference = compare(e, h);
            allEqual &= difference == null;
            say("%-12s %s", c.name(), difference == null ? "ok, same " + e.size() + " rows" : "MISMATCH: " + difference);
        }

        say("== end to end on Trino: time (compile + execute + stream every row; per query %,d compiles to JIT, %d warm-up"
                + " and %d interleaved runs per side; cpu = this JVM's, cluster included) ==", jitCompiles, warmups, runs);
        List<String> summary = new ArrayList<>();
        double logRatio = 0;
        double logPaired = 0;
        double logCpu = 0;
        double engineTotal = 0;
        double handTotal = 0;
        for (Case c : cases()) {
            for (int i = 0; i < jitCompiles; i++) {
                engine.compile(c.request(), AccessScope.UNRESTRICTED);
            }
            for (int i = 0; i < warmups; i++) {
                runEngine(engine, c, row -> {});
                runHand(ds, c, row -> {});
            }
            List<Double> engineMs = new ArrayList<>();
            List<Double> handMs = new ArrayList<>();
            List<Double> engineCpu = new ArrayList<>();
            List<Double> handCpu = new ArrayList<>();
            long[] rows = new long[2];
            for (int i = 0; i < runs; i++) {
                Timed engineRun = () -> runEngine(engine, c, row -> rows[0]++);
                Timed handRun = () -> runHand(ds, c, row -> rows[1]++);
                if (i % 2 == 0) {
                    time(engineRun, engineMs, engineCpu);
                    time(handRun, handMs, handCpu);
                } else {
                    time(handRun, handMs, handCpu);
                    time(engineRun, engineMs, engineCpu);
                }
            }
            if (rows[0] != rows[1]) {
                throw new IllegalStateException(c.name() + ": engine streamed " + rows[0] + " rows, hand-written " + rows[1]);
            }
            double em = median(engineMs);
            double hm = median(handMs);
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                paired.add(engineMs.get(i) / handMs.get(i));
            }
            double ratio = em / hm;
            double pairedRatio = median(paired);
            double cpuRatio = median(engineCpu) / median(handCpu);
            logRatio += Math.log(ratio);
            logPaired += Math.log(pairedRatio);
            logCpu += Math.log(cpuRatio);
            engineTotal += em;
            handTotal += hm;
            say("%-12s %,7d rows  engine %6.1f ms  hand %6.1f ms  ratio %.3f  paired %.3f  cpu %.3f (load %.2f)",
                    c.name(), rows[0] / runs, em, hm, ratio, pairedRatio, cpuRatio, loadAverage());
            say("             engine runs %s", compact(engineMs));
            say("             hand runs   %s", compact(handMs));
            summary.add(String.format(Locale.ROOT, "| `%s` | %,d | %.0f | %.0f | **%.2f** | %.2f | %.2f |", c.name(),
                    rows[0] / runs, em, hm, ratio, pairedRatio, cpuRatio));
        }
        int n = cases().size();
        say("== summary (markdown) ==");
        say("| case | rows | engine ms | hand ms | ratio | paired | cpu |");
        say("| --- | --- | --- | --- | --- | --- | --- |");
        summary.forEach(TrinoBench::say);
        say("| **geometric mean** | | | | **%.2f** | %.2f | %.2f |", Math.exp(logRatio / n), Math.exp(logPaired / n),
                Math.exp(logCpu / n));
        say("| sum of medians | | %.0f | %.0f | %.2f | | |", engineTotal, handTotal, engineTotal / handTotal);
        say("load: %,d rows in %.1f s = %,.0f rows/s; rows %s; load average at end %.2f", load.totalRows(), loadSeconds,
                load.totalRows() / loadSeconds, allEqual ? "identical for every case" : "DIFFERENT (see above)", loadAverage());
        // The cluster's non-daemon threads would keep the JVM up; its shutdown hook closes it.
        System.exit(allEqual ? 0 : 1);
    }

    private static void runEngine(Engine engine, Case c, Consumer<Object[]> sink) {
        CompiledQuery q = engine.compile(c.request(), AccessScope.UNRESTRICTED);
        engine.stream(q, sink);
    }

    /** Plain JDBC as in caseload-bench's HandWritten: bind in order, every column of every row via getObject. */
    private static void runHand(DataSource ds, Case c, Consumer<Object[]> sink) throws SQLException {
        try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement(c.handSql())) {
            for (int i = 0; i < c.handParams().size(); i++) {
                ps.setObject(i + 1, c.handParams().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    sink.accept(row);
                }
            }
        }
    }

    private interface Timed {
        void run() throws SQLException;
    }

    private static void time(Timed r, List<Double> wallMs, List<Double> cpuMs) throws SQLException {
        long cpu = processCpuNanos();
        long t0 = System.nanoTime();
        r.run();
        wallMs.add((System.nanoTime() - t0) / 1e6);
        cpuMs.add(cpu < 0 ? Double.NaN : (processCpuNanos() - cpu) / 1e6);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** caseload-bench's RowMatch rules: same count, in order; numbers within 1e-9 relative; dates as dates. */
    static String compare(List<Object[]> engine, List<Object[]> hand) {
        if (engine.size() != hand.size()) {
            return "row counts differ: engine " + engine.size() + ", hand-written " + hand.size();
        }
        for (int r = 0; r < engine.size(); r++) {
            Object[] e = engine.get(r);
            Object[] h = hand.get(r);
            if (e.length != h.length) {
                return "row " + r + ": column counts differ: engine " + e.length + ", hand-written " + h.length;
            }
            for (int c = 0; c < e.length; c++) {
                if (!same(e[c], h[c])) {
                    return "row " + r + " column " + (c + 1) + ": engine " + Arrays.toString(e) + ", hand-written "
                            + Arrays.toString(h);
                }
            }
        }
        return null;
    }

    private static boolean same(Object a, Object b) {
        Object x = normalize(a);
        Object y = normalize(b);
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
            if (p.compareTo(q) == 0) {
                return true;
            }
            double dp = p.doubleValue();
            double dq = q.doubleValue();
            return Math.abs(dp - dq) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(dp), Math.abs(dq)));
        }
        return Objects.equals(x, y);
    }

    private static Object normalize(Object v) {
        if (v == null) return null;
        if (v instanceof BigDecimal b) return b;
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof Double d) return Double.isFinite(d) ? BigDecimal.valueOf(d) : d;
        if (v instanceof Float f) return Float.isFinite(f) ? BigDecimal.valueOf(f.doubleValue()) : f.doubleValue();
        if (v instanceof Number num) return BigDecimal.valueOf(num.longValue());
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        if (v instanceof java.sql.Timestamp t) return normalize(t.toLocalDateTime());
        if (v instanceof LocalDateTime t && t.toLocalTime().equals(LocalTime.MIDNIGHT)) return t.toLocalDate();
        return v;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static String compact(List<Double> ms) {
        return ms.stream().map(d -> String.format(Locale.ROOT, d < 100 ? "%.1f" : "%.0f", d)).toList().toString().replace(" ", "");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
