package org.caseload.bench.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user as a browser would be: its own connection pool and cookie jar, signed in through the
 * login form (CSRF token from the form), then pages and API calls on the session, POSTs with the
 * CSRF token from the page's meta tag, as the UI's script sends them. Every request carries an
 * {@code X-Request-Id} that the server's access log repeats, so its server-side time can be found.
 */
final class UserClient {
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong();

    private final AppServer server;
    private final HttpClient http;
    private final String idPrefix;
    private String csrfHeader = "X-CSRF-TOKEN";
    private String csrfToken;

    /** What one request did: status (or -1 on an I/O failure), body, client-side ns, its request id. */
    record Reply(int status, String body, long nanos, String requestId, String failure) {
        boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }
    }

    UserClient(AppServer server, String idPrefix) {
        this(server, idPrefix, true);
    }

    /** Without cookies every request stands alone, as an API client's with HTTP Basic does. */
    UserClient(AppServer server, String idPrefix, boolean cookies) {
        this.server = server;
        this.idPrefix = idPrefix;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies) b.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        this.http = b.build();
    }

    /** Signs in through the form; fails loudly when the login does not lead to a session that can open the overview. */
    void login() throws IOException, InterruptedException {
        Reply page = get("/login", "login");
        if (!page.ok()) throw new IllegalStateException("GET /login: " + describe(page));
        Matcher m = FORM_CSRF.matcher(page.body());
        if (!m.find()) throw new IllegalStateException("no _csrf field in the login form");
        String form = "username=" + enc(AppServer.USER) + "&password=" + enc(AppServer.PASSWORD) + "&_csrf=" + enc(m.group(1));
        Reply r = send(HttpRequest.newBuilder(server.uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "login");
        String location = r.failure() == null ? r.body() : null;
        if (r.status() != 302 || location == null || location.contains("error")) {
            throw new IllegalStateException("POST /login: expected a redirect to the app, got " + describe(r));
        }
        Reply overview = overview(null, "login");
        if (!overview.ok()) throw new IllegalStateException("GET / after login: " + describe(overview));
    }

    /** The overview page (this month, or {@code month}); remembers the page's CSRF token for POSTs. */
    Reply overview(String month, String tag) throws InterruptedException {
        Reply r = get(month == null ? "/" : "/?month=" + month, tag);
        if (r.ok()) {
            Matcher t = META_CSRF.matcher(r.body());
            Matcher h = META_HEADER.matcher(r.body());
            if (t.find()) csrfToken = t.group(1);
            if (h.find()) csrfHeader = h.group(1);
            if (!r.body().contains("id=\"kpis\"")) {
                return new Reply(r.status(), r.body(), r.nanos(), r.requestId(), "the overview page has no KPI tiles");
            }
        }
        return r;
    }

    Reply get(String path, String tag) throws InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(path)).GET(), tag);
    }

    /** A GET with HTTP Basic instead of the session (what an API client sends). */
    Reply getBasic(String path, String tag) throws InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", AppServer.basic()).GET(), tag);
    }

    /** A JSON POST with HTTP Basic (set-up calls). */
    Reply postBasic(String path, String json, String tag) throws InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", AppServer.basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), tag);
    }

    /** A JSON POST on the session with the page's CSRF token, as the UI's script sends it. */
    Reply post(String path, String json, String tag) throws InterruptedException {
        if (csrfToken == null) throw new IllegalStateException("no CSRF token yet: open a page first");
        return send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)), tag);
    }

    private Reply send(HttpRequest.Builder b, String tag) throws InterruptedException {
        String id = idPrefix + "-" + tag + "-" + IDS.incrementAndGet();
        HttpRequest req = b.header("X-Request-Id", id).timeout(TIMEOUT).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long nanos = System.nanoTime() - start;
            // For a redirect the body is of no use; keep where it goes instead.
            String body = r.statusCode() / 100 == 3 ? r.headers().firstValue("Location").orElse("") : r.body();
            return new Reply(r.statusCode(), body, nanos, id, null);
        } catch (IOException e) {
            return new Reply(-1, "", System.nanoTime() - start, id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String describe(Reply r) {
        if (r.failure() != null) return r.failure();
        String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
        return "HTTP " + r.status() + " " + body.replace('\n', ' ');
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
