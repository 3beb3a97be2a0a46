package org.caseload.trino;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.bench.e2e.BenchCase;
import org.caseload.bench.e2e.BenchCases;
import org.caseload.bench.e2e.EndToEnd;
import org.caseload.bench.e2e.RowMatch;
import org.caseload.engine.execute.Engine;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.load.LoadSummary;
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
 * <p>The five cases, their requests and their hand-written SQL for Trino are caseload-bench's
 * {@code BenchCases} (that module's README has the DuckDB, PostgreSQL and MariaDB figures), and rows
 * are compared by its {@code RowMatch}: the same questions and the same rules on every database.
 */
public final class TrinoBench {
    private TrinoBench() {}

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

        Engine engine = new Engine(ModelLoader.loadDefault(), cluster.dataSource(), SQLDialect.TRINO);
        // The cluster runs in this JVM: the process's CPU time is the whole query's.
        EndToEnd e2e = new EndToEnd(engine, cluster.dataSource());
        List<BenchCase> cases = BenchCases.all(SQLDialect.TRINO);
        boolean allEqual = true;
        say("== end to end on Trino: rows ==");
        for (BenchCase c : cases) {
            RowMatch.Result match = e2e.check(c).result();
            allEqual &= match.equal();
            say("%-12s %s", c.name(), match.equal() ? "ok, " + match.detail() : "MISMATCH: " + match.detail());
        }

        say("== end to end on Trino: time (compile + execute + stream every row; per query %,d compiles to JIT, %d warm-up"
                + " and %d interleaved runs per side; cpu = this JVM's, cluster included) ==", jitCompiles, warmups, runs);
        List<String> summary = new ArrayList<>();
        double logRatio = 0;
        double logPaired = 0;
        double logCpu = 0;
        double engineTotal = 0;
        double handTotal = 0;
        for (BenchCase c : cases) {
            EndToEnd.Timing timing = e2e.time(c, jitCompiles, warmups, runs);
            double em = timing.engineMedian();
            double hm = timing.handMedian();
            logRatio += Math.log(timing.ratio());
            logPaired += Math.log(timing.pairedRatio());
            logCpu += Math.log(timing.cpuRatio());
            engineTotal += em;
            handTotal += hm;
            say("%-12s %,7d rows  engine %6.1f ms  hand %6.1f ms  ratio %.3f  paired %.3f  cpu %.3f (load %.2f)",
                    c.name(), timing.rows(), em, hm, timing.ratio(), timing.pairedRatio(), timing.cpuRatio(), loadAverage());
            say("             engine runs %s", compact(timing.engineMillis()));
            say("             hand runs   %s", compact(timing.handMillis()));
            summary.add(String.format(Locale.ROOT, "| `%s` | %,d | %.0f | %.0f | **%.2f** | %.2f | %.2f |", c.name(),
                    timing.rows(), em, hm, timing.ratio(), timing.pairedRatio(), timing.cpuRatio()));
        }
        int n = cases.size();
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
