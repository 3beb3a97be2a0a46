package org.caseload.dialects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.caseload.engine.dialect.Capability;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.model.Aggregation;
import org.caseload.model.Grain;
import org.caseload.model.Measure;
import org.caseload.model.Metric;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.caseload.servers.ConsoleClients;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.ServerKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One suite, every backend. A subclass names a backend, declares the {@link Capability capabilities} it expects
 * the engine to grant it, and hands over a fresh empty database ({@link #openBackend()}); the suite then
 *
 * <ol>
 *   <li>fills it with the demo data of {@link #DATA} through the loader, once per class, and checks that the rows
 *       landed as on the reference;</li>
 *   <li>checks a few numbers of the backend against SQL written by hand on the DuckDB reference, so that the
 *       reference itself is anchored and not only consistent;</li>
 *   <li>runs every {@link GoldenRequests golden request} on the backend and on the {@link ReferenceWarehouse DuckDB
 *       reference}: counts must be equal, money equal to the cent, ratios and averages equal to 1e-9 relative,
 *       dates, keys and labels equal, rows in the same order; a request the backend lacks a capability for must
 *       fail with the engine's documented message instead;</li>
 *   <li>runs the SQL {@code caseload query --sql --url <backend>} prints, as printed, through plain JDBC and, for
 *       servers with a console client ({@link Backend#console()}), through the real {@code psql} / {@code mariadb}:
 *       both must give the engine's rows.</li>
 * </ol>
 *
 * <p>Timings (load, queries, console) are printed at the end of each class and appended to
 * {@code target/dialect-suite/report.txt}, with the value types that differ from DuckDB's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class DialectSuite {
    /**
     * The data every backend gets: 6,046 visits, 600 patients and 33,528 shifts. 6,000 visits make every metric
     * non-trivial in every month, clinic and service line (176 to 859 completed visits per clinic). The visit count
     * hardly sets the load time: the roster has a shift per clinic, service line and open day whatever the volume,
     * so shifts are 84% of the rows. Measured on two cores: DuckDB about 1 s, PostgreSQL (COPY) 2 s, MariaDB
     * (multi-row INSERTs) 2 to 4 s, Trino 2.5 to 3 minutes (80 INSERTs of 500 rows, each a distributed query of 1.3
     * to 2.3 s); halving the visits would save Trino some 15 s and leave thin months.
     */
    public static final DemoOptions DATA = new DemoOptions(11, 6_000);

    /**
     * What a subclass provides: a fresh, empty database of the backend.
     *
     * @param database how the engine, the loader and {@code caseload --url} reach it
     * @param console the server as {@link ConsoleClients} reaches it, for backends with a console client
     * @param cleanup run after the class: drops what {@link #openBackend()} created
     */
    public record Backend(AnalyticsDatabase database, Optional<ServerHandle> console, AutoCloseable cleanup) {
        public Backend {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(console, "console");
            Objects.requireNonNull(cleanup, "cleanup");
        }
    }

    /** The backend's name as the engine's messages spell it ({@code MariaDB}, {@code Trino}, ...). */
    protected abstract String backendName();

    /** The capabilities this backend must have, and no others: the test fails if the engine's dialect disagrees. */
    protected abstract Set<Capability> capabilities();

    /** A fresh, empty database for this class; called once, before anything else. */
    protected abstract Backend openBackend() throws Exception;

    protected SemanticModel model;
    protected ReferenceWarehouse reference;
    protected Backend backend;
    protected Engine engine;
    private HikariDataSource pool;
    private LoadSummary load;
    private Duration loadTime;
    private long engineNanos;
    private long referenceNanos;
    private long cliNanos;
    private long jdbcNanos;
    private long consoleNanos;
    private int consoleRuns;
    private final Set<String> typeNotes = new TreeSet<>();
    /**
     * Per golden request, the backend's result and what the command line printed: computed once per class and
     * shared by the tests that need them, since a query costs seconds on Trino.
     */
    private final Map<String, QueryResult> backendResults = new HashMap<>();
    private final Map<String, CaseloadCommand.Run> printed = new HashMap<>();

    // --- lifecycle ------------------------------------------------------------------------------------------------

    @BeforeAll
    void loadTheDemoData() throws Exception {
        model = ModelLoader.loadDefault();
        reference = ReferenceWarehouse.get();
        backend = openBackend();
        long started = System.nanoTime();
        try (Connection c = backend.database().connect()) {
            load = DemoGenerator.generate(c, DATA);
        }
        loadTime = Duration.ofNanos(System.nanoTime() - started);
        // Read-only with two connections, as `caseload query` opens it.
        pool = backend.database().pool(true, 2);
        engine = new Engine(model, pool, backend.database().dialect());
    }

    @AfterAll
    void closeAndReport() throws Exception {
        try {
            if (pool != null) pool.close();
        } finally {
            if (backend != null) backend.cleanup().close();
        }
        report();
    }

    // --- the tests ------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theEnginesDialectHasTheDeclaredCapabilities() {
        Dialect dialect = Dialect.of(backend.database().dialect());
        assertThat(dialect.displayName()).isEqualTo(backendName());
        for (Capability c : Capability.values()) {
            assertThat(dialect.supports(c)).as("%s supports %s", backendName(), c).isEqualTo(capabilities().contains(c));
        }
    }

    /** The loader wrote what it wrote on DuckDB: row counts, sums, time ranges, statuses. */
    @Test
    @Order(2)
    void theLoadedRowsAreTheReferencesRows() throws SQLException {
        assertThat(load.rowsPerTable()).isEqualTo(reference.load().rowsPerTable());
        assertThat(load.rows(WarehouseSchema.VISITS.name())).isBetween(DATA.visits() * 9L / 10, DATA.visits() * 11L / 10);
        List<String> checks = new ArrayList<>();
        for (Table t : WarehouseSchema.TABLES) {
            checks.add("select count(*) from " + t.name());
        }
        checks.add("select count(*), sum(charge_amount), min(scheduled_at), max(scheduled_at), max(ended_at),"
                + " count(distinct patient_id), count(distinct staff_id), count(checked_in_at) from visits");
        checks.add("select status, count(*), sum(charge_amount) from visits group by status order by status");
        checks.add("select count(*), sum(cost_amount), min(started_at), max(ended_at), count(distinct staff_id) from shifts");
        checks.add("select count(*), sum(hourly_cost), count(distinct name) from staff");
        checks.add("select count(*), sum(birth_year), count(sex) from patients");
        for (String sql : checks) {
            List<List<Object>> expected = plainRows(reference.dataSource(), sql);
            List<List<Object>> actual = plainRows(pool, sql);
            assertThat(actual).as(sql).hasSameSizeAs(expected);
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < expected.get(r).size(); c++) {
                    assertThat(sameLoadedValue(expected.get(r).get(c), actual.get(r).get(c)))
                            .as("%s: row %d column %d: reference %s, %s %s", sql, r, c, expected.get(r),
                                    backendName(), actual.get(r)).isTrue();
                }
            }
        }
    }

    /**
     * Numbers of the backend's engine equal SQL written by hand on the DuckDB reference: the reference is the
     * yardstick of every other test, so it must itself be right, not only equal to the other backends.
     */
    @Test
    @Order(3)
    void theBackendAgreesWithHandWrittenSqlOnTheReference() throws SQLException {
        LocalDate y2024 = LocalDate.of(2024, 1, 1);
        LocalDate y2025 = LocalDate.of(2025, 1, 1);
        LocalDate y2026 = LocalDate.of(2026, 1, 1);
        anchor("completed visits per location",
                "select location_id, count(*) from visits where status = 'completed' group by location_id",
                MetricRequest.builder().metrics("visits").dimensions("location").build(), "location", "visits");
        anchor("charges per service line in 2024",
                "select service_id, sum(charge_amount) from visits where status = 'completed'"
                        + " and scheduled_at >= timestamp '2024-01-01' and scheduled_at < timestamp '2025-01-01'"
                        + " group by service_id",
                MetricRequest.builder().metrics("charges").dimensions("service").between(y2024, y2025).build(),
                "service", "charges");
        anchor("staff hours per region",
                "select l.region, sum(epoch(s.ended_at) - epoch(s.started_at)) / 3600"
                        + " from shifts s join locations l on l.location_id = s.location_id group by l.region",
                MetricRequest.builder().metrics("staff_hours").dimensions("region").build(), "region", "staff_hours");
        anchor("no-show rate per month of 2025",
                "select cast(date_trunc('month', scheduled_at) as date),"
                        + " count(*) filter (where status = 'no_show') * 1.0"
                        + " / count(*) filter (where status in ('completed', 'no_show'))"
                        + " from visits where scheduled_at >= timestamp '2025-01-01'"
                        + " and scheduled_at < timestamp '2026-01-01' group by 1",
                MetricRequest.builder().metrics("no_show_rate").grain(Grain.MONTH).between(y2025, y2026).build(),
                "month", "no_show_rate");
        anchor("distinct patients per sex (null sex included)",
                "select p.sex, count(distinct v.patient_id) from visits v"
                        + " left join patients p on p.patient_id = v.patient_id where v.status = 'completed' group by p.sex",
                MetricRequest.builder().metrics("patients").dimensions("patient_sex").build(), "patient_sex", "patients");
        anchor("utilization over everything",
                "select 'all', (select sum(epoch(ended_at) - epoch(started_at)) from visits where status = 'completed')"
                        + " / (select sum(epoch(s.ended_at) - epoch(s.started_at)) from shifts s"
                        + " join staff st on st.staff_id = s.staff_id"
                        + " join role_groups rg on rg.role_group_id = st.role_group_id where rg.clinical)",
                MetricRequest.builder().metrics("utilization").build(), null, "utilization");
        if (capabilities().contains(Capability.MEDIAN)) {
            anchor("median visit minutes per service line",
                    "select service_id, median(epoch(ended_at) - epoch(started_at)) / 60 from visits"
                            + " where status = 'completed' group by service_id",
                    MetricRequest.builder().metrics("median_visit_minutes").dimensions("service").build(),
                    "service", "median_visit_minutes");
        }
    }

    @TestFactory
    @Order(4)
    List<DynamicTest> everyGoldenRequestEqualsTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenRequest g : GoldenRequests.all(model)) {
            tests.add(DynamicTest.dynamicTest(g.name(), () -> {
                Optional<String> refusal = expectedRefusal(g.request());
                if (refusal.isPresent()) {
                    assertThatThrownBy(() -> engine.compile(g.request(), AccessScope.UNRESTRICTED))
                            .as("%s on %s", g.name(), backendName())
                            .isInstanceOfSatisfying(RequestException.class, e -> {
                                assertThat(e.getMessage()).isEqualTo(refusal.get());
                                assertThat(e.field()).isEqualTo("metrics");
                            });
                    return;
                }
                long started = System.nanoTime();
                QueryResult expected = reference.engine().execute(g.request(), AccessScope.UNRESTRICTED);
                referenceNanos += System.nanoTime() - started;
                assertNonTrivial(g, expected);
                QueryResult actual = backendResult(g);
                assertThat(names(actual.columns())).isEqualTo(names(expected.columns()));
                List<List<Object>> e = ResultComparison.rows(expected.rows());
                List<List<Object>> a = ResultComparison.rows(actual.rows());
                typeNotes.addAll(ResultComparison.typeNotes(actual.columns(), e, a));
                assertThat(ResultComparison.differences(actual.columns(), kinds(actual.columns()), e, a))
                        .as("%s (%s) on %s versus the DuckDB reference; %s SQL:%n%s", g.name(), g.why(),
                                backendName(), backendName(), actual.sql())
                        .isEmpty();
            }));
        }
        return tests;
    }

    /**
     * The median and percentile metrics either work (DuckDB, PostgreSQL) or are refused at planning with the
     * documented message, which names the measure and the backend and points to what works instead; the command
     * line prints it after the flag it came from and exits with 2 (bad input) without printing any SQL.
     */
    @Test
    @Order(5)
    void medianAndPercentileMetricsWorkOrAreRefusedClearly() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("median_visit_minutes", "measure 'visit_minutes_median' needs median, which " + backendName()
                + " cannot compute exactly");
        expected.put("p90_wait_minutes", "measure 'wait_minutes_p90' needs percentile, which " + backendName()
                + " cannot compute exactly");
        String hint = "use an average-based metric on " + backendName() + ", or run the query on DuckDB or PostgreSQL";
        Map<String, Capability> needs = Map.of("median_visit_minutes", Capability.MEDIAN,
                "p90_wait_minutes", Capability.PERCENTILE);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            MetricRequest request = MetricRequest.builder().metrics(e.getKey()).dimensions("service").build();
            CaseloadCommand.Run cli = CaseloadCommand.printSql(request, backend.database().url());
            if (capabilities().contains(needs.get(e.getKey()))) {
                QueryResult r = engine.execute(request, AccessScope.UNRESTRICTED);
                assertThat(r.rows()).as(e.getKey()).isNotEmpty().allSatisfy(row -> assertThat(row[2]).isNotNull());
                assertThat(cli.exit()).as(cli.err()).isZero();
                continue;
            }
            assertThatThrownBy(() -> engine.compile(request, AccessScope.UNRESTRICTED))
                    .isInstanceOfSatisfying(RequestException.class, ex -> {
                        assertThat(ex.getMessage()).isEqualTo(e.getValue());
                        assertThat(ex.field()).isEqualTo("metrics");
                        assertThat(ex.hint()).contains(hint);
                        assertThat(ex.describe()).isEqualTo(e.getValue() + " — " + hint);
                    });
            assertThat(cli.exit()).isEqualTo(2);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).isEqualTo("caseload: --metrics: " + e.getValue() + " — " + hint + System.lineSeparator());
        }
    }

    /**
     * {@code caseload query --sql --url <backend>} prints exactly the engine's inlined SQL for the backend's dialect,
     * and that text, run as-is through plain JDBC (no bind values), gives the rows the engine's bound SQL gave.
     */
    @TestFactory
    @Order(6)
    List<DynamicTest> printedSqlRunsAsIsOverJdbc() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenRequest g : GoldenRequests.all(model)) {
            tests.add(DynamicTest.dynamicTest(g.name(), () -> {
                CaseloadCommand.Run cli = printed(g);
                Optional<String> refusal = expectedRefusal(g.request());
                if (refusal.isPresent()) {
                    assertThat(cli.exit()).as(cli.err()).isEqualTo(2);
                    assertThat(cli.err()).startsWith("caseload: --metrics: " + refusal.get() + " — ");
                    return;
                }
                CompiledQuery q = engine.compile(g.request(), AccessScope.UNRESTRICTED);
                assertThat(cli.exit()).as(cli.err()).isZero();
                assertThat(cli.err()).isEmpty();
                assertThat(cli.out()).isEqualTo(q.inlineSql() + ";" + System.lineSeparator());
                QueryResult viaEngine = backendResult(g);
                long started = System.nanoTime();
                // JDBC takes one statement without its terminator (Trino refuses the semicolon).
                List<List<Object>> viaText = plainRows(pool, withoutTerminator(cli.out()));
                jdbcNanos += System.nanoTime() - started;
                assertThat(ResultComparison.differences(viaEngine.columns(), kinds(viaEngine.columns()),
                        ResultComparison.rows(viaEngine.rows()), viaText))
                        .as("%s: the printed SQL run through JDBC on %s versus the engine's rows; SQL:%n%s",
                                g.name(), backendName(), cli.out())
                        .isEmpty();
            }));
        }
        return tests;
    }

    /**
     * What a person gets by pasting {@code caseload query --sql --url <backend>} into the server's own console
     * client: the printed text is piped into {@code psql} / {@code mariadb} as-is and must print the engine's rows.
     * This is where naive inlining breaks on the MySQL family (backslashes, date literals). Without the client the
     * test is skipped, except in CI ({@link ConsoleClients#clientsRequired()}), where it fails.
     */
    @TestFactory
    @Order(7)
    List<DynamicTest> printedSqlGivesTheEnginesRowsInTheConsoleClient() {
        // A skip is one visible test with its reason, not a silently empty factory.
        if (backend.console().isEmpty()) {
            String reason = backendName() + " has no console client in this suite; its printed SQL runs through JDBC only";
            return List.of(DynamicTest.dynamicTest("no console client", () -> Assumptions.abort(reason)));
        }
        ServerHandle console = backend.console().get();
        String client = clientName(console);
        if (ConsoleClients.clientFor(console.kind()).isEmpty()) {
            return List.of(DynamicTest.dynamicTest(client + " missing", this::requireConsoleClient));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenRequest g : GoldenRequests.all(model)) {
            if (expectedRefusal(g.request()).isPresent()) {
                continue; // no SQL is printed for it (see printedSqlRunsAsIsOverJdbc)
            }
            tests.add(DynamicTest.dynamicTest(g.name(), () -> {
                CaseloadCommand.Run cli = printed(g);
                assertThat(cli.exit()).as(cli.err()).isZero();
                QueryResult viaEngine = backendResult(g);
                long started = System.nanoTime();
                List<List<String>> printed = ConsoleClients.query(console, cli.out());
                consoleNanos += System.nanoTime() - started;
                consoleRuns++;
                assertThat(printed).as("%s printed no rows", client).isNotEmpty();
                assertThat(ResultComparison.textDifferences(viaEngine.columns(), kinds(viaEngine.columns()),
                        ResultComparison.rows(viaEngine.rows()), printed))
                        .as("%s: `caseload query --sql` piped into %s versus the engine's rows; SQL:%n%s",
                                g.name(), client, cli.out())
                        .isEmpty();
            }));
        }
        return tests;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /**
     * The backend's console server, when its client is installed. Without the client: a failure in CI
     * ({@link ConsoleClients#clientsRequired()}), where the machine's setup must provide it, else a skip with the
     * reason; without a console at all, a skip.
     */
    protected ServerHandle requireConsoleClient() {
        if (backend.console().isEmpty()) {
            Assumptions.abort(backendName() + " has no console client in this suite");
        }
        ServerHandle console = backend.console().get();
        if (ConsoleClients.clientFor(console.kind()).isEmpty()) {
            String reason = clientName(console) + " is not on the PATH (apt-get install "
                    + (console.kind() == ServerKind.POSTGRES ? "postgresql-client" : "mariadb-client") + ")";
            if (ConsoleClients.clientsRequired()) {
                Assertions.fail(reason + "; CI must install it");
            }
            Assumptions.abort(reason);
        }
        return console;
    }

    private static String clientName(ServerHandle console) {
        return console.kind() == ServerKind.POSTGRES ? "psql" : "mariadb";
    }

    /** The golden request of that name. */
    protected GoldenRequest golden(String name) {
        return GoldenRequests.all(model).stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden request " + name));
    }

    /** The backend engine's result for a golden request (bound SQL), once per class. */
    private QueryResult backendResult(GoldenRequest g) {
        QueryResult r = backendResults.get(g.name());
        if (r == null) {
            long started = System.nanoTime();
            r = engine.execute(g.request(), AccessScope.UNRESTRICTED);
            engineNanos += System.nanoTime() - started;
            backendResults.put(g.name(), r);
        }
        return r;
    }

    /** {@code caseload query ... --url <backend> --sql} for a golden request, once per class. */
    protected CaseloadCommand.Run printed(GoldenRequest g) {
        CaseloadCommand.Run r = printed.get(g.name());
        if (r == null) {
            long started = System.nanoTime();
            r = CaseloadCommand.printSql(g.request(), backend.database().url());
            cliNanos += System.nanoTime() - started;
            printed.put(g.name(), r);
        }
        return r;
    }

    /**
     * The message the planner must refuse {@code request} with on this backend, if it must: the first measure (in
     * the planner's order: facts in first use, then their measures) whose ordered-set aggregate the backend lacks.
     */
    protected Optional<String> expectedRefusal(MetricRequest request) {
        Map<String, Set<Measure>> byFact = new LinkedHashMap<>();
        for (String name : request.metrics()) {
            Metric metric = model.metric(name).orElseThrow();
            for (Measure m : model.measuresOf(metric)) {
                byFact.computeIfAbsent(m.fact(), f -> new LinkedHashSet<>()).add(m);
            }
        }
        for (Set<Measure> measures : byFact.values()) {
            for (Measure m : measures) {
                Capability needed = m.agg() == Aggregation.MEDIAN ? Capability.MEDIAN
                        : m.agg() == Aggregation.PERCENTILE ? Capability.PERCENTILE : null;
                if (needed != null && !capabilities().contains(needed)) {
                    return Optional.of("measure '" + m.name() + "' needs " + needed.label + ", which " + backendName()
                            + " cannot compute exactly");
                }
            }
        }
        return Optional.empty();
    }

    private void anchor(String what, String duckDbSql, MetricRequest request, String keyColumn, String metricColumn)
            throws SQLException {
        Map<Object, Object> byHand = new HashMap<>();
        for (List<Object> row : plainRows(reference.dataSource(), duckDbSql)) {
            byHand.put(row.get(0), row.get(1));
        }
        QueryResult r = engine.execute(request, AccessScope.UNRESTRICTED);
        int key = keyColumn == null ? -1 : r.columnIndex(keyColumn);
        int value = r.columnIndex(metricColumn);
        ValueKind kind = ValueKind.of(r.columns().get(value), model);
        Map<Object, Object> viaEngine = new HashMap<>();
        for (Object[] row : r.rows()) {
            viaEngine.put(key < 0 ? "all" : ResultComparison.normalize(row[key]), row[value]);
        }
        assertThat(byHand).as(what + " by hand").isNotEmpty();
        assertThat(viaEngine.keySet()).as(what + ": members").isEqualTo(byHand.keySet());
        for (Map.Entry<Object, Object> e : byHand.entrySet()) {
            Object engineValue = ResultComparison.normalize(viaEngine.get(e.getKey()));
            assertThat(ResultComparison.compare(kind, ResultComparison.normalize(e.getValue()), engineValue))
                    .as("%s, %s: by hand on DuckDB %s, engine on %s %s", what, e.getKey(), e.getValue(),
                            backendName(), engineValue)
                    .isEmpty();
        }
        assertThat(byHand.values()).as(what + ": some value is not zero")
                .anyMatch(v -> v instanceof Number n && n.doubleValue() != 0);
    }

    /** The reference answers with rows, and each metric is somewhere neither null nor zero: else nothing is tested. */
    private static void assertNonTrivial(GoldenRequest g, QueryResult reference) {
        assertThat(reference.rows()).as("%s: the reference has rows", g.name()).isNotEmpty();
        for (int c = 0; c < reference.columns().size(); c++) {
            OutputColumn column = reference.columns().get(c);
            if (column.role() == OutputColumn.Role.METRIC) {
                int i = c;
                assertThat(reference.rows()).as("%s: %s has a non-zero value on the reference", g.name(), column.name())
                        .anyMatch(row -> row[i] instanceof Number n && n.doubleValue() != 0);
            }
        }
    }

    private List<ValueKind> kinds(List<OutputColumn> columns) {
        return columns.stream().map(c -> ValueKind.of(c, model)).toList();
    }

    private static List<String> names(List<OutputColumn> columns) {
        return columns.stream().map(OutputColumn::name).toList();
    }

    private static String withoutTerminator(String printed) {
        return printed.replaceAll(";\\s*$", "");
    }

    /** Rows of plain SQL, values normalized as the engine normalizes them. */
    protected static List<List<Object>> plainRows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(ResultComparison.normalize(rs.getObject(i)));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** Loaded values: numbers by value (drivers differ in types), everything else equal after normalizing. */
    private static boolean sameLoadedValue(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new java.math.BigDecimal(e.toString()).compareTo(new java.math.BigDecimal(a.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }

    private void report() {
        String line = String.format("DialectSuite %s: load %.1f s (%s); %d golden requests: engine %.1f s,"
                        + " printed SQL over JDBC %.1f s, console client %d runs %.1f s, `caseload query --sql` %.1f s,"
                        + " DuckDB reference queries %.1f s (reference load %.1f s)",
                backendName(), loadTime == null ? 0 : seconds(loadTime.toNanos()),
                load == null ? "not loaded" : load.rowsPerTable(),
                model == null ? 0 : GoldenRequests.all(model).size(), seconds(engineNanos), seconds(jdbcNanos),
                consoleRuns, seconds(consoleNanos), seconds(cliNanos), seconds(referenceNanos),
                reference == null ? 0 : seconds(reference.loadTime().toNanos()));
        StringBuilder text = new StringBuilder(line).append(System.lineSeparator());
        for (String note : typeNotes) {
            text.append("  value type: ").append(note).append(System.lineSeparator());
        }
        // One println: Trino's logging takes over System.out and would make each piece a line.
        System.out.println(text.toString().strip());
        try {
            Files.writeString(ReferenceWarehouse.workDirectory().resolve("report.txt"), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Drops a database {@link ServerHandle#createUniqueDatabase} made, for {@link Backend#cleanup()}. */
    protected static void dropDatabase(ServerHandle server, String name) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute(server.kind() == ServerKind.POSTGRES ? "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    /** Capabilities as a set, for subclasses: {@code granted(Capability.MEDIAN, ...)}, or {@code granted()} for none. */
    protected static Set<Capability> granted(Capability... granted) {
        EnumSet<Capability> out = EnumSet.noneOf(Capability.class);
        out.addAll(List.of(granted));
        return out;
    }
}
