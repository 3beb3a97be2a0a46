package org.caseload.ingest.synthea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.ingest.DuckDbTestSupport;
import org.caseload.ingest.csv.CsvFormatException;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Synthea CSV importer on the committed fixture (a real Synthea 3.3.0 run, see the README).
 * Expected values come from DuckDB's own CSV reader over the raw files, never from the importer.
 */
class SyntheaImportTest {
    static final Path FIXTURE = Path.of("src/test/resources/synthea/csv").toAbsolutePath();
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    static ImportResult importInto(Connection c, Path export, ZoneId zone, ImportOptions options) throws Exception {
        return ImportRun.run(c, new SyntheaImport(export, zone), options);
    }

    private ImportOptions options() {
        return ImportOptions.defaults().withRejectsFile(dir.resolve("rejects.csv"));
    }

    static String raw(Path export, String file) {
        return "read_csv('" + export.resolve(file) + "', header = true, all_varchar = true)";
    }

    @Test
    void everyRowArrivesWithCountsOfTheRawFiles() throws Exception {
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importInto(c, FIXTURE, NEW_YORK, options());
            for (var e : Map.of("organizations.csv", "locations", "providers.csv", "staff", "patients.csv", "patients",
                    "encounters.csv", "visits").entrySet()) {
                long expected = DuckDbTestSupport.queryLong(c, "select count(*) from " + raw(FIXTURE, e.getKey()));
                assertThat(DuckDbTestSupport.queryLong(c, "select count(*) from " + e.getValue())).as(e.getValue())
                        .isEqualTo(expected).isPositive();
                assertThat(result.load().newRows(e.getValue())).isEqualTo(expected);
            }
            assertThat(result.rejected()).isZero();
            assertThat(result.rejectsFile()).isNull();
            assertThat(DuckDbTestSupport.queryLong(c, "select count(distinct encounterclass) from " + raw(FIXTURE, "encounters.csv")))
                    .isEqualTo(DuckDbTestSupport.queryLong(c, "select count(*) from services"));
            assertThat(DuckDbTestSupport.queryLong(c, "select count(distinct speciality) from " + raw(FIXTURE, "providers.csv")))
                    .isEqualTo(DuckDbTestSupport.queryLong(c, "select count(*) from role_groups"));
        }
    }

    @Test
    void visitTimesAreUtcConvertedToTheLocationZoneAndChargesExact() throws Exception {
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            importInto(c, FIXTURE, NEW_YORK, options());
            // DuckDB's ICU time zone conversion, independent of java.time.
            long mismatches = DuckDbTestSupport.queryLong(c, "select count(*) from " + raw(FIXTURE, "encounters.csv") + " e"
                    + " join visits v on v.visit_id = e.Id"
                    + " where v.started_at is distinct from timezone('America/New_York', e.START::timestamptz)"
                    + " or v.scheduled_at is distinct from v.started_at or v.checked_in_at is distinct from v.started_at"
                    + " or v.ended_at is distinct from timezone('America/New_York', e.START::timestamptz)"
                    + "    + (e.STOP::timestamptz - e.START::timestamptz)"
                    + " or v.charge_amount is distinct from e.TOTAL_CLAIM_COST::decimal(12,2)"
                    + " or v.location_id is distinct from e.ORGANIZATION or v.patient_id is distinct from e.PATIENT"
                    + " or v.staff_id is distinct from e.PROVIDER or v.service_id is distinct from e.ENCOUNTERCLASS"
                    + " or v.status <> 'completed'");
            assertThat(mismatches).isZero();
            // A summer and a winter encounter by hand: EDT is UTC-4, EST UTC-5.
            assertThat(DuckDbTestSupport.queryString(c, "select cast(started_at as varchar) from visits"
                    + " where visit_id = '61560b8e-ef9d-c9b1-e6cc-c821d01956c5'")).isEqualTo("2020-07-28 19:58:35");
            assertThat(DuckDbTestSupport.queryString(c, "select cast(started_at as varchar) from visits"
                    + " where visit_id = '2f191e40-0c5a-1a4b-7d37-d3c5e5f87457'")).isEqualTo("2008-03-15 08:58:35");
            assertThat(DuckDbTestSupport.queryString(c, "select cast(charge_amount as varchar) from visits"
                    + " where visit_id = '61560b8e-ef9d-c9b1-e6cc-c821d01956c5'")).isEqualTo("704.20");
        }
    }

    @Test
    void aVisitInTheRepeatedAutumnHourKeepsItsElapsedLength() throws Exception {
        Path export = copyFixture();
        // 01:29 EDT to 01:04 EST on 2 November 2025: 35 minutes elapsed, 25 minutes backwards on the wall clock.
        Files.writeString(export.resolve("encounters.csv"), Files.readAllLines(export.resolve("encounters.csv")).get(0) + "\n"
                + Files.readAllLines(export.resolve("encounters.csv")).get(1).replaceFirst(
                        "^([^,]*),[^,]*,[^,]*,", "$1,2025-11-02T05:29:55Z,2025-11-02T06:04:55Z,") + "\n");
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            importInto(c, export, NEW_YORK, options());
            assertThat(DuckDbTestSupport.rows(c, "select cast(started_at as varchar), cast(ended_at as varchar) from visits"))
                    .containsExactly(List.of("2025-11-02 01:29:55", "2025-11-02 02:04:55"));
        }
    }

    @Test
    void patientNamesSsnsAndAddressesNeverReachTheDatabase() throws Exception {
        Path db = dir.resolve("w.duckdb");
        List<String> secrets = new ArrayList<>();
        try (Connection c = DuckDbTestSupport.open(db)) {
            importInto(c, FIXTURE, ZoneId.of("UTC"), options());
            assertThat(columns(c, "patients")).containsExactly("patient_id", "birth_year", "sex");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select FIRST, LAST, SSN, ADDRESS, coalesce(DRIVERS, ''), coalesce(PASSPORT, '') from " + raw(FIXTURE, "patients.csv"))) {
                while (rs.next()) {
                    for (int i = 1; i <= 6; i++) {
                        if (rs.getString(i).length() >= 4) {
                            secrets.add(rs.getString(i));
                        }
                    }
                }
            }
            // Staff names are kept (they are staff, not patients); Synthea draws both from one pool of names.
            String staffAndSites = Files.readString(FIXTURE.resolve("providers.csv")) + Files.readString(FIXTURE.resolve("organizations.csv"));
            secrets.removeIf(staffAndSites::contains);
            assertThat(secrets).hasSizeGreaterThan(100);
            // Every text value of every table, searched for every secret.
            StringBuilder all = new StringBuilder();
            for (String table : List.of("locations", "services", "role_groups", "staff", "patients", "visits")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select cast(t as varchar) from " + table + " t")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
            for (String secret : secrets) {
                assertThat(all.indexOf(secret)).as(secret).isEqualTo(-1);
            }
        }
        // And not in the file's bytes either (DuckDB could keep old pages): the SSNs are digits and dashes.
        String bytes = new String(Files.readAllBytes(db), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            if (secret.matches("\\d{3}-\\d{2}-\\d{4}")) {
                assertThat(bytes).doesNotContain(secret);
            }
        }
    }

    @Test
    void importingTheSameExportTwiceChangesNothing() throws Exception {
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            importInto(c, FIXTURE, NEW_YORK, options());
            Map<String, String> before = DuckDbTestSupport.checksums(c);
            ImportResult again = importInto(c, FIXTURE, NEW_YORK, options());
            assertThat(DuckDbTestSupport.checksums(c)).isEqualTo(before);
            assertThat(again.load().rows("visits")).isPositive();
            assertThat(again.load().newRowsPerTable().values()).containsOnly(0L);
        }
    }

    @Test
    void aNewerExportUpdatesChangedRowsAndAddsNewOnes() throws Exception {
        Path newer = copyFixture();
        List<String> lines = new ArrayList<>(Files.readAllLines(newer.resolve("encounters.csv")));
        // Line 2 is encounter 2f191e40…: its total claim cost becomes 100.01; a new encounter is appended.
        assertThat(lines.get(1)).startsWith("2f191e40-0c5a-1a4b-7d37-d3c5e5f87457,").contains(",92.93,");
        lines.set(1, lines.get(1).replace(",92.93,", ",100.01,"));
        lines.add(lines.get(1).replace("2f191e40-0c5a-1a4b-7d37-d3c5e5f87457", "00000000-0000-0000-0000-000000000001"));
        Files.write(newer.resolve("encounters.csv"), lines);
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            importInto(c, FIXTURE, NEW_YORK, options());
            long visits = DuckDbTestSupport.queryLong(c, "select count(*) from visits");
            ImportResult result = importInto(c, newer, NEW_YORK, options());
            assertThat(result.load().newRows("visits")).isEqualTo(1);
            assertThat(DuckDbTestSupport.queryLong(c, "select count(*) from visits")).isEqualTo(visits + 1);
            assertThat(DuckDbTestSupport.queryString(c, "select cast(charge_amount as varchar) from visits"
                    + " where visit_id = '2f191e40-0c5a-1a4b-7d37-d3c5e5f87457'")).isEqualTo("100.01");
        }
    }

    @Test
    void badRowsRollTheImportBackAndAreReportedWithFileLineAndColumn() throws Exception {
        Path broken = copyFixture();
        List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("encounters.csv")));
        lines.set(9, lines.get(9).replaceFirst(",\\d{4}-\\d\\d-\\d\\dT[^,]*Z,", ",yesterday,"));
        lines.set(19, lines.get(19).replaceFirst("^([^,]*,[^,]*,[^,]*,)[^,]*,", "$1no-such-patient,"));
        Files.write(broken.resolve("encounters.csv"), lines);
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            importInto(c, FIXTURE, NEW_YORK, options());
            Map<String, String> before = DuckDbTestSupport.checksums(c);
            assertThatThrownBy(() -> importInto(c, broken, NEW_YORK, options()))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("2 rows were rejected, more than the 0 allowed")
                    .hasMessageContaining("encounters.csv:10: START: expected an ISO-8601 timestamp")
                    .hasMessageContaining("(value 'yesterday')")
                    .hasMessageContaining("encounters.csv:20: PATIENT: no patient with this Id")
                    .hasMessageContaining("nothing was imported");
            assertThat(DuckDbTestSupport.checksums(c)).isEqualTo(before);
            assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).hasSize(3)
                    .first().isEqualTo("file,line,column,value,reason");

            // Allowed, the other rows go in and the two bad ones are listed.
            ImportResult result = importInto(c, broken, NEW_YORK, options().withMaxErrors(2));
            assertThat(result.rejected()).isEqualTo(2);
            assertThat(Files.readAllLines(result.rejectsFile())).hasSize(3)
                    .anySatisfy(l -> assertThat(l).startsWith("encounters.csv,10,START,yesterday,"))
                    .anySatisfy(l -> assertThat(l).startsWith("encounters.csv,20,PATIENT,no-such-patient,"));
        }
    }

    @Test
    void aFailedFirstImportLeavesNoTablesBehind() throws Exception {
        Path broken = copyFixture();
        Files.writeString(broken.resolve("patients.csv"), "Id,BIRTHDATE,GENDER\nabc,1980-13-45,F\n");
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            assertThatThrownBy(() -> importInto(c, broken, NEW_YORK, options()))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("patients.csv:2: BIRTHDATE: expected an ISO date");
            assertThat(DuckDbTestSupport.tables(c)).isEmpty();
        }
    }

    @Test
    void missingColumnsAndFilesAreNamed() throws Exception {
        Path broken = copyFixture();
        List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("encounters.csv")));
        lines.set(0, lines.get(0).replace("STOP", "END").replace("ENCOUNTERCLASS", "CLASS"));
        Files.write(broken.resolve("encounters.csv"), lines);
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            assertThatThrownBy(() -> importInto(c, broken, NEW_YORK, options()))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith("encounters.csv:1: missing required columns STOP, ENCOUNTERCLASS");
            Files.delete(broken.resolve("providers.csv"));
            assertThatThrownBy(() -> importInto(c, broken, NEW_YORK, options()))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("no providers.csv");
            assertThat(DuckDbTestSupport.tables(c)).isEmpty();
        }
    }

    @Test
    void extraColumnsInAnyOrderAreIgnored() throws Exception {
        Path shuffled = export(dir.resolve("shuffled"), "EXTRA,NAME,Id\nx,Clinic A,o1\n",
                "SPECIALITY,Id,NAME,ORGANIZATION,NEW\nNURSE PRACTITIONER,p1,Dr A,o1,\n",
                "GENDER,Id,BIRTHDATE,FIRST\nF,pa1,1990-02-03,Secret\n",
                "TOTAL_CLAIM_COST,ENCOUNTERCLASS,PROVIDER,ORGANIZATION,PATIENT,STOP,START,Id\r\n"
                + "\"1,234.50\",wellness,p1,o1,pa1,2024-01-01T10:30:00Z,2024-01-01T10:00:00Z,e1\r\n"
                + "12.5,wellness,,o1,pa1,2024-01-02T10:30:00Z,2024-01-02T10:00:00Z,e2\r\n");
        try (Connection c = DuckDbTestSupport.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importInto(c, shuffled, ZoneId.of("UTC"), options().withMaxErrors(1));
            assertThat(result.rejected()).isEqualTo(1);
            assertThat(Files.readString(result.rejectsFile())).contains("encounters.csv,2,TOTAL_CLAIM_COST,\"1,234.50\",\"expected a decimal number");
            assertThat(DuckDbTestSupport.queryString(c, "select v.staff_id is null and cast(charge_amount as varchar) = '12.50'"
                    + " and role_group_id = 'nurse_practitioner' from visits v, staff s")).isEqualTo("true");
            assertThat(DuckDbTestSupport.queryString(c, "select name || '|' || clinical from role_groups")).isEqualTo("Nurse practitioner|true");
            assertThat(DuckDbTestSupport.queryString(c, "select birth_year || '|' || sex from patients")).isEqualTo("1990|female");
        }
    }

    /** A Synthea export directory of the four files' given contents. */
    static Path export(Path directory, String organizations, String providers, String patients, String encounters)
            throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("organizations.csv"), organizations);
        Files.writeString(directory.resolve("providers.csv"), providers);
        Files.writeString(directory.resolve("patients.csv"), patients);
        Files.writeString(directory.resolve("encounters.csv"), encounters);
        return directory;
    }

    private Path copyFixture() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("export-" + System.nanoTime()));
        for (String name : SyntheaImport.FILES) {
            Files.copy(FIXTURE.resolve(name), copy.resolve(name));
        }
        return copy;
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select column_name from information_schema.columns"
                + " where table_name = '" + table + "' order by ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
