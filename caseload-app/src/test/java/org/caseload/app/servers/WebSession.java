package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser session on a {@link ServedApp}: the login form, its CSRF token, the session cookie, pages. */
final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final ServedApp app;
    private final HttpClient http;

    private WebSession(ServedApp app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static WebSession signIn(ServedApp app, String user, String password) {
        WebSession s = new WebSession(app);
        ServedApp.Reply login = s.page("/login");
        assertThat(login.status()).isEqualTo(200);
        Matcher m = CSRF.matcher(login.body());
        assertThat(m.find()).as("CSRF token on the login page").isTrue();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        ServedApp.Reply r = s.send(HttpRequest.newBuilder(app.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(r.status()).as("signing in redirects").isEqualTo(302);
        return s;
    }

    ServedApp.Reply page(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).GET());
    }

    private ServedApp.Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 302) {
                String to = r.headers().firstValue("Location").orElse("");
                assertThat(to).as("redirected to the login page: the session is not signed in").doesNotContain("/login?error");
            }
            return new ServedApp.Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
