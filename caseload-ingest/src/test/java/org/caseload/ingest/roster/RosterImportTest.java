package org.caseload.ingest.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.caseload.ingest.DuckDbTestSupport;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.synthea.SyntheaImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rosters completing a Synthea import with hours and cost; expected costs are worked out by hand. */
class RosterImportTest {
    static final Path SYNTHEA = Path.of("src/test/resources/synthea/csv").toAbsolutePath();
    /** Provider Gabriel934 Reilly981 of Fitchburg Outpatient Clinic in the fixture. */
    static final String PROVIDER = "ab056a70-e46c-348f-9703-5c9345c772e7";
    static final String FITCHBURG = "74ab949d-17ac-3309-83a0-13b4405c66aa";
    static final String HEADER = String.join(",", RosterImport.COLUMNS);

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void synthea() throws Exception {
        db = dir.resolve("w.duckdb");
        try (Connection c = DuckDbTestSupport.open(db)) {
            ImportRun.run(c, new SyntheaImport(SYNTHEA, ZoneId.of("America/New_York")), options());
        }
    }

    private ImportOptions options() {
        return ImportOptions.defaults().withRejectsFile(dir.resolve("rejects.csv"));
    }

    private ImportResult roster(Connection c, String... rows) throws Exception {
        Path file = dir.resolve("roster-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
        return ImportRun.run(c, new RosterImport(file), options());
    }

    @Test
    void shiftsAreSplitAtMidnightAndCostedByTheHour() throws Exception {
        try (Connection c = DuckDbTestSupport.open(db)) {
            ImportResult result = roster(c,
                    PROVIDER + ",Gabriel Reilly,Physician,true," + FITCHBURG + ",wellness,2024-05-01T22:00,2024-05-02T06:30,40.00",
                    // 7 h 20 min at 33.33/h: 26,400 s × 33.33 / 3,600 = 244.42 (244.4200).
                    "n-1,Nia Okafor,Front desk,false," + FITCHBURG + ",,2024-05-03 08:00,2024-05-03 15:20:00,33.33");
            assertThat(result.rejected()).isZero();
            assertThat(DuckDbTestSupport.rows(c, "select shift_id, staff_id, location_id, service_id,"
                    + " cast(started_at as varchar), cast(ended_at as varchar), cast(cost_amount as varchar) from shifts order by started_at"))
                    .containsExactly(
                            List.of(PROVIDER + "@2024-05-01T22:00", PROVIDER, FITCHBURG, "wellness", "2024-05-01 22:00:00",
                                    "2024-05-02 00:00:00", "80.00"),
                            List.of(PROVIDER + "@2024-05-02T00:00", PROVIDER, FITCHBURG, "wellness", "2024-05-02 00:00:00",
                                    "2024-05-02 06:30:00", "260.00"),
                            java.util.Arrays.asList("n-1@2024-05-03T08:00", "n-1", FITCHBURG, null, "2024-05-03 08:00:00",
                                    "2024-05-03 15:20:00", "244.42"));
            assertThat(result.load().newRows("shifts")).isEqualTo(3);
        }
    }

    @Test
    void staffAndRoleGroupsAreCreatedOrUpdatedAndSurviveASyntheaReimport() throws Exception {
        try (Connection c = DuckDbTestSupport.open(db)) {
            roster(c, PROVIDER + ",Gabriel Reilly,Physician,true," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T12:00,90.50",
                    "n-1,Nia Okafor,Front desk,false," + FITCHBURG + ",,2024-05-03T08:00,2024-05-03T12:00,25.00",
                    "n-1,Nia Okafor-Ruiz,Front desk,false," + FITCHBURG + ",,2024-05-04T08:00,2024-05-04T12:00,26.00");
            assertThat(DuckDbTestSupport.rows(c, "select staff_id, name, role_group_id, home_location_id,"
                    + " cast(hourly_cost as varchar) from staff where staff_id in ('" + PROVIDER + "', 'n-1') order by staff_id"))
                    .containsExactly(List.of(PROVIDER, "Gabriel Reilly", "physician", FITCHBURG, "90.50"),
                            List.of("n-1", "Nia Okafor-Ruiz", "front_desk", FITCHBURG, "26.00"));
            assertThat(DuckDbTestSupport.rows(c, "select role_group_id, name, clinical from role_groups order by 1"))
                    .containsExactly(List.of("front_desk", "Front desk", "false"), List.of("general_practice", "General practice", "true"),
                            List.of("physician", "Physician", "true"));

            // Synthea knows no costs: importing it again must not wipe the roster's.
            ImportRun.run(c, new SyntheaImport(SYNTHEA, ZoneId.of("America/New_York")), options());
            assertThat(DuckDbTestSupport.queryString(c, "select cast(hourly_cost as varchar) from staff where staff_id = '" + PROVIDER + "'"))
                    .isEqualTo("90.50");
        }
    }

    @Test
    void importingTheSameRosterTwiceChangesNothing() throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, HEADER + "\n" + PROVIDER + ",Gabriel Reilly,Physician,true," + FITCHBURG
                + ",,2024-05-01T20:00,2024-05-02T04:00,50\n");
        try (Connection c = DuckDbTestSupport.open(db)) {
            ImportRun.run(c, new RosterImport(file), options());
            Map<String, String> once = DuckDbTestSupport.checksums(c);
            ImportResult again = ImportRun.run(c, new RosterImport(file), options());
            assertThat(DuckDbTestSupport.checksums(c)).isEqualTo(once);
            assertThat(again.load().newRowsPerTable().values()).containsOnly(0L);
            assertThat(again.load().rows("shifts")).isEqualTo(2);
        }
    }

    @Test
    void badRowsAreRejectedWithLineAndColumnAndNothingIsWritten() throws Exception {
        try (Connection c = DuckDbTestSupport.open(db)) {
            Map<String, String> before = DuckDbTestSupport.checksums(c);
            assertThatThrownBy(() -> roster(c,
                    "s-1,A,Nurse,true," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T12:00,30",
                    "s-2,B,Nurse,true,nowhere,,2024-05-01T08:00,2024-05-01T12:00,30",
                    "s-3,C,Nurse,true," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T07:00,30",
                    "s-4,D,Nurse,maybe," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T09:00,30",
                    "s-5,E,Nurse,false," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T09:00,30",
                    "s-6,F,Nurse,true," + FITCHBURG + ",dentistry,2024-05-01T08:00,2024-05-01T09:00,30",
                    "s-7,G,Nurse,true," + FITCHBURG + ",,2024-05-01T08:00,2024-05-03T09:00,30",
                    "s-8,H,Nurse,true," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T09:00,30.005",
                    ",I,Nurse,true," + FITCHBURG + ",,2024-05-01T08:00,2024-05-01T09:00,30"))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("8 rows were rejected")
                    .hasMessageContaining(":3: location_id: no location with this id in the database")
                    .hasMessageContaining(":4: shift_end: must be after shift_start")
                    .hasMessageContaining(":5: clinical: expected true or false (value 'maybe')")
                    .hasMessageContaining(":6: clinical: role group Nurse was marked clinical=true on an earlier line")
                    .hasMessageContaining(":7: service: no service with this id; known: ambulatory, emergency")
                    .hasMessageContaining(":8: shift_end: shift is longer than 24 hours")
                    .hasMessageContaining(":9: hourly_cost: has more than 2 decimal places")
                    .hasMessageContaining(":10: staff_id: is required but empty");
            assertThat(DuckDbTestSupport.checksums(c)).isEqualTo(before);
        }
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, "staff_id,staff_name,role_group,location_id,shift_start,shift_end\n");
        try (Connection c = DuckDbTestSupport.open(db)) {
            assertThatThrownBy(() -> ImportRun.run(c, new RosterImport(file), options()))
                    .hasMessageStartingWith("roster.csv:1: missing required columns clinical, service, hourly_cost");
        }
    }
}
