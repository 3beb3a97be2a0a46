package org.caseload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correctness check: after {@code caseload import synthea}, {@code caseload query} gives
 * exactly what an independent query over the raw Synthea CSVs gives. The independent side is DuckDB's
 * CSV reader and ICU time zones on the untouched files, sharing no code with the importer or engine.
 */
class SyntheaImportCliTest {
    static final Path EXPORT = Path.of("../caseload-ingest/src/test/resources/synthea/csv").toAbsolutePath().normalize();
    static final String ZONE = "America/New_York";

    @TempDir
    static Path dir;
    static Path db;
    /** The same export with the default zone, UTC, where wall-clock durations are elapsed durations. */
    static Path utc;

    @BeforeAll
    static void importExport() {
        db = dir.resolve("synthea.duckdb");
        Run r = CliTest.run("import", "synthea", EXPORT.toString(), "--db", db.toString(), "--zone", ZONE,
                "--rejects", dir.resolve("rejects.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("visits=544 (544 new)").contains("patients=30 (30 new)");
        utc = dir.resolve("synthea-utc.duckdb");
        Run u = CliTest.run("import", "synthea", EXPORT.toString(), "--db", utc.toString());
        assertThat(u.exit()).as(u.err()).isZero();
    }

    private static String raw(String file) {
        return "read_csv('" + EXPORT.resolve(file) + "', header = true, all_varchar = true)";
    }

    /** Rows of a query on a throwaway in-memory DuckDB that only reads the CSV files. */
    private static List<List<String>> independent(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void visitsPatientsAndChargesPerLocationPerMonthMatchTheRawFiles() throws Exception {
        Run r = CliTest.run("query", "--db", db.toString(), "--metrics", "visits,patients,charges", "--by", "location",
                "--grain", "month", "--keys", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).contains("location,month,visits,patients,charges");
        List<List<String>> engine = CliTest.csv(r.out());

        List<List<String>> expected = independent("select e.ORGANIZATION,"
                + " strftime(date_trunc('month', timezone('" + ZONE + "', e.START::timestamptz)), '%Y-%m-%d'),"
                + " count(*), count(distinct e.PATIENT), sum(e.TOTAL_CLAIM_COST::decimal(12,2))"
                + " from " + raw("encounters.csv") + " e group by all");
        assertThat(expected).hasSizeGreaterThan(50);
        Map<String, List<String>> byKey = new HashMap<>();
        for (List<String> row : engine) {
            byKey.put(row.get(0) + "|" + row.get(1), row);
        }
        assertThat(byKey).hasSameSizeAs(expected);
        long visits = 0;
        for (List<String> want : expected) {
            List<String> got = byKey.get(want.get(0) + "|" + want.get(1));
            assertThat(got).as(want.toString()).isNotNull();
            assertThat(Long.parseLong(got.get(2))).as("visits " + want).isEqualTo(Long.parseLong(want.get(2)));
            assertThat(Long.parseLong(got.get(3))).as("patients " + want).isEqualTo(Long.parseLong(want.get(3)));
            assertThat(new BigDecimal(got.get(4))).as("charges " + want).isEqualByComparingTo(new BigDecimal(want.get(4)));
            visits += Long.parseLong(got.get(2));
        }
        assertThat(visits).isEqualTo(544);
    }

    @Test
    void averageVisitMinutesPerServiceMatchTheRawFiles() throws Exception {
        Run r = CliTest.run("query", "--db", utc.toString(), "--metrics", "avg_visit_minutes", "--by", "service",
                "--keys", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> engine = CliTest.csv(r.out());
        List<List<String>> expected = independent("select ENCOUNTERCLASS,"
                + " avg(epoch(STOP::timestamptz) - epoch(START::timestamptz)) / 60"
                + " from " + raw("encounters.csv") + " group by all");
        assertThat(engine).hasSize(expected.size());
        Map<String, Double> got = new HashMap<>();
        engine.forEach(row -> got.put(row.get(0), Double.parseDouble(row.get(1))));
        for (List<String> want : expected) {
            double value = Double.parseDouble(want.get(1));
            assertThat(got.get(want.get(0))).as(want.get(0)).isCloseTo(value, org.assertj.core.data.Offset.offset(Math.abs(value) * 1e-9));
        }
    }

    /**
     * In a zone with daylight saving, visit minutes are still elapsed minutes: the importer stores the
     * end as start plus elapsed time. The fixture has one encounter spanning a change in New York (a
     * 13-day hospice stay across 9 March 2025) whose wall-clock difference is an hour off.
     */
    @Test
    void visitMinutesAreElapsedMinutesAcrossADaylightSavingChange() throws Exception {
        List<List<String>> spanning = independent("select ENCOUNTERCLASS, count(*) from " + raw("encounters.csv")
                + " where timezone('" + ZONE + "', STOP::timestamptz) - timezone('" + ZONE + "', START::timestamptz)"
                + " <> STOP::timestamptz - START::timestamptz group by all");
        assertThat(spanning).containsExactly(List.of("hospice", "1"));
        Run r = CliTest.run("query", "--db", db.toString(), "--metrics", "avg_visit_minutes", "--by", "service",
                "--keys", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Double> got = new HashMap<>();
        CliTest.csv(r.out()).forEach(row -> got.put(row.get(0), Double.parseDouble(row.get(1))));
        List<List<String>> elapsed = independent("select ENCOUNTERCLASS, avg(epoch(STOP::timestamptz) - epoch(START::timestamptz)) / 60"
                + " from " + raw("encounters.csv") + " group by all");
        assertThat(got).hasSameSizeAs(elapsed);
        for (List<String> row : elapsed) {
            double want = Double.parseDouble(row.get(1));
            assertThat(got.get(row.get(0))).as(row.get(0)).isCloseTo(want, org.assertj.core.data.Offset.offset(want * 1e-9));
        }
    }

    @Test
    void aRosterCompletesTheImportWithCost() throws Exception {
        String provider = "ab056a70-e46c-348f-9703-5c9345c772e7";
        String fitchburg = "74ab949d-17ac-3309-83a0-13b4405c66aa";
        Path copy = dir.resolve("roster-db.duckdb");
        Files.copy(db, copy);
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "staff_id,staff_name,role_group,clinical,location_id,service,shift_start,shift_end,hourly_cost\n"
                + provider + ",Gabriel Reilly,Physician,true," + fitchburg + ",,2025-03-03T08:00,2025-03-03T16:30,80.00\n"
                + "fd-1,Sam Front,Front desk,false," + fitchburg + ",,2025-03-03T21:00,2025-03-04T01:00,20.00\n");
        Run r = CliTest.run("import", "roster", roster.toString(), "--db", copy.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("shifts=3 (3 new)").contains("staff=2 (1 new)");
        // 8.5 h × 80 = 680.00; 3 h + 1 h × 20 = 80.00; clinical hours 8.5.
        Run q = CliTest.run("query", "--db", copy.toString(), "--metrics", "staff_cost,staff_hours,clinical_hours",
                "--filter", "location=" + fitchburg, "--grain", "month", "--from", "2025-03-01", "--to", "2025-04-01",
                "--format", "csv");
        assertThat(q.exit()).as(q.err()).isZero();
        List<List<String>> rows = CliTest.csv(q.out());
        assertThat(rows).hasSize(1);
        assertThat(new BigDecimal(rows.get(0).get(1))).isEqualByComparingTo("760.00");
        assertThat(Double.parseDouble(rows.get(0).get(2))).isEqualTo(12.5);
        assertThat(Double.parseDouble(rows.get(0).get(3))).isEqualTo(8.5);
    }

    /**
     * The FHIR bulk export of the same Synthea run gives the same visits and patients per location and
     * month (FHIR encounters carry no cost, so charges are checked on the CSV import only).
     */
    @Test
    void theFhirExportOfTheSameRunGivesTheSameVisitsAndPatients() throws Exception {
        Path fhirDb = dir.resolve("fhir.duckdb");
        Run imported = CliTest.run("import", "fhir", EXPORT.resolveSibling("fhir").toString(), "--db", fhirDb.toString(),
                "--zone", ZONE);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("visits=544 (544 new)");
        String[] query = {"query", "--metrics", "visits,patients", "--by", "location", "--grain", "month", "--keys",
                "--format", "csv", "--db"};
        Run fromCsv = CliTest.run(concat(query, db.toString()));
        Run fromFhir = CliTest.run(concat(query, fhirDb.toString()));
        assertThat(fromFhir.exit()).as(fromFhir.err()).isZero();
        assertThat(CliTest.csv(fromFhir.out())).hasSizeGreaterThan(50).containsExactlyInAnyOrderElementsOf(CliTest.csv(fromCsv.out()));
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    @Test
    void rejectedInputExitsWith2AndNamesFileLineAndColumn() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String f : List.of("organizations.csv", "providers.csv", "patients.csv", "encounters.csv")) {
            Files.copy(EXPORT.resolve(f), broken.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("encounters.csv")));
        lines.set(4, lines.get(4).replaceFirst(",\\d+\\.\\d\\d,(\\d+\\.\\d\\d),", ",1.00,-5.00,"));
        Files.write(broken.resolve("encounters.csv"), lines);
        Path target = dir.resolve("fresh.duckdb");
        Run r = CliTest.run("import", "synthea", broken.toString(), "--db", target.toString(),
                "--rejects", dir.resolve("r.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("encounters.csv:5: TOTAL_CLAIM_COST: must not be negative (value '-5.00')")
                .contains("nothing was imported");
        assertThat(Files.readAllLines(dir.resolve("r.csv"))).hasSize(2);

        Run bad = CliTest.run("import", "synthea", broken.toString(), "--db", target.toString(), "--zone", "Mars/Olympus");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--zone: not a time zone: Mars/Olympus");
        Run none = CliTest.run("import", "roster", dir.resolve("nope.csv").toString(), "--db", target.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no roster file at");
        Run allowed = CliTest.run("import", "synthea", broken.toString(), "--db", target.toString(), "--max-errors", "1",
                "--rejects", dir.resolve("r2.csv").toString());
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("visits=543 (543 new)").contains("1 row rejected (allowed: 1), listed in");
    }
}
