package org.caseload.bench.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.caseload.ingest.demo.DemoOptions;

/** Command-line options of {@link AppBench}. */
public record AppBenchOptions(
        int users,
        int seconds,
        int maxRequestsPerUser,
        int thinkMillis,
        int warmups,
        int requests,
        int breakdownRuns,
        int visits,
        long seed,
        Path dataDir,
        Path appJar,
        String serverHeap,
        java.util.List<String> serverJvmOptions,
        boolean help) {

    public static final String USAGE = """
            usage: java -cp caseload-bench/target/caseload-bench.jar org.caseload.bench.app.AppBench [options]
              --users N           concurrent users of the load test (default 20)
              --seconds N         length of the load test (default 60)
              --max-requests N    at most this many requests per user in the load test (default 5000)
              --think-ms N        pause of each user between two requests (default 0: closed loop, no pause)
              --warmups N         unmeasured rounds (results + overview) before the warm timing (default 40)
              --requests N        measured sequential requests of each of the two (default 100)
              --breakdown-runs N  measured runs of each tile's and overview query's request via /api/query (default 10)
              --visits N          demo visits (default 1,500,000, the app's demo default); cached per seed and size
              --seed N            demo seed (default 42)
              --data-dir DIR      where generated data is kept (default: bench-data beside the jar)
              --app-jar PATH      the app's runnable jar (default: caseload-app/target/caseload-app-exec.jar)
              --server-heap SIZE  -Xmx of the app's JVM (default 1g)
              --server-opt ARG    one more option for the app's JVM, e.g. -XX:StartFlightRecording=filename=app.jfr
                                  (repeatable)
            """;

    public static AppBenchOptions parse(String[] args) {
        int users = 20;
        int seconds = 60;
        int maxRequests = 5000;
        int think = 0;
        int warmups = 40;
        int requests = 100;
        int breakdown = 10;
        int visits = DemoOptions.DEFAULT_VISITS;
        long seed = DemoOptions.DEFAULT_SEED;
        Path dataDir = null;
        Path appJar = null;
        String heap = "1g";
        boolean help = false;
        java.util.List<String> jvm = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--users" -> users = positive(a, value(args, ++i, a));
                case "--seconds" -> seconds = positive(a, value(args, ++i, a));
                case "--max-requests" -> maxRequests = positive(a, value(args, ++i, a));
                case "--think-ms" -> think = nonNegative(a, value(args, ++i, a));
                case "--warmups" -> warmups = nonNegative(a, value(args, ++i, a));
                case "--requests" -> requests = positive(a, value(args, ++i, a));
                case "--breakdown-runs" -> breakdown = nonNegative(a, value(args, ++i, a));
                case "--visits" -> visits = positive(a, value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                case "--app-jar" -> appJar = Path.of(value(args, ++i, a));
                case "--server-heap" -> heap = value(args, ++i, a);
                case "--server-opt" -> jvm.add(value(args, ++i, a));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (visits > DemoOptions.MAX_VISITS) {
            throw new IllegalArgumentException("--visits is at most " + DemoOptions.MAX_VISITS);
        }
        if (users > 200) {
            throw new IllegalArgumentException("--users is at most 200 (Tomcat's default thread pool)");
        }
        if (seconds > 600) {
            throw new IllegalArgumentException("--seconds is at most 600");
        }
        if (!heap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("--server-heap takes a JVM size such as 1g or 768m, not " + heap);
        }
        return new AppBenchOptions(users, seconds, maxRequests, think, warmups, requests, breakdown, visits, seed,
                dataDir != null ? dataDir : jarDir().resolve("bench-data"), appJar != null ? appJar : defaultAppJar(), heap,
                java.util.List.copyOf(jvm), help);
    }

    /** The folder of the bench jar (or of the classes folder): caseload-bench/target. */
    static Path jarDir() {
        try {
            Path where = Path.of(AppBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(where.getParent()).orElse(Path.of("."));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("caseload-bench", "target");
        }
    }

    /** caseload-app/target/caseload-app-exec.jar in the same checkout as this jar, else relative to the working folder. */
    static Path defaultAppJar() {
        Path beside = jarDir().toAbsolutePath().normalize();
        // .../caseload-bench/target -> .../caseload-app/target
        if (beside.getParent() != null && beside.getParent().getParent() != null) {
            Path candidate = beside.getParent().getParent().resolve("caseload-app").resolve("target").resolve("caseload-app-exec.jar");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return Path.of("caseload-app", "target", "caseload-app-exec.jar");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int positive(String option, String v) {
        int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
        if (n < 1) throw new IllegalArgumentException(option + " must be at least 1, not " + v);
        return n;
    }

    private static int nonNegative(String option, String v) {
        int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
        if (n < 0) throw new IllegalArgumentException(option + " must not be negative, not " + v);
        return n;
    }
}
