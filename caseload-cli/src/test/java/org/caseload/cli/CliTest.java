package org.caseload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a user runs it: arguments in, stdout/stderr and exit code out, on a small demo
 * database written by {@code caseload demo-data} itself. Expected values come from hand-written
 * SQL over the same file.
 */
class CliTest {
    @TempDir
    static Path dir;
    static Path db;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void demoData() {
        db = dir.resolve("demo.duckdb");
        Run r = run("demo-data", "--db", db.toString(), "--visits", "5000", "--seed", "7");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("visits=");
        assertThat(Files.exists(db)).isTrue();
        assertThat(Files.exists(dir.resolve("demo.duckdb.partial"))).isFalse();
    }

    static List<List<String>> sql(String query) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                rows.add(row);
            }
        }
        return rows;
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    static List<List<String>> csv(String text) {
        return text.lines().skip(1).map(l -> Arrays.asList(l.split(",", -1))).toList();
    }

    @Test
    void csvWithKeysMatchesAHandWrittenQuery() throws Exception {
        Run r = run("query", "--metrics", "visits,charges", "--by", "location", "--keys", "--format", "csv", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).contains("location,visits,charges");
        java.util.Map<String, List<String>> expected = new java.util.HashMap<>();
        for (List<String> row : sql("select location_id, count(*) filter (where status = 'completed'),"
                + " sum(charge_amount) filter (where status = 'completed') from visits group by location_id")) {
            expected.put(row.get(0), row);
        }
        List<List<String>> actual = csv(r.out());
        assertThat(actual).hasSize(expected.size());
        for (List<String> row : actual) {
            List<String> e = expected.get(row.get(0));
            assertThat(e).as("location " + row.get(0)).isNotNull();
            assertThat(row.get(1)).isEqualTo(e.get(1));
            assertThat(new BigDecimal(row.get(2))).isEqualByComparingTo(e.get(2));
        }
    }

    @Test
    void dimensionsPrintLabelsUnlessKeysAreAsked() throws Exception {
        Run r = run("query", "--metrics", "visits", "--by", "service", "--format", "csv", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> names = sql("select distinct s.name from visits v join services s using (service_id) order by 1")
                .stream().map(x -> x.get(0)).toList();
        assertThat(csv(r.out())).extracting(row -> row.get(0)).containsExactlyElementsOf(names);
    }

    @Test
    void timeColumnIsNamedAfterTheGrainAndShowsTheFirstDay() {
        Run r = run("query", "--metrics", "visits", "--grain", "quarter", "--from", "2024-01-01", "--to", "2025-01-01",
                "--format", "csv", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).contains("quarter,visits");
        assertThat(csv(r.out())).extracting(row -> row.get(0))
                .containsExactly("2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01");
    }

    @Test
    void tableFormatsValuesFromTheModel() {
        Run r = run("query", "--metrics", "charges,no_show_rate,avg_wait_minutes", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String values = r.out().lines().skip(2).findFirst().orElseThrow();
        assertThat(values).matches("\\s*\\$[0-9,]+\\.[0-9]{2}\\s+[0-9]+\\.[0-9]%\\s+[0-9]+\\.[0-9] min");
    }

    @Test
    void jsonCarriesRawValues() {
        Run r = run("query", "--metrics", "visits,no_show_rate", "--by", "region", "--format", "json", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("[\n  {\"region\": \"").endsWith("]\n");
        assertThat(r.out()).containsPattern("\"no_show_rate\": 0\\.[0-9]+");
    }

    @Test
    void sqlPrintsOnlyRunnableInlinedSqlThatGivesTheSameRows() throws Exception {
        String[] query = {"query", "--metrics", "visits,staff_cost_per_visit", "--by", "location", "--keys",
                "--filter", "service=Dental,urgent_care", "--from", "2024-03-01", "--to", "2024-06-01", "--format", "csv",
                "--db", db.toString()};
        Run rows = run(query);
        List<String> withSql = new ArrayList<>(List.of(query));
        withSql.add("--sql");
        Run sql = run(withSql.toArray(String[]::new));
        assertThat(sql.exit()).isZero();
        assertThat(sql.out()).startsWith("with").endsWith(";\n").doesNotContain("?");
        assertThat(sql.out()).contains("timestamp '2024-03-01 00:00:00");
        List<List<String>> fromSql = sql(sql.out().replaceAll(";\\s*$", ""));
        List<List<String>> fromCsv = csv(rows.out());
        assertThat(fromSql).hasSameSizeAs(fromCsv).isNotEmpty();
        for (int i = 0; i < fromCsv.size(); i++) {
            assertThat(fromSql.get(i).get(0)).isEqualTo(fromCsv.get(i).get(0));
            assertThat(fromSql.get(i).get(2)).isEqualTo(fromCsv.get(i).get(1)); // column 1 is the label
        }
    }

    @Test
    void sqlParamsShowsPlaceholdersAndBindValues() {
        Run r = run("query", "--metrics", "visits", "--filter", "location!=O'Brien", "--from", "2024-01-01", "--sql=params");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("?").contains("-- bind values, in order:")
                .contains("-- 1: 2024-01-01T00:00 (LocalDateTime)").contains(": O'Brien (String)");
    }

    @Test
    void unknownMetricIsBadInputWithASuggestion() {
        Run r = run("query", "--metrics", "vists", "--db", db.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("caseload: --metrics: unknown metric 'vists' — did you mean 'visits'?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unreachableDimensionNamesTheMissingJoin() {
        Run r = run("query", "--metrics", "staff_hours", "--by", "patient_sex", "--db", db.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("caseload: --by: dimension 'patient_sex' cannot be reached from metric 'staff_hours'")
                .contains("has no join to table patients");
    }

    @Test
    void badDatesFiltersAndFlagsAreBadInput() {
        assertThat(run("query", "--metrics", "visits", "--from", "2024-13-01").err())
                .isEqualTo("caseload: --from: bad date '2024-13-01' — write YYYY-MM-DD, e.g. 2024-03-01\n");
        assertThat(run("query", "--metrics", "visits", "--filter", "service").exit()).isEqualTo(2);
        assertThat(run("query", "--metrics", "visits", "--having", "visits>>3").exit()).isEqualTo(2);
        assertThat(run("query", "--metrics", "visits", "--grain", "fortnight").err()).contains("--grain: unknown grain 'fortnight'");
        Run flag = run("query", "--metrics", "visits", "--grian", "month");
        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.err()).contains("Unknown options: '--grian', 'month'");
    }

    @Test
    void aMissingDatabaseSaysHowToCreateOne() {
        Run r = run("query", "--metrics", "visits", "--db", dir.resolve("nope.duckdb").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--db: no database at").contains("caseload demo-data");
    }

    @Test
    void aBrokenDatabaseIsARuntimeFailure() throws Exception {
        Path garbage = dir.resolve("garbage.duckdb");
        Files.writeString(garbage, "this is not a database");
        Run r = run("query", "--metrics", "visits", "--db", garbage.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("caseload: ");
    }

    @Test
    void validateReportsEveryProblemWithItsPosition() throws Exception {
        assertThat(run("validate").exit()).isZero();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "facts:\n  visits:\n    table: vists\n    time: scheduled_at\n");
        Run r = run("validate", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(bad + ":3:12: unknown table 'vists' — did you mean 'visits'?\n");
    }

    @Test
    void metricsListsTheCatalog() {
        Run r = run("metrics");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("staff_cost_per_visit").contains("Staff cost divided by completed visits")
                .contains("currency_USD").contains("patient_age_band");
    }

    @Test
    void schemaPrintsTheJsonSchema() {
        Run r = run("schema");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"$schema\"").contains("2020-12");
    }

    @Test
    void comparisonAddsPreviousDeltaAndPercent() {
        Run r = run("query", "--metrics", "visits", "--from", "2025-01-01", "--to", "2025-04-01", "--compare",
                "previous_year", "--format", "csv", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).contains("visits,visits_previous,visits_delta,visits_delta_pct");
    }
}
