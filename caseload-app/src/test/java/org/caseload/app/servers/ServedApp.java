package org.caseload.app.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.caseload.app.CaseloadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application served on a random port, in demo mode (admin {@code demo}/{@code demo}), with the
 * given Spring arguments on top of quiet logging; and an HTTP client for its API (HTTP Basic).
 */
final class ServedApp implements AutoCloseable {
    static final String DEMO = "demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ServedApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Starts the app; {@code args} as {@code caseload serve} would pass them (they win over the defaults here). */
    static ServedApp start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        // A key given twice would be read as "a,b": defaults only for keys the arguments do not set.
        for (String d : List.of("--server.port=0", "--caseload.demo=true", "--spring.main.banner-mode=off",
                "--logging.level.root=warn", "--logging.level.caseload.analytics.sql=warn")) {
            String key = d.substring(0, d.indexOf('=') + 1);
            if (args.stream().noneMatch(a -> a.startsWith(key))) all.add(d);
        }
        SpringApplication app = new SpringApplication(CaseloadApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        return new ServedApp(app.run(all.toArray(String[]::new)));
    }

    /** A fresh H2 app database in memory, for tests about the analytics side. */
    static String h2AppDatabase() {
        return "--spring.datasource.url=jdbc:h2:mem:served-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    static String duckdbAnalytics(Path file) {
        return "--caseload.analytics.db=" + file;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
    }

    Reply get(String path) {
        return get(path, DEMO, DEMO);
    }

    Reply post(String path, String json, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user, password);
    }

    /** POST as {@code demo} with the request id the audit and the logs will show. */
    Reply postWithRequestId(String path, String json, String requestId) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(json)), DEMO, DEMO);
    }

    Reply post(String path, String json) {
        return post(path, json, DEMO, DEMO);
    }

    Reply put(String path, String json, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), user, password);
    }

    Reply delete(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), user, password);
    }

    /** POST /api/query as {@code demo} (an admin: no grants apply). */
    Reply query(String json) {
        return post("/api/query", json);
    }

    private Reply send(HttpRequest.Builder request, String user, String password) {
        request.header("Authorization", basic(user, password)).timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A browser's session: signs in through the login form (with its CSRF token) and then reads pages. */
    WebSession signIn(String user, String password) {
        return WebSession.signIn(this, user, password);
    }

    @Override
    public void close() {
        context.close();
    }
}
