package org.caseload.bench.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real application in a child JVM, started from its runnable jar the way {@code caseload serve
 * --demo} starts it, bound to 127.0.0.1 only, with the app database in memory (H2) and Tomcat's
 * access log on: one line per request with the caller's {@code X-Request-Id} and Tomcat's own time
 * for the request in µs ({@code %D}: from reading the request to the last byte of the response
 * handed to the socket). That is the server-side duration this bench reports.
 */
final class AppServer implements AutoCloseable {
    static final String USER = "demo";
    static final String PASSWORD = "demo";

    private final Process process;
    private final Path log;
    private final Path accessLog;
    final int port;
    final long startMillis;

    private AppServer(Process process, Path log, Path accessLog, int port, long startMillis) {
        this.process = process;
        this.log = log;
        this.accessLog = accessLog;
        this.port = port;
        this.startMillis = startMillis;
    }

    static AppServer start(Path appJar, Path db, String heap, List<String> jvmOptions, Path workDir, PrintStream out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("no app jar at " + appJar + ": build it with"
                    + " ./mvnw -q -pl caseload-app install -DskipTests (or pass --app-jar)");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve("server.log");
        Path accessDir = workDir.toAbsolutePath();
        Path accessLog = accessDir.resolve("access.log");
        Files.deleteIfExists(accessLog);
        int port = freeLoopbackPort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap,
                "-Dserver.address=127.0.0.1",
                "-Dserver.tomcat.accesslog.enabled=true",
                "-Dserver.tomcat.accesslog.directory=" + accessDir,
                "-Dserver.tomcat.accesslog.prefix=access",
                "-Dserver.tomcat.accesslog.suffix=.log",
                "-Dserver.tomcat.accesslog.rotate=false",
                "-Dserver.tomcat.accesslog.buffered=false",
                "-Dserver.tomcat.accesslog.pattern=%{X-Request-Id}i %s %D %m %U"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", appJar.toAbsolutePath().toString(),
                "serve", "--demo", "--port", Integer.toString(port), "--db", db.toAbsolutePath().toString(),
                "--app-db", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"));
        out.printf("server: %s -Xmx%s %s-jar %s serve --demo --port %d --db %s --app-db jdbc:h2:mem:bench (log %s)%n",
                java, heap, jvmOptions.isEmpty() ? "" : String.join(" ", jvmOptions) + " ", appJar, port, db, log);
        long start = System.currentTimeMillis();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppServer server = new AppServer(p, log, accessLog, port, start);
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill));
        server.awaitReady(Duration.ofMinutes(3));
        out.printf("server: ready in %.1f s (pid %d)%n", (System.currentTimeMillis() - start) / 1000.0, p.pid());
        return server;
    }

    /** Ready when an authenticated API call answers 200: the web server is up and the demo user exists. */
    private void awaitReady(Duration limit) throws InterruptedException, IOException {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with code " + process.exitValue() + " before it was ready; its log:\n"
                        + tail(40));
            }
            try {
                HttpResponse<Void> r = c.send(HttpRequest.newBuilder(uri("/api/dashboards")).header("Authorization", basic())
                        .header("X-Request-Id", "ready").timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        kill();
        throw new IllegalStateException("the app was not ready after " + limit.toSeconds() + " s; its log:\n" + tail(40));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    long pid() {
        return process.pid();
    }

    /** CPU time of the server JVM so far (user + system, all its threads, DuckDB's included), or -1. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static final java.util.regex.Pattern SQL_LOG = java.util.regex.Pattern.compile(
            "request=(\\S+) user=\\S+ source=\\S+ duration_ms=(\\d+)");

    /**
     * The analytics queries' own times per request id (ms, in the order logged), from the app's
     * analytics SQL log in its console output: compile + execute + read every row, as the app measures it.
     */
    Map<String, List<Long>> queryMillis() throws IOException {
        Map<String, List<Long>> millis = new HashMap<>();
        try (java.io.BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.contains("duration_ms=")) continue;
                java.util.regex.Matcher m = SQL_LOG.matcher(line);
                if (m.find()) millis.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
            }
        }
        return millis;
    }

    /** Server-side µs per request id, from the access log as written so far. */
    Map<String, Long> serverMicros() throws IOException, InterruptedException {
        // Tomcat writes a request's line just after its last byte went out; let the last ones land.
        Thread.sleep(500);
        Map<String, Long> micros = new HashMap<>();
        if (!Files.exists(accessLog)) return micros;
        for (String line : Files.readAllLines(accessLog, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ", 5);
            if (f.length >= 3 && !f[0].equals("-")) {
                try {
                    micros.put(f[0], Long.parseLong(f[2]));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        return micros;
    }

    Path log() {
        return log;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void kill() {
        if (process.isAlive()) process.destroyForcibly();
    }

    /** SIGTERM (Spring closes its pools), then a forced kill after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
