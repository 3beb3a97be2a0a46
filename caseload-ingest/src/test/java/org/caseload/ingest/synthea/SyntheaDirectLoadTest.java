package org.caseload.ingest.synthea;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.caseload.ingest.DuckDbTestSupport;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct load of encounters.csv (DuckDB reading the file itself while the importer checks it)
 * against the row-by-row import, which is the reference: on the fixture and on every kind of edge
 * record, both must leave the same tables, or fail with the same message and the same rejects file.
 * Where the direct load must decline, the test says so, and where it must not, it checks it was used.
 */
class SyntheaDirectLoadTest {
    static final Path FIXTURE = SyntheaImportTest.FIXTURE;
    /** The fixture's first encounter, whose fields the edge cases change. */
    static final String FIRST = "2f191e40-0c5a-1a4b-7d37-d3c5e5f87457";

    @TempDir
    Path dir;

    /** What an import left: every table's rows, or its failure; and the rejects file. */
    record Outcome(Map<String, List<List<String>>> tables, String failure, String rejects) {}

    private Outcome importAs(Path export, ZoneId zone, ImportOptions options, String name, List<ImportResult> results)
            throws Exception {
        Path rejects = dir.resolve("rejects.csv");
        Files.deleteIfExists(rejects);
        try (Connection c = DuckDbTestSupport.open(dir.resolve(name + ".duckdb"))) {
            String failure = null;
            try {
                results.add(ImportRun.run(c, new SyntheaImport(export, zone), options.withRejectsFile(rejects)));
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            String rejected = Files.exists(rejects) ? Files.readString(rejects) : null;
            return new Outcome(dump(c), failure, rejected);
        }
    }

    static Map<String, List<List<String>>> dump(Connection c) throws Exception {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String table : DuckDbTestSupport.tables(c)) {
            Table t = WarehouseSchema.table(table).orElseThrow();
            tables.put(table, DuckDbTestSupport.rows(c, "select * from " + table + " order by " + t.primaryKey()));
        }
        return tables;
    }

    /** Imports {@code export} both ways into fresh databases; asserts equal outcomes; returns the direct one's result. */
    private ImportResult bothWays(Path export, ZoneId zone, ImportOptions options) throws Exception {
        List<ImportResult> direct = new ArrayList<>();
        Outcome viaDuckDb = importAs(export, zone, options, "direct-" + System.nanoTime(), direct);
        Outcome rowByRow = importAs(export, zone, options.rowByRow(), "rows-" + System.nanoTime(), new ArrayList<>());
        assertThat(viaDuckDb).isEqualTo(rowByRow);
        return direct.isEmpty() ? null : direct.get(0);
    }

    private static ImportOptions options() {
        return ImportOptions.defaults();
    }

    /** Zones with none, two and four transitions a year (London's double summer time, Morocco's Ramadan), odd offsets. */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/London",
            "America/Sao_Paulo", "Pacific/Chatham", "Africa/Casablanca"})
    void theFixtureLoadsDirectlyAndEqualsTheRowByRowImport(String zone) throws Exception {
        ImportResult result = bothWays(FIXTURE, ZoneId.of(zone), options());
        assertThat(result.load().directTables()).containsExactly("visits");
        assertThat(result.rowByRowBecause()).isNull();
        assertThat(result.load().rows("visits")).isEqualTo(544);
    }

    @Test
    void aReimportMergesThroughTheStageAsTheRowByRowPathDoes() throws Exception {
        Path newer = copy(FIXTURE, "newer", lines -> {
            lines.set(1, lines.get(1).replace(",92.93,", ",100.01,"));
            lines.add(lines.get(1).replace(FIRST, "00000000-0000-0000-0000-000000000001"));
            return lines;
        });
        ZoneId zone = ZoneId.of("America/New_York");
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (ImportOptions options : List.of(options(), options().rowByRow())) {
            try (Connection c = DuckDbTestSupport.open(dir.resolve(options.direct() + ".duckdb"))) {
                ImportRun.run(c, new SyntheaImport(FIXTURE, zone), options);
                Map<String, String> before = DuckDbTestSupport.checksums(c);
                ImportResult same = ImportRun.run(c, new SyntheaImport(FIXTURE, zone), options);
                assertThat(DuckDbTestSupport.checksums(c)).isEqualTo(before);
                assertThat(same.load().newRows("visits")).isZero();
                ImportResult next = ImportRun.run(c, new SyntheaImport(newer, zone), options);
                assertThat(next.load().newRows("visits")).isEqualTo(1);
                assertThat(next.load().directTables()).as(String.valueOf(next.rowByRowBecause())).isEqualTo(options.direct() ? java.util.Set.of("visits") : java.util.Set.of());
                outcomes.put(String.valueOf(options.direct()), new Outcome(dump(c), null, null));
            }
        }
        assertThat(outcomes.get("true")).isEqualTo(outcomes.get("false"));
        assertThat(outcomes.get("true").tables().get("visits")).hasSize(545)
                .anySatisfy(row -> assertThat(row).startsWith(FIRST).contains("100.01"));
    }

    @Test
    void encountersAtLocationsInSeveralZonesConvertEachInItsOwn() throws Exception {
        // A clinic imported earlier in London; the fixture's clinics now in New York, and one more
        // encounter at the London clinic in the same file: the direct load joins each row to its zone.
        Path london = SyntheaImportTest.export(dir.resolve("london"), "Id,NAME,CITY,STATE\nldn,Thames Clinic,London,LND\n",
                "Id,NAME,ORGANIZATION,SPECIALITY\nldn-p,Dr L,ldn,GENERAL PRACTICE\n", "Id,BIRTHDATE,GENDER\nldn-pa,1970-01-01,F\n",
                "Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,ENCOUNTERCLASS,TOTAL_CLAIM_COST\n"
                + "ldn-e1,2021-06-01T09:00:00Z,2021-06-01T09:20:00Z,ldn-pa,ldn,ldn-p,wellness,10.00\n");
        Path both = copy(FIXTURE, "both", lines -> {
            // Summer (BST, UTC+1) and winter (GMT) at the London clinic.
            lines.add("ldn-e2,2024-07-01T08:00:00Z,2024-07-01T08:30:00Z,ldn-pa,ldn,ldn-p,,wellness,,,,20.00,,,");
            lines.add("ldn-e3,2024-12-01T08:00:00Z,,ldn-pa,ldn,,,wellness,,,,,,,");
            return lines;
        });
        Map<Boolean, Map<String, List<List<String>>>> tables = new LinkedHashMap<>();
        for (ImportOptions options : List.of(options(), options().rowByRow())) {
            try (Connection c = DuckDbTestSupport.open(dir.resolve("zones-" + options.direct() + ".duckdb"))) {
                ImportRun.run(c, new SyntheaImport(london, ZoneId.of("Europe/London")), options);
                ImportResult result = ImportRun.run(c, new SyntheaImport(both, ZoneId.of("America/New_York")), options);
                assertThat(result.load().directTables().contains("visits")).as(String.valueOf(result.rowByRowBecause()))
                        .isEqualTo(options.direct());
                assertThat(DuckDbTestSupport.rows(c, "select visit_id, cast(started_at as varchar), cast(ended_at as varchar)"
                        + " from visits where location_id = 'ldn' order by 1")).containsExactly(
                        List.of("ldn-e1", "2021-06-01 10:00:00", "2021-06-01 10:20:00"),
                        List.of("ldn-e2", "2024-07-01 09:00:00", "2024-07-01 09:30:00"),
                        Arrays.asList("ldn-e3", "2024-12-01 08:00:00", null));
                // 2f191e40…: 2008-03-15T12:58:35Z in New York (EDT since 9 March) by hand.
                assertThat(DuckDbTestSupport.queryString(c, "select cast(started_at as varchar) from visits where visit_id = '"
                        + FIRST + "'")).isEqualTo("2008-03-15 08:58:35");
                tables.put(options.direct(), dump(c));
            }
        }
        assertThat(tables.get(true)).isEqualTo(tables.get(false));
    }

    /** One edge case: how the first encounter changes, and whether the direct load may still be used. */
    record Edge(String name, UnaryOperator<List<String>> change, boolean direct) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Replaces field {@code index} of the first encounter (the fixture has no quoted fields). */
    static UnaryOperator<List<String>> field(int index, String value) {
        return lines -> {
            String[] fields = lines.get(1).split(",", -1);
            fields[index] = value;
            lines.set(1, String.join(",", fields));
            return lines;
        };
    }

    static Stream<Arguments> edges() {
        // Columns: 0 Id, 1 START, 2 STOP, 3 PATIENT, 4 ORGANIZATION, 5 PROVIDER, 7 ENCOUNTERCLASS, 9 DESCRIPTION, 11 TOTAL_CLAIM_COST
        return Stream.of(
                new Edge("plain values, empty PROVIDER, STOP and cost", field(5, "").andThen(field(2, "")).andThen(field(11, ""))::apply, true),
                new Edge("an Id starting with # and one with non-ASCII letters", field(0, "#1-é-ß"), true),
                new Edge("a quoted description with commas and doubled quotes", field(9, "\"Check-up, \"\"annual\"\", adult\""), true),
                new Edge("CRLF line ends", lines -> lines.stream().map(l -> l + "\r").collect(java.util.stream.Collectors.toCollection(ArrayList::new)), true),
                new Edge("a START exactly at a transition", field(1, "2008-03-09T07:00:00Z").andThen(field(2, "2008-03-09T07:00:00Z"))::apply, true),
                new Edge("a START one second before a transition", field(1, "2008-03-09T06:59:59Z"), true),
                new Edge("cost without decimals", field(11, "93"), true),
                new Edge("the largest cost DECIMAL(12,2) holds", field(11, "9999999999.99"), true),
                new Edge("a cost DECIMAL(12,2) does not hold", field(11, "10000000000.00"), false),
                new Edge("a leap day", field(1, "2008-02-29T23:00:00Z").andThen(field(2, "2008-03-01T00:30:00Z"))::apply, true),
                new Edge("an Id of 64 characters", field(0, "x".repeat(64)), true),
                new Edge("a class no other record has", field(7, "snf"), true),
                new Edge("START with an offset", field(1, "2008-03-15T08:58:35-04:00"), false),
                new Edge("START with fractional seconds", field(1, "2008-03-15T12:58:35.250Z"), false),
                new Edge("START before 1900", field(1, "1899-12-31T23:00:00Z").andThen(field(2, "1899-12-31T23:30:00Z"))::apply, false),
                new Edge("cost written .5", field(11, ".5"), false),
                new Edge("class in capitals", field(7, "Wellness"), false),
                new Edge("class with a space", field(7, " ambulatory"), false),
                new Edge("a blank line", lines -> {
                    lines.add(3, "");
                    return lines;
                }, false),
                new Edge("a record with an extra field", lines -> {
                    lines.set(2, lines.get(2) + ",extra");
                    return lines;
                }, false),
                new Edge("an unknown patient", field(3, "no-such-patient"), false),
                new Edge("an empty Id", field(0, ""), false),
                new Edge("STOP before START", field(2, "2008-03-15T12:00:00Z"), false),
                new Edge("30 February", field(1, "2008-02-30T12:58:35Z"), false),
                new Edge("cost with three decimals", field(11, "92.931"), false),
                new Edge("negative cost", field(11, "-92.93"), false),
                new Edge("an Id of 65 characters", field(0, "x".repeat(65)), false),
                new Edge("a repeated Id", field(0, "61560b8e-ef9d-c9b1-e6cc-c821d01956c5"), false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void everyEdgeRecordEndsAsInTheRowByRowImport(Edge edge) throws Exception {
        Path export = copy(FIXTURE, "edge", edge.change());
        ZoneId zone = ZoneId.of("America/New_York");
        for (ImportOptions options : List.of(options(), options().withMaxErrors(5))) {
            ImportResult result = bothWays(export, zone, options);
            if (result == null) {
                continue; // failed both ways, alike (asserted)
            }
            assertThat(result.load().directTables().contains("visits")).as(edge.name() + ": direct load used")
                    .isEqualTo(edge.direct());
            assertThat(result.rowByRowBecause() == null).isEqualTo(edge.direct());
        }
    }

    @Test
    void aRejectedPatientWhoseEncountersFollowEndsAsInTheRowByRowImport() throws Exception {
        Path export = copy(FIXTURE, "patient", lines -> lines);
        List<String> patients = new ArrayList<>(Files.readAllLines(export.resolve("patients.csv")));
        patients.set(1, patients.get(1).replaceFirst("^([^,]*),[^,]*,", "$1,1980-13-45,"));
        Files.write(export.resolve("patients.csv"), patients);
        assertThat(bothWays(export, ZoneId.of("UTC"), options())).isNull(); // failed alike
        ImportResult result = bothWays(export, ZoneId.of("UTC"), options().withMaxErrors(1_000));
        // The patient's encounters name an unknown patient now: rejected too, which the direct pass declines.
        assertThat(result.rejected()).isGreaterThan(1);
        assertThat(result.load().directTables()).isEmpty();
        assertThat(result.rowByRowBecause()).contains("PATIENT: no patient with this Id");
    }

    @Test
    void invalidUtf8DeclinesWhereDuckDbReadsItAndNotWhereNeitherDoes() throws Exception {
        // In a description neither reads; in an Id, which Java decodes with a replacement character.
        for (String where : List.of("Encounter for symptom", FIRST)) {
            Path export = copy(FIXTURE, "utf8", lines -> lines);
            byte[] bytes = Files.readAllBytes(export.resolve("encounters.csv"));
            bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf(where) + 1] = (byte) 0xC3; // not followed by a continuation byte
            Files.write(export.resolve("encounters.csv"), bytes);
            ImportResult result = bothWays(export, ZoneId.of("UTC"), options());
            assertThat(result.load().rows("visits")).isEqualTo(544);
            if (where.equals(FIRST)) {
                assertThat(result.load().directTables()).isEmpty();
                assertThat(result.rowByRowBecause()).contains("DuckDB");
            } else {
                assertThat(result.load().directTables()).containsExactly("visits");
            }
        }
    }

    private Path copy(Path from, String name, UnaryOperator<List<String>> encounters) throws Exception {
        Path to = dir.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(to);
        for (String file : SyntheaImport.FILES) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
        List<String> lines = encounters.apply(new ArrayList<>(Files.readAllLines(to.resolve("encounters.csv"))));
        Files.writeString(to.resolve("encounters.csv"), String.join("\n", lines) + "\n");
        return to;
    }
}
