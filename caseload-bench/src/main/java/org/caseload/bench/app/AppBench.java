package org.caseload.bench.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.bench.data.DemoData;

/**
 * The web application's benchmark (issue 3): the real app in a child JVM on the default demo data
 * (1.5M visits), over loopback only. (1) The overview page and an 8-tile dashboard like it, warm,
 * N sequential requests each: server-side p50/p95/p99, target p95 < 300 ms. (2) Concurrent users
 * (20 for 60 s by default), each looping over a mix of the overview, the dashboard's results, an
 * exploration through /api/query and a CSV export, bounded in count and time: requests, errors
 * (target 0), p50/p95/p99, throughput. Ends with a summary table; exits 1 when a request failed.
 */
public final class AppBench {
    static final double P95_TARGET_MS = 300;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern DURATION = Pattern.compile("\"durationMs\"\\s*:\\s*(\\d+)");

    private AppBench() {}

    /** One timed request: what it was, its client-side time, and the id that finds its server-side time. */
    record Sample(Scenario.Action action, String requestId, double clientMillis, String failure) {}

    private record Row(String figure, String measured, String target, String verdict) {}

    public static void main(String[] args) throws Exception {
        AppBenchOptions o;
        try {
            o = AppBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(AppBenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.print(AppBenchOptions.USAGE);
            return;
        }
        int exit = run(o, System.out);
        System.exit(exit);
    }

    static int run(AppBenchOptions o, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "caseload app bench: %d cores, java %s; %,d demo visits (seed %d); %d users x %d s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.visits(), o.seed(),
                o.users(), o.seconds());
        out.printf(Locale.ROOT, "load average at start: %.2f%n", CpuMeter.loadAverage());
        out.printf("%n== data ==%n");
        Path db = DemoData.ensure(o.dataDir(), o.seed(), o.visits(), out);
        List<Row> rows = new ArrayList<>();
        boolean failed = false;

        out.printf("%n== server ==%n");
        try (AppServer server = AppServer.start(o.appJar(), db, o.serverHeap(), o.serverJvmOptions(), AppBenchOptions.jarDir().resolve("app-bench"), out)) {
            UserClient admin = new UserClient(server, "setup");
            admin.login();
            long dashboard = createDashboard(admin, out);
            validate(admin, out);
            String results = "/api/dashboards/" + dashboard + "/results";
            CpuMeter cpu = new CpuMeter(server);

            // ---- 1. warm, sequential ----
            out.printf(Locale.ROOT, "%n== warm, sequential: %d warm-up rounds, then %d requests of each, alternating ==%n",
                    o.warmups(), o.requests());
            UserClient ui = new UserClient(server, "warm");
            ui.login();
            for (int i = 0; i < o.warmups(); i++) {
                check(ui.get(results, "warmup"), Scenario.Action.DASHBOARD);
                check(ui.overview(null, "warmup"), Scenario.Action.OVERVIEW);
            }
            cpu.start();
            List<Sample> warm = new ArrayList<>();
            for (int i = 0; i < o.requests(); i++) {
                warm.add(sample(Scenario.Action.DASHBOARD, ui.get(results, "seq"), Scenario.Action.DASHBOARD));
                warm.add(sample(Scenario.Action.OVERVIEW, ui.overview(null, "seq"), Scenario.Action.OVERVIEW));
            }
            CpuMeter.Usage warmCpu = cpu.stop();
            Map<String, Long> serverTimes = server.serverMicros();
            int warmErrors = 0;
            for (Scenario.Action a : List.of(Scenario.Action.DASHBOARD, Scenario.Action.OVERVIEW)) {
                List<Sample> s = warm.stream().filter(x -> x.action() == a).toList();
                long errors = s.stream().filter(x -> x.failure() != null).count();
                warmErrors += (int) errors;
                Latencies srv = serverSide(s, serverTimes);
                Latencies cli = clientSide(s);
                out.printf("%-34s server %s%n%-34s client %s%n", a.label, srv.line(), "", cli.line());
                if (errors > 0) out.printf("%-34s %d errors: %s%n", "", errors, firstFailures(s));
                String name = a == Scenario.Action.DASHBOARD ? "warm dashboard results (8 tiles)" : "warm overview page GET /";
                rows.add(new Row(name + " server p50/p95/p99", srv.triple() + " (client " + cli.triple() + ")",
                        "p95 < " + Latencies.ms(P95_TARGET_MS) + " ms", srv.p(95) < P95_TARGET_MS ? "ok" : "MISS"));
            }
            out.println("cpu: " + warmCpu.describe());
            splitWarm(warm, serverTimes, server.queryMillis(), out);
            rows.add(new Row("warm errors", Integer.toString(warmErrors), "0", warmErrors == 0 ? "ok" : "FAIL"));
            failed |= warmErrors > 0;

            // ---- where the time goes: each query alone ----
            if (o.breakdownRuns() > 0) {
                breakdown(ui, server, o.breakdownRuns(), out);
            }
            authCost(ui, server, dashboard, out);

            // ---- 2. concurrent users ----
            out.printf(Locale.ROOT, "%n== load: %d users for %d s (at most %,d requests each; think time %d ms),"
                    + " mix %s ==%n", o.users(), o.seconds(), o.maxRequestsPerUser(), o.thinkMillis(), mix());
            Load load = load(server, results, o, out);
            Map<String, Long> loadTimes = server.serverMicros();
            List<Sample> all = load.samples();
            long errors = all.stream().filter(s -> s.failure() != null).count();
            Latencies srvAll = serverSide(all, loadTimes);
            Latencies cliAll = clientSide(all);
            double throughput = all.size() / load.seconds();
            out.printf(Locale.ROOT, "%-34s %,d requests in %.1f s = %.1f requests/s, %d errors%n", "all", all.size(),
                    load.seconds(), throughput, errors);
            out.printf("%-34s server %s%n%-34s client %s%n", "", srvAll.line(), "", cliAll.line());
            for (Scenario.Action a : Scenario.Action.values()) {
                List<Sample> s = all.stream().filter(x -> x.action() == a).toList();
                Latencies srv = serverSide(s, loadTimes);
                out.printf("%-34s server %s  (%d errors)%n", a.label, srv.line(),
                        s.stream().filter(x -> x.failure() != null).count());
                rows.add(new Row("load " + a.label + " server p50/p95/p99", srv.triple(), "", String.format(Locale.ROOT,
                        "%,d req", s.size())));
            }
            if (errors > 0) out.println("errors, first ones: " + firstFailures(all));
            out.println("cpu: " + load.cpu().describe());
            out.printf(Locale.ROOT, "load average during the test: %.2f to %.2f%n", load.loadMin(), load.loadMax());
            rows.add(new Row("load requests (" + o.users() + " users, " + o.seconds() + " s)", String.format(Locale.ROOT,
                    "%,d in %.1f s", all.size(), load.seconds()), "", ""));
            rows.add(new Row("load errors", Long.toString(errors), "0", errors == 0 ? "ok" : "FAIL"));
            rows.add(new Row("load all server p50/p95/p99", srvAll.triple() + " (client " + cliAll.triple() + ")", "report", ""));
            rows.add(new Row("load throughput", String.format(Locale.ROOT, "%.1f requests/s", throughput), "report", ""));
            rows.add(new Row("load cpu", String.format(Locale.ROOT, "server %.2f, client %.2f, others %.2f cores",
                    load.cpu().serverCores(), load.cpu().clientCores(), load.cpu().otherCores()), "", ""));
            failed |= errors > 0;
        }
        print(rows, out);
        out.printf(Locale.ROOT, "load average at end: %.2f%n", CpuMeter.loadAverage());
        return failed ? 1 : 0;
    }

    private static long createDashboard(UserClient admin, PrintStream out) throws InterruptedException {
        UserClient.Reply created = admin.postBasic("/api/dashboards", "{\"name\":\"Bench overview " + System.currentTimeMillis() + "\"}",
                "create");
        if (created.status() != 201) throw new IllegalStateException("POST /api/dashboards: " + UserClient.describe(created));
        Matcher m = ID.matcher(created.body());
        if (!m.find()) throw new IllegalStateException("no id in " + created.body());
        long id = Long.parseLong(m.group(1));
        for (Scenario.Named t : Scenario.TILES) {
            UserClient.Reply r = admin.postBasic("/api/dashboards/" + id + "/tiles", Scenario.tileJson(t), "tile");
            if (r.status() != 201) throw new IllegalStateException("adding tile '" + t.name() + "': " + UserClient.describe(r));
        }
        out.printf("dashboard %d created through the API (HTTP Basic) with %d tiles: %s%n", id, Scenario.TILES.size(),
                String.join("; ", Scenario.TILES.stream().map(Scenario.Named::name).toList()));
        return id;
    }

    /**
     * How much of each warm request's server time its analytics queries account for (their own
     * times from the app's SQL log), and how much is the rest of the request: security, audit
     * writes, JSON or the page's template.
     */
    private static void splitWarm(List<Sample> warm, Map<String, Long> serverMicros, Map<String, List<Long>> queries, PrintStream out) {
        for (Scenario.Action a : List.of(Scenario.Action.DASHBOARD, Scenario.Action.OVERVIEW)) {
            List<Double> sums = new ArrayList<>();
            List<Double> maxes = new ArrayList<>();
            List<Double> rest = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (Sample s : warm) {
                if (s.action() != a) continue;
                List<Long> q = queries.get(s.requestId());
                Long us = serverMicros.get(s.requestId());
                if (q == null || us == null) continue;
                double sum = q.stream().mapToLong(Long::longValue).sum();
                sums.add(sum);
                maxes.add((double) q.stream().mapToLong(Long::longValue).max().orElse(0));
                counts.add(q.size());
                rest.add(us / 1000.0 - (a == Scenario.Action.OVERVIEW ? sum : 0));
            }
            if (sums.isEmpty()) {
                if (a == Scenario.Action.DASHBOARD) {
                    out.printf("%-34s (its tile queries are not in the SQL log under the request's id: the tile executor's"
                            + " threads do not carry the request id, so each tile query is logged under a fresh one)%n", a.label);
                }
                continue;
            }
            double medianCount = Latencies.ofMillis(counts.stream().map(Integer::doubleValue).toList()).p(50);
            if (a == Scenario.Action.OVERVIEW) {
                out.printf(Locale.ROOT, "%-34s %.0f queries one after another: their times add up to %s ms (median),"
                        + " the rest of the request (security, audit, template) %s ms%n", a.label, medianCount,
                        Latencies.ms(Latencies.ofMillis(sums).p(50)), Latencies.ms(Latencies.ofMillis(rest).p(50)));
            } else {
                out.printf(Locale.ROOT, "%-34s %.0f tile queries on the tile executor: their times add up to %s ms (median),"
                        + " the slowest of them %s ms%n", a.label, medianCount, Latencies.ms(Latencies.ofMillis(sums).p(50)),
                        Latencies.ms(Latencies.ofMillis(maxes).p(50)));
            }
        }
    }

    /** Every request of the mix must answer before anything is timed. */
    private static void validate(UserClient admin, PrintStream out) throws InterruptedException {
        List<Scenario.Named> all = new ArrayList<>(Scenario.EXPLORATIONS);
        all.addAll(Scenario.OVERVIEW_QUERIES);
        for (Scenario.Named q : all) {
            UserClient.Reply r = admin.post("/api/query", q.json(), "validate");
            if (!r.ok()) throw new IllegalStateException("POST /api/query '" + q.name() + "': " + UserClient.describe(r));
        }
        for (String csv : Scenario.EXPORTS) {
            UserClient.Reply r = admin.get(csv, "validate");
            if (!r.ok()) throw new IllegalStateException("GET " + csv + ": " + UserClient.describe(r));
        }
        for (String month : Scenario.MONTHS) {
            UserClient.Reply r = admin.overview(month, "validate");
            if (!r.ok()) throw new IllegalStateException("GET /?month=" + month + ": " + UserClient.describe(r));
        }
        out.printf("checked: %d explorations, %d overview queries, %d CSV exports and %d overview months answer%n",
                Scenario.EXPLORATIONS.size(), Scenario.OVERVIEW_QUERIES.size(), Scenario.EXPORTS.size(), Scenario.MONTHS.size());
    }

    /** Each tile's and each overview query's request alone through POST /api/query, slowest first. */
    private static void breakdown(UserClient ui, AppServer server, int runs, PrintStream out) throws Exception {
        out.printf("%n== where the time goes: each request alone through POST /api/query, 3 warm-up + %d runs,"
                + " medians ==%n", runs);
        Map<String, List<Double>> engine = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<Scenario.Named> all = new ArrayList<>();
        Scenario.TILES.forEach(t -> all.add(new Scenario.Named("tile: " + t.name(), t.chartType(), t.json())));
        all.addAll(Scenario.OVERVIEW_QUERIES);
        for (int round = 0; round < runs + 3; round++) {
            for (Scenario.Named q : all) {
                UserClient.Reply r = ui.post("/api/query", q.json(), "bd");
                if (!r.ok()) throw new IllegalStateException("POST /api/query '" + q.name() + "': " + UserClient.describe(r));
                if (round < 3) continue;
                Matcher m = DURATION.matcher(r.body());
                engine.computeIfAbsent(q.name(), k -> new ArrayList<>()).add(m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
                ids.computeIfAbsent(q.name(), k -> new ArrayList<>()).add(r.requestId());
            }
        }
        Map<String, Long> times = server.serverMicros();
        record Line(String name, double engineMs, double serverMs) {}
        List<Line> lines = new ArrayList<>();
        for (Scenario.Named q : all) {
            List<Double> srv = ids.get(q.name()).stream().map(times::get).filter(java.util.Objects::nonNull)
                    .map(us -> us / 1000.0).toList();
            lines.add(new Line(q.name(), Latencies.ofMillis(engine.get(q.name())).p(50), Latencies.ofMillis(srv).p(50)));
        }
        lines.sort((a, b) -> Double.compare(b.engineMs(), a.engineMs()));
        out.printf("%-44s %12s %12s%n", "request", "engine ms", "server ms");
        for (Line l : lines) {
            out.printf("%-44s %12s %12s%n", l.name(), Latencies.ms(l.engineMs()), Latencies.ms(l.serverMs()));
        }
        double tiles = lines.stream().filter(l -> l.name().startsWith("tile: ")).mapToDouble(Line::engineMs).sum();
        double overview = lines.stream().filter(l -> l.name().startsWith("overview: ")).mapToDouble(Line::engineMs).sum();
        out.printf(Locale.ROOT, "sum of the 8 tiles' engine medians %s ms (the dashboard runs them %d at a time);"
                + " sum of the overview's 4 queries %s ms (run one after another)%n", Latencies.ms(tiles), 4, Latencies.ms(overview));
        out.println("(engine ms: the reply's durationMs, compile + execute + read every row as the app measures it;"
                + " server ms: Tomcat's time for the whole request)");
    }

    /** What HTTP Basic costs per request (a BCrypt check each time) against the session's cookie. */
    private static void authCost(UserClient ui, AppServer server, long dashboard, PrintStream out) throws Exception {
        String path = "/api/dashboards/" + dashboard;
        // No cookie jar: with the session's cookie beside it, Spring Security would skip the password check.
        UserClient api = new UserClient(server, "basic", false);
        List<String> basic = new ArrayList<>();
        List<String> session = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            UserClient.Reply b = api.getBasic(path, "auth");
            UserClient.Reply s = ui.get(path, "auth");
            if (i >= 5) {
                basic.add(b.requestId());
                session.add(s.requestId());
            }
        }
        Map<String, Long> times = server.serverMicros();
        Latencies b = Latencies.ofMillis(basic.stream().map(times::get).filter(java.util.Objects::nonNull).map(us -> us / 1000.0).toList());
        Latencies s = Latencies.ofMillis(session.stream().map(times::get).filter(java.util.Objects::nonNull).map(us -> us / 1000.0).toList());
        out.printf(Locale.ROOT, "%nauth: GET /api/dashboards/{id} (app database only) server median %s ms with HTTP Basic"
                + " and no cookie (a BCrypt check per request), %s ms on the session cookie%n", Latencies.ms(b.p(50)),
                Latencies.ms(s.p(50)));
    }

    record Load(List<Sample> samples, double seconds, CpuMeter.Usage cpu, double loadMin, double loadMax) {}

    private static Load load(AppServer server, String results, AppBenchOptions o, PrintStream out) throws Exception {
        List<UserClient> users = new ArrayList<>();
        for (int u = 0; u < o.users(); u++) {
            UserClient c = new UserClient(server, "u" + u);
            c.login();
            users.add(c);
        }
        out.printf("%d users signed in through the login form%n", users.size());
        CountDownLatch go = new CountDownLatch(1);
        List<List<Sample>> perUser = Collections.synchronizedList(new ArrayList<>());
        long durationNanos = TimeUnit.SECONDS.toNanos(o.seconds());
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            UserClient c = users.get(u);
            Random random = new Random(o.seed() * 1000 + u);
            Thread t = new Thread(() -> {
                List<Sample> mine = new ArrayList<>();
                perUser.add(mine);
                try {
                    go.await();
                    int n = 0;
                    while (System.nanoTime() < deadline[0] && n++ < o.maxRequestsPerUser()) {
                        mine.add(step(c, random, results));
                        if (o.thinkMillis() > 0) Thread.sleep(o.thinkMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "user-" + u);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        double[] loadRange = {Double.MAX_VALUE, -1};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            double l = CpuMeter.loadAverage();
            synchronized (loadRange) {
                loadRange[0] = Math.min(loadRange[0], l);
                loadRange[1] = Math.max(loadRange[1], l);
            }
        }, 0, 5, TimeUnit.SECONDS);
        CpuMeter cpu = new CpuMeter(server);
        cpu.start();
        long start = System.nanoTime();
        deadline[0] = start + durationNanos;
        go.countDown();
        long progressEvery = TimeUnit.SECONDS.toNanos(10);
        for (Thread t : threads) {
            // Requests in flight at the deadline finish (each has a 60 s timeout); nothing starts after it.
            while (t.isAlive()) {
                t.join(TimeUnit.NANOSECONDS.toMillis(progressEvery));
                if (t.isAlive() && System.nanoTime() < deadline[0] + TimeUnit.SECONDS.toNanos(120)) {
                    int done;
                    synchronized (perUser) {
                        done = perUser.stream().mapToInt(List::size).sum();
                    }
                    out.printf(Locale.ROOT, "  %3.0f s: %,d requests done%n", (System.nanoTime() - start) / 1e9, done);
                } else if (t.isAlive()) {
                    throw new IllegalStateException("user threads still running 120 s after the deadline");
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Usage usage = cpu.stop();
        sampler.shutdownNow();
        List<Sample> all = new ArrayList<>();
        synchronized (perUser) {
            perUser.forEach(all::addAll);
        }
        return new Load(all, seconds, usage, loadRange[0], loadRange[1]);
    }

    private static Sample step(UserClient c, Random random, String results) throws InterruptedException {
        Scenario.Action a = Scenario.Action.pick(random);
        UserClient.Reply r = switch (a) {
            case OVERVIEW -> c.overview(random.nextInt(3) == 0 ? Scenario.MONTHS.get(random.nextInt(Scenario.MONTHS.size())) : null, "load");
            case DASHBOARD -> c.get(results, "load");
            case QUERY -> c.post("/api/query", Scenario.EXPLORATIONS.get(random.nextInt(Scenario.EXPLORATIONS.size())).json(), "load");
            case CSV -> c.get(Scenario.EXPORTS.get(random.nextInt(Scenario.EXPORTS.size())), "load");
        };
        return sample(a, r, a);
    }

    private static Sample sample(Scenario.Action a, UserClient.Reply r, Scenario.Action kind) {
        return new Sample(a, r.requestId(), r.nanos() / 1e6, failure(r, kind));
    }

    /** Why a reply does not count as a success, or null: not 2xx, an I/O failure, a tile in error, or a body of the wrong kind. */
    static String failure(UserClient.Reply r, Scenario.Action kind) {
        if (r.failure() != null) return r.failure();
        if (!r.ok()) return UserClient.describe(r);
        return switch (kind) {
            case DASHBOARD -> r.body().contains("\"error\":\"") ? "a tile failed: " + UserClient.describe(r)
                    : r.body().split("\"tileId\"", -1).length - 1 != Scenario.TILES.size() ? "not " + Scenario.TILES.size() + " tiles" : null;
            case QUERY -> r.body().contains("\"rows\"") ? null : "no rows in the reply";
            case CSV -> r.body().indexOf('\n') > 0 ? null : "an empty CSV";
            case OVERVIEW -> null;
        };
    }

    private static void check(UserClient.Reply r, Scenario.Action kind) {
        String f = failure(r, kind);
        if (f != null) throw new IllegalStateException(kind.label + " failed while warming up: " + f);
    }

    private static Latencies serverSide(List<Sample> samples, Map<String, Long> micros) {
        List<Double> ms = new ArrayList<>();
        for (Sample s : samples) {
            Long us = micros.get(s.requestId());
            if (us != null) ms.add(us / 1000.0);
        }
        return Latencies.ofMillis(ms);
    }

    private static Latencies clientSide(List<Sample> samples) {
        return Latencies.ofMillis(samples.stream().map(Sample::clientMillis).toList());
    }

    private static String firstFailures(List<Sample> samples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.failure() != null) counts.merge(s.action().label + ": " + s.failure(), 1, Integer::sum);
        }
        return counts.entrySet().stream().limit(5).map(e -> e.getValue() + "x " + e.getKey()).toList().toString();
    }

    private static String mix() {
        Map<Scenario.Action, Integer> m = new EnumMap<>(Scenario.Action.class);
        for (Scenario.Action a : Scenario.Action.values()) m.put(a, a.percent);
        return String.join(", ", m.entrySet().stream().map(e -> e.getValue() + " % " + e.getKey().label).toList());
    }

    private static void print(List<Row> rows, PrintStream out) {
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
        for (Row r : rows) out.printf(format, r.figure(), r.measured(), r.target(), r.verdict());
    }
}
