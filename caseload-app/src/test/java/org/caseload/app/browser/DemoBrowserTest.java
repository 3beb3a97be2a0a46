package org.caseload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.caseload.app.CaseloadApplication;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo as a person sees it, in the system Chromium: sign in as demo/demo, read the overview
 * (KPI tiles, the ECharts trend, the location table), run an exploration, open its SQL and download
 * its CSV. The app runs for real on a random port over a small generated demo warehouse.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (override the paths with
 * {@code -Dcaseload.chromium=...} and {@code -Dcaseload.chromedriver=...}). Without them the class is
 * skipped with the reason (see {@link RequiresChromium}), except under {@code CI=true}, where it
 * fails. Nothing is downloaded: the driver is given explicitly, so Selenium Manager never runs.
 * Screenshots go to {@code caseload-app/target/screenshots/}.
 */
@ExtendWith(DemoBrowserTest.RequiresChromium.class) // before SpringExtension: no context when skipped
@SpringBootTest(classes = CaseloadApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caseload.demo=true", "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1"})
class DemoBrowserTest {
    private static final int DEMO_VISITS = 30_000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The exploration the Explore tests run: twelve months, inside the demo's 2024–2025. */
    private static final String FROM = "2024-04-01";
    private static final String TO = "2025-04-01";

    /** Collects script errors and failed script/style loads on every page, before the page's own scripts run. */
    private static final String ERROR_COLLECTOR = """
            window.__caseloadErrors = [];
            window.addEventListener('error', function (e) {
              var t = e.target;
              window.__caseloadErrors.push(t && t !== window && (t.src || t.href)
                  ? 'failed to load ' + (t.src || t.href)
                  : String(e.message) + ' at ' + e.filename + ':' + e.lineno);
            }, true);
            window.addEventListener('unhandledrejection', function (e) {
              window.__caseloadErrors.push('unhandled rejection: ' + e.reason);
            });
            """;

    private static Path workDir;
    private static Path demoDb;
    private static Path profileDir;
    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void analyticsDatabase(DynamicPropertyRegistry registry) {
        registry.add("caseload.analytics.db", () -> demoDatabase().toString());
    }

    /** Generates the demo warehouse once, on first use (when the application context starts). */
    private static synchronized Path demoDatabase() {
        if (demoDb == null) {
            try {
                Path db = temp().resolve("caseload.duckdb");
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
                    DemoGenerator.generate(c, new DemoOptions(DemoOptions.DEFAULT_SEED, DEMO_VISITS), null);
                }
                demoDb = db;
            } catch (Exception e) {
                throw new IllegalStateException("cannot generate the demo warehouse", e);
            }
        }
        return demoDb;
    }

    private static synchronized Path temp() throws IOException {
        if (workDir == null) {
            workDir = Files.createTempDirectory("caseload-browser-");
            Path dir = workDir;
            // The application context (and its DuckDB pool) lives until the JVM ends; so does the file.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        }
        return workDir;
    }

    private static Path chromium() {
        return Path.of(System.getProperty("caseload.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("caseload.chromedriver", "/usr/bin/chromedriver"));
    }

    /**
     * Skips the class, with the reason, when Chromium or ChromeDriver is missing — before the
     * application context starts — except under {@code CI=true}, where the class fails instead.
     */
    static final class RequiresChromium implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<String> missing = new ArrayList<>();
            if (!Files.isExecutable(chromium())) missing.add("Chromium at " + chromium() + " (apt-get install chromium)");
            if (!Files.isExecutable(chromedriver())) missing.add("ChromeDriver at " + chromedriver() + " (apt-get install chromium-driver)");
            if (missing.isEmpty()) return ConditionEvaluationResult.enabled("Chromium and ChromeDriver found");
            String reason = "browser test needs " + String.join(" and ", missing)
                    + " (or -Dcaseload.chromium=PATH / -Dcaseload.chromedriver=PATH)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; they are required when CI=true");
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Path chromium = chromium();
        Path chromedriver = chromedriver();
        profileDir = Files.createTempDirectory("caseload-chromium-profile-");
        // The driver is named explicitly, so Selenium Manager (which would try to download one) never runs.
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-proxy-server", "--lang=en-US",
                "--window-size=1440,900", "--user-data-dir=" + profileDir);
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_COLLECTOR));
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (driver != null) driver.quit();
        } finally {
            driver = null;
            if (service != null) service.stop();
            if (profileDir != null) deleteTree(profileDir);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Every page a test opened loaded its scripts and styles and ran without a script error. */
    @AfterEach
    void noScriptErrors() {
        assertThat(scriptErrors()).as("script errors on " + driver.getCurrentUrl()).isEmpty();
    }

    // --- sign-in ---------------------------------------------------------------------------------

    @Test
    void signInPageShowsTheDemoCredentialsRejectsAWrongPasswordAndSignsIn() {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        wait.until(ExpectedConditions.urlToBe(base() + "/login"));

        WebElement notice = driver.findElement(By.id("demo-notice"));
        assertThat(notice.isDisplayed()).isTrue();
        assertThat(notice.getText()).contains("Demo mode").contains("demo");

        signIn("demo", "not-the-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(driver.findElement(By.id("login-error")).getText()).contains("Wrong user name or password");
        assertThat(driver.manage().getCookieNamed("JSESSIONID")).isNotNull(); // a session, but not signed in
        driver.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));

        signIn("demo", "demo");
        // back to the page first asked for (Spring Security marks the replayed request with ?continue)
        wait.until(d -> pathOf(d.getCurrentUrl()).equals("/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        assertThat(driver.findElement(By.cssSelector(".nav .who")).getText()).isEqualTo("demo");
        // demo is an administrator
        assertThat(driver.findElements(By.cssSelector(".nav a[href='/admin/users']"))).hasSize(1);
    }

    // --- overview --------------------------------------------------------------------------------

    @Test
    void overviewShowsKpiTilesTheTrendChartAndTheLocationTable() throws IOException {
        open("/");
        String month = driver.findElement(By.cssSelector(".page-head h1 .muted")).getText();
        assertThat(month).as("the latest month with data").isEqualTo("2025-12");

        // KPI tiles: one per overview metric, each with a value
        List<WebElement> tiles = driver.findElements(By.cssSelector("#kpis .kpi"));
        assertThat(tiles).extracting(t -> t.getDomAttribute("data-metric")).containsExactly("visits", "patients",
                "no_show_rate", "avg_wait_minutes", "utilization", "staff_cost", "staff_cost_per_visit",
                "revenue_per_staff_hour");
        Map<String, String> values = new HashMap<>();
        for (WebElement tile : tiles) {
            String value = tile.findElement(By.className("kpi-value")).getText();
            assertThat(tile.findElement(By.className("kpi-label")).getText()).isNotBlank();
            assertThat(value).as("value of %s", tile.getDomAttribute("data-metric")).isNotBlank().isNotEqualTo("—");
            values.put(tile.getDomAttribute("data-metric"), value);
        }
        assertThat(values.get("visits")).matches("[1-9][\\d,]*");
        assertThat(values.get("no_show_rate")).matches("\\d+(\\.\\d+)?%");
        assertThat(values.get("avg_wait_minutes")).endsWith(" min");
        assertThat(values.get("staff_cost")).startsWith("$");

        // The trend: ECharts drew a canvas inside #trend-chart, from the server's twelve months
        WebElement trend = driver.findElement(By.id("trend-chart"));
        WebElement canvas = wait.until(d -> trend.findElements(By.tagName("canvas")).stream().findFirst().orElse(null));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        assertThat(canvas.getSize().getHeight()).isGreaterThan(200);
        Map<String, Object> chart = chartOption("trend-chart");
        assertThat(chart.get("x")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .hasSize(12).startsWith("2025-01-01").endsWith("2025-12-01");
        assertThat(chart.get("series")).isEqualTo(List.of("Visits", "Staff cost per visit"));
        assertThat(chart.get("points")).isEqualTo(List.of(12L, 12L));
        waitForSettledDrawing(canvas);
        assertThat(paintedPixels(canvas)).as("pixels drawn on the trend canvas").isGreaterThan(2_000L);

        // The location table: a row per location, its visits adding up to the Visits tile
        WebElement table = driver.findElement(By.id("location-table"));
        List<String> headers = texts(table.findElements(By.cssSelector("thead th")));
        assertThat(headers).startsWith("Location", "Visits");
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells).hasSameSizeAs(headers);
            assertThat(cells.get(0).getText()).isNotBlank();
        }
        int visitsColumn = headers.indexOf("Visits");
        long tableVisits = rows.stream()
                .mapToLong(r -> Long.parseLong(r.findElements(By.tagName("td")).get(visitsColumn).getDomAttribute("data-value")))
                .sum();
        assertThat(tableVisits).as("visits over the locations vs the Visits tile")
                .isEqualTo(Long.parseLong(values.get("visits").replace(",", "")));

        screenshot("overview.png", 4000);

        // Sortable: a click on Visits orders the rows by visits, a second click reverses them
        WebElement visitsHeader = table.findElements(By.cssSelector("thead th")).get(visitsColumn);
        visitsHeader.click();
        assertThat(visitsHeader.getDomAttribute("data-dir")).isEqualTo("asc");
        assertThat(columnValues(table, visitsColumn)).isSorted();
        visitsHeader.click();
        assertThat(visitsHeader.getDomAttribute("data-dir")).isEqualTo("desc");
        assertThat(columnValues(table, visitsColumn)).isSortedAccordingTo(Comparator.reverseOrder());
    }

    // --- explore ---------------------------------------------------------------------------------

    @Test
    void exploreRunsAnExplorationAndShowsItsInlinedSql() throws IOException {
        runExploration();

        List<String> headers = texts(driver.findElements(By.cssSelector("#result-table thead th")));
        assertThat(headers).containsExactlyInAnyOrder("Location", "Month", "Visits", "No-show rate");
        List<List<String>> rows = resultRows();
        assertThat(driver.findElement(By.id("summary")).getText()).startsWith(rows.size() + " rows in ");
        int monthColumn = headers.indexOf("Month");
        int locationColumn = headers.indexOf("Location");
        Set<String> months = rows.stream().map(r -> r.get(monthColumn)).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(months).as("months of the exploration").hasSize(12)
                .allMatch(m -> m.compareTo(FROM) >= 0 && m.compareTo(TO) < 0);
        int visits = headers.indexOf("Visits");
        int noShows = headers.indexOf("No-show rate");
        for (List<String> row : rows) {
            assertThat(row.get(locationColumn)).isNotBlank();
            assertThat(row.get(visits)).matches("[1-9][\\d,]*");
            assertThat(row.get(noShows)).matches("\\d+(\\.\\d+)?%");
        }
        // One row per location and month, for several locations
        assertThat(rows.stream().map(r -> r.get(locationColumn) + "|" + r.get(monthColumn)).distinct().count())
                .isEqualTo(rows.size());
        Set<String> locations = rows.stream().map(r -> r.get(locationColumn)).collect(Collectors.toSet());
        assertThat(locations).hasSizeGreaterThan(1);

        // The result chart: months along x, a line per location
        wait.until(d -> !d.findElements(By.cssSelector("#chart canvas")).isEmpty());
        Map<String, Object> chart = chartOption("chart");
        assertThat(chart.get("x")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyElementsOf(months.stream().sorted().toList());
        assertThat(chart.get("series")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrderElementsOf(locations);

        // The SQL panel: hidden until asked for, then the inlined query
        WebElement panel = driver.findElement(By.id("sql-panel"));
        assertThat(panel.isDisplayed()).isFalse();
        driver.findElement(By.id("show-sql")).click();
        wait.until(ExpectedConditions.visibilityOf(panel));
        String sql = driver.findElement(By.id("sql")).getText().strip();
        assertThat(sql.toLowerCase(java.util.Locale.ROOT)).startsWith("with");
        assertThat(sql).as("the date range inlined as timestamp literals")
                .containsPattern(Pattern.compile("(?i)timestamp\\s*'" + FROM + "( 00:00:00(\\.0+)?)?'"))
                .containsPattern(Pattern.compile("(?i)timestamp\\s*'" + TO + "( 00:00:00(\\.0+)?)?'"));
        assertThat(sql).doesNotContain("?");

        // Copy puts exactly that SQL on the clipboard
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        String shownSql = (String) js("return document.getElementById('sql').textContent;");
        driver.findElement(By.id("copy-sql")).click();
        wait.until(d -> shownSql.equals(((JavascriptExecutor) d).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                navigator.clipboard.readText().then(done, function () { done(null); });""")));

        screenshot("explore.png", 1400); // the form, the toolbar, the chart and the table's first rows
        screenshot("explore-sql.png", panel);

        driver.findElement(By.id("show-sql")).click();
        wait.until(ExpectedConditions.invisibilityOf(panel));
    }

    @Test
    void csvDownloadHasTheTablesColumnsAndRows() throws Exception {
        runExploration();
        List<String> headers = texts(driver.findElements(By.cssSelector("#result-table thead th")));
        List<List<String>> rawRows = resultRawRows();

        WebElement link = driver.findElement(By.id("csv"));
        assertThat(link.getDomAttribute("download")).isEqualTo("caseload.csv");
        String href = link.getDomAttribute("href");
        assertThat(href).startsWith("/api/query.csv?");
        HttpResponse<String> csv = getWithBrowserSession(href);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"caseload.csv\"");
        assertThat(csv.body()).endsWith("\r\n").doesNotContain("\""); // no quoted fields: a split on commas reads it
        List<String> lines = csv.body().lines().toList();

        // The header: the table's columns, by name (the table shows their labels)
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header).hasSameSizeAs(headers);
        assertThat(header).containsExactlyInAnyOrder("month", "location", "visits", "no_show_rate");
        Map<String, String> labelOf = Map.of("month", "Month", "location", "Location", "visits", "Visits",
                "no_show_rate", "No-show rate");
        assertThat(header.stream().map(labelOf::get).toList()).isEqualTo(headers);

        // The rows: as many as the table's, with the same raw values
        List<List<String>> csvRows = lines.subList(1, lines.size()).stream().map(l -> List.of(l.split(",", -1))).toList();
        assertThat(csvRows).hasSameSizeAs(rawRows);
        int month = header.indexOf("month");
        int location = header.indexOf("location");
        Map<String, List<String>> tableByKey = rawRows.stream()
                .collect(Collectors.toMap(r -> r.get(month) + "|" + r.get(location), r -> r));
        for (List<String> row : csvRows) {
            List<String> shown = tableByKey.get(row.get(month) + "|" + row.get(location));
            assertThat(shown).as("table row for %s", row).isNotNull();
            assertThat(Long.parseLong(row.get(header.indexOf("visits"))))
                    .isEqualTo(Long.parseLong(shown.get(header.indexOf("visits"))));
            assertThat(Double.parseDouble(row.get(header.indexOf("no_show_rate"))))
                    .isCloseTo(Double.parseDouble(shown.get(header.indexOf("no_show_rate"))), within(1e-12));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Opens a page, signing in first when the app sends the browser to the sign-in page. */
    private void open(String path) {
        driver.get(base() + path);
        if (driver.getCurrentUrl().startsWith(base() + "/login")) {
            signIn("demo", "demo");
        }
        wait.until(d -> pathOf(d.getCurrentUrl()).equals(path));
    }

    /** The path of a URL of this app; after sign-in Spring Security returns to the saved page with {@code ?continue}. */
    private String pathOf(String url) {
        assertThat(url).startsWith(base());
        String rest = url.substring(base().length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private void signIn(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        name.clear();
        name.sendKeys(user);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.stalenessOf(name));
    }

    /** Visits and no-show rate by location and month over {@link #FROM}–{@link #TO}, run from the form. */
    private void runExploration() {
        open("/explore");
        select("metrics", "visits", "no_show_rate");
        select("dimensions", "location");
        new Select(driver.findElement(By.id("grain"))).selectByVisibleText("month"); // <option>month</option>: no value attribute
        setDate("from", FROM);
        setDate("to", TO);
        WebElement previous = driver.findElements(By.id("result-table")).stream().findFirst().orElse(null);
        driver.findElement(By.id("run")).click();
        if (previous != null) wait.until(ExpectedConditions.stalenessOf(previous));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        wait.until(d -> !d.findElements(By.cssSelector("#result-table tbody tr")).isEmpty());
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    private void select(String id, String... values) {
        Select select = new Select(driver.findElement(By.id(id)));
        select.deselectAll();
        for (String v : values) select.selectByValue(v);
        assertThat(select.getAllSelectedOptions()).extracting(o -> o.getDomAttribute("value")).containsExactly(values);
    }

    /** Date inputs take keystrokes in the browser's locale format; the ISO value is set as a script would. */
    private void setDate(String id, String isoDate) {
        WebElement input = driver.findElement(By.id(id));
        js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
        assertThat(input.getDomProperty("value")).isEqualTo(isoDate);
    }

    private List<List<String>> resultRows() {
        return driver.findElements(By.cssSelector("#result-table tbody tr")).stream()
                .map(tr -> texts(tr.findElements(By.tagName("td")))).toList();
    }

    /** The raw values behind the result table (its cells' data-value), in one script call. */
    @SuppressWarnings("unchecked")
    private List<List<String>> resultRawRows() {
        return (List<List<String>>) js("return [...document.querySelectorAll('#result-table tbody tr')]"
                + ".map(tr => [...tr.cells].map(td => td.dataset.value));");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private List<Double> columnValues(WebElement table, int column) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> Double.valueOf(r.findElements(By.tagName("td")).get(column).getDomAttribute("data-value")))
                .toList();
    }

    /** What the ECharts instance on an element holds: x categories, series names and non-null points per series. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> chartOption(String id) {
        return (Map<String, Object>) wait.until(d -> js("""
                var el = document.getElementById(arguments[0]);
                var chart = window.echarts && echarts.getInstanceByDom(el);
                if (!chart) return null;
                var o = chart.getOption();
                return {
                  x: o.xAxis[0].data,
                  series: o.series.map(function (s) { return s.name; }),
                  points: o.series.map(function (s) { return s.data.filter(function (v) { return v !== null; }).length; })
                };""", id));
    }

    /** Waits until the canvas stops changing between animation frames (ECharts animates its first render). */
    private void waitForSettledDrawing(WebElement canvas) {
        String[] last = {null};
        wait.until(d -> {
            String now = (String) ((JavascriptExecutor) d).executeAsyncScript("""
                    var canvas = arguments[0], done = arguments[arguments.length - 1];
                    requestAnimationFrame(function () { requestAnimationFrame(function () { done(canvas.toDataURL()); }); });""",
                    canvas);
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
    }

    private long paintedPixels(WebElement canvas) {
        return (Long) js("""
                var c = arguments[0], data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                for (var i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
                return n;""", canvas);
    }

    private HttpResponse<String> getWithBrowserSession(String path) throws IOException, InterruptedException, URISyntaxException {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        assertThat(driver.manage().getCookies()).extracting(Cookie::getName).contains("JSESSIONID");
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(new URI(base() + path)).timeout(WAIT).header("Cookie", cookies).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private List<String> scriptErrors() {
        Object errors = js("return window.__caseloadErrors || [];");
        return (List<String>) errors;
    }

    private Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** A PNG of the page from its top, beyond the window but at most {@code maxHeight} CSS pixels tall, in target/screenshots/. */
    @SuppressWarnings("unchecked")
    private void screenshot(String name, double maxHeight) throws IOException {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        double height = Math.min(maxHeight, ((Number) size.get("height")).doubleValue());
        capture(name, 0, 0, ((Number) size.get("width")).doubleValue(), height);
    }

    /** A PNG of one element, wherever it is on the page, in target/screenshots/. */
    @SuppressWarnings("unchecked")
    private void screenshot(String name, WebElement element) throws IOException {
        Map<String, Object> r = (Map<String, Object>) js("""
                var b = arguments[0].getBoundingClientRect();
                return {x: b.left + scrollX, y: b.top + scrollY, width: b.width, height: b.height};""", element);
        capture(name, ((Number) r.get("x")).doubleValue(), ((Number) r.get("y")).doubleValue(),
                ((Number) r.get("width")).doubleValue(), ((Number) r.get("height")).doubleValue());
    }

    /** Captures a page area (CSS pixels, page coordinates) once the charts have finished animating. */
    private void capture(String name, double x, double y, double width, double height) throws IOException {
        for (WebElement canvas : driver.findElements(By.cssSelector(".chart canvas"))) {
            if (canvas.isDisplayed()) waitForSettledDrawing(canvas);
        }
        Map<String, Object> clip = Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1);
        String base64 = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        byte[] png = Base64.getDecoder().decode(base64);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.write(screenshotDir().resolve(name), png);
    }

    /** caseload-app/target/screenshots, found from where the test classes are (target/test-classes). */
    private static Path screenshotDir() throws IOException {
        Path target;
        try {
            target = Path.of(DemoBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            target = Path.of("target");
        }
        return Files.createDirectories(target.resolve("screenshots"));
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
