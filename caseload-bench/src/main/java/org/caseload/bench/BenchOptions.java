package org.caseload.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Command-line options. {@code --quick} only changes the defaults (1M visits, fewer runs, shorter
 * JMH iterations); any explicit option still wins. {@code --backend postgres|mariadb} runs the
 * end-to-end comparison on a server instead of DuckDB, with that server's default size; the compile
 * figures and the wide scan are DuckDB-only parts and are left out there.
 */
public record BenchOptions(
        Backend backend,
        int visits,
        long seed,
        boolean quick,
        int jitCompiles,
        int warmups,
        int runs,
        int jmhWarmups,
        int jmhIterations,
        int jmhSeconds,
        int scanRuns,
        Path dataDir,
        boolean skipCompile,
        boolean skipEndToEnd,
        boolean skipScan,
        boolean printSql,
        boolean compileBreakdown,
        boolean jmhVerbose,
        boolean help) {

    public static final int FULL_VISITS = 10_000_000;
    public static final int QUICK_VISITS = 1_000_000;
    public static final long DEFAULT_SEED = 42;

    public static final String USAGE = """
            usage: java -jar caseload-bench/target/caseload-bench.jar [options]
              --backend NAME      duckdb (default), postgres or mariadb: where the end-to-end comparison runs.
                                  postgres/mariadb start a server of the bench's own (caseload-servers), load
                                  the demo data through the loader and run only the end-to-end part; with
                                  -Dcaseload.test.postgres.url=... (or .mariadb.url) an external server instead
              --quick             fewer visits (duckdb 1,000,000; postgres and mariadb 200,000), fewer runs and
                                  shorter JMH iterations (a smoke run)
              --visits N          demo visits to generate and query (default duckdb 10,000,000, postgres
                                  2,000,000, mariadb 1,000,000; max 10,000,000)
              --seed N            demo seed (default 42); the data file is cached per seed and size
              --runs N            measured end-to-end runs per side and query (default 9, quick 5)
              --warmups N         unmeasured end-to-end runs per side and query first (default 2, quick 1)
              --jit-compiles N    compiles of each request before its runs, to JIT the compile path
                                  as a busy server would have it (default 2000, quick 1000)
              --jmh-warmups N     JMH warm-up iterations (default 3, quick 2)
              --jmh-iterations N  JMH measured iterations (default 5, quick 3)
              --jmh-seconds N     seconds per JMH iteration (default 2, quick 1)
              --scan-runs N       runs of the wide scan in the 256m child JVM (default 3, quick 2)
              --data-dir DIR      where generated data is kept (default: bench-data beside the jar)
              --skip-compile | --skip-e2e | --skip-scan   leave a part out
              --print-sql         print each case's engine SQL and hand-written SQL, then exit
              --compile-breakdown also time the parts of a multi-fact compile (plan, jOOQ tree, each render)
              --jmh-verbose       show JMH's own output
            """;

    public static BenchOptions parse(String... args) {
        boolean quick = false;
        for (String a : args) {
            quick |= a.equals("--quick");
        }
        Integer visits = null;
        Backend backend = Backend.DUCKDB;
        long seed = DEFAULT_SEED;
        int jitCompiles = quick ? 1000 : 2000;
        int warmups = quick ? 1 : 2;
        int runs = quick ? 5 : 9;
        int jmhWarmups = quick ? 2 : 3;
        int jmhIterations = quick ? 3 : 5;
        int jmhSeconds = quick ? 1 : 2;
        int scanRuns = quick ? 2 : 3;
        Path dataDir = null;
        boolean skipCompile = false;
        boolean skipEndToEnd = false;
        boolean skipScan = false;
        boolean printSql = false;
        boolean compileBreakdown = false;
        boolean jmhVerbose = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> { }
                case "--backend" -> backend = Backend.parse(value(args, ++i, a));
                case "--visits" -> visits = positive(a, value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--runs" -> runs = positive(a, value(args, ++i, a));
                case "--warmups" -> warmups = nonNegative(a, value(args, ++i, a));
                case "--jit-compiles" -> jitCompiles = nonNegative(a, value(args, ++i, a));
                case "--jmh-warmups" -> jmhWarmups = nonNegative(a, value(args, ++i, a));
                case "--jmh-iterations" -> jmhIterations = positive(a, value(args, ++i, a));
                case "--jmh-seconds" -> jmhSeconds = positive(a, value(args, ++i, a));
                case "--scan-runs" -> scanRuns = positive(a, value(args, ++i, a));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                case "--skip-compile" -> skipCompile = true;
                case "--skip-e2e" -> skipEndToEnd = true;
                case "--skip-scan" -> skipScan = true;
                case "--print-sql" -> printSql = true;
                case "--compile-breakdown" -> compileBreakdown = true;
                case "--jmh-verbose" -> jmhVerbose = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        int n = visits != null ? visits : quick ? backend.quickVisits() : backend.defaultVisits();
        if (n > FULL_VISITS) {
            throw new IllegalArgumentException("--visits is at most " + FULL_VISITS + " (the demo roster's limit)");
        }
        if (backend.isServer()) {
            // JMH renders DuckDB SQL whatever the backend, and the scan child opens a DuckDB file.
            skipCompile = true;
            skipScan = true;
        }
        return new BenchOptions(backend, n, seed, quick, jitCompiles, warmups, runs, jmhWarmups, jmhIterations, jmhSeconds, scanRuns,
                dataDir != null ? dataDir : defaultDataDir(), skipCompile, skipEndToEnd, skipScan, printSql, compileBreakdown, jmhVerbose,
                help);
    }

    /** Beside the jar (or the classes folder), i.e. caseload-bench/target/bench-data, so `mvn clean` drops it. */
    static Path defaultDataDir() {
        try {
            Path where = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(where.getParent()).orElse(Path.of(".")).resolve("bench-data");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("caseload-bench", "target", "bench-data");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String v) {
        int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
        if (n < 1) throw new IllegalArgumentException(option + " must be at least 1, not " + v);
        return n;
    }

    private static int nonNegative(String option, String v) {
        int n = Integer.parseInt(v);
        if (n < 0) throw new IllegalArgumentException(option + " must not be negative, not " + v);
        return n;
    }
}
