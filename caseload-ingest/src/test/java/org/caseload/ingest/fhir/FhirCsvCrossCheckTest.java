package org.caseload.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.queryLong;
import static org.caseload.ingest.DuckDbTestSupport.rows;
import static org.caseload.ingest.fhir.FhirTestSupport.NEW_YORK;
import static org.caseload.ingest.fhir.FhirTestSupport.csvFixture;
import static org.caseload.ingest.fhir.FhirTestSupport.fhirFixture;
import static org.caseload.ingest.fhir.FhirTestSupport.freshDir;
import static org.caseload.ingest.fhir.FhirTestSupport.importFhir;
import static org.caseload.ingest.fhir.FhirTestSupport.run;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.caseload.ingest.synthea.SyntheaImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Synthea run, exported as CSV and as FHIR bulk data, imported by both importers: the warehouse
 * rows must be the same, but for what FHIR does not carry (charges; outpatient vs ambulatory) and
 * Synthea's CSV writes differently (commas in names).
 */
class FhirCsvCrossCheckTest {
    private static Connection fhir;

    @BeforeAll
    static void importBoth() throws IOException, SQLException {
        Path dir = freshDir("cross-check");
        Path csvDb = dir.resolve("csv.duckdb");
        try (Connection csv = open(csvDb)) {
            assertThat(run(csv, new SyntheaImport(csvFixture(), NEW_YORK), dir).rejected()).isZero();
        }
        fhir = open(dir.resolve("fhir.duckdb"));
        assertThat(importFhir(fhir, fhirFixture(), NEW_YORK, dir).rejected()).isZero();
        try (Statement statement = fhir.createStatement()) {
            statement.execute("attach '" + csvDb + "' as from_csv (read_only)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        fhir.close();
    }

    /** Rows of {@code select} over the FHIR tables that the same select over the CSV tables lacks, and the reverse. */
    private static List<List<String>> difference(String columns, String table) throws SQLException {
        return rows(fhir, "(select 'fhir only', " + columns + " from " + table
                + " except select 'fhir only', " + columns + " from from_csv." + table + ")"
                + " union all (select 'csv only', " + columns + " from from_csv." + table
                + " except select 'csv only', " + columns + " from " + table + ") order by all");
    }

    @Test
    void bothImportsHaveTheSameRowCounts() throws SQLException {
        for (String table : List.of("locations", "role_groups", "staff", "patients", "visits")) {
            assertThat(queryLong(fhir, "select count(*) from " + table)).as(table)
                    .isEqualTo(queryLong(fhir, "select count(*) from from_csv." + table)).isPositive();
        }
    }

    @Test
    void locationsAreTheSameButForCommasTheCsvCannotHold() throws SQLException {
        assertThat(difference("location_id, city, region, time_zone", "locations")).isEmpty();
        // Synthea's CSV writes a comma in a name as a space ("CARING HEALTH CENTER  INC"); FHIR keeps it.
        assertThat(difference("location_id, replace(name, ',', ' ')", "locations")).isEmpty();
        long differing = queryLong(fhir, "select count(*) from locations f join from_csv.locations c using (location_id)"
                + " where f.name <> c.name");
        assertThat(differing).isPositive().isEqualTo(queryLong(fhir, "select count(*) from locations where name like '%,%'"));
    }

    @Test
    void staffRoleGroupsAndPatientsAreTheSame() throws SQLException {
        assertThat(difference("*", "role_groups")).isEmpty();
        assertThat(difference("*", "staff")).isEmpty();
        assertThat(difference("*", "patients")).isEmpty();
        assertThat(rows(fhir, "select * from role_groups"))
                .containsExactly(List.of("general_practice", "General practice", "true"));
    }

    @Test
    void visitsAreTheSameButForChargesAndOutpatientVisits() throws SQLException {
        assertThat(difference("visit_id, patient_id, location_id, staff_id, scheduled_at, checked_in_at, started_at,"
                + " ended_at, status", "visits")).isEmpty();

        // FHIR Encounters carry no cost.
        assertThat(queryLong(fhir, "select count(*) from visits where charge_amount is not null")).isZero();
        assertThat(queryLong(fhir, "select count(*) from from_csv.visits where charge_amount is null")).isZero();

        // Synthea writes class AMB for wellness, ambulatory, outpatient and urgent care visits; the encounter
        // type tells wellness and urgent care apart, nothing tells outpatient from ambulatory.
        assertThat(rows(fhir, "select c.service_id, f.service_id, count(*) from visits f join from_csv.visits c"
                + " using (visit_id) where f.service_id is distinct from c.service_id group by all"))
                .containsExactly(List.of("outpatient", "ambulatory",
                        String.valueOf(queryLong(fhir, "select count(*) from from_csv.visits where service_id = 'outpatient'"))));
        assertThat(queryLong(fhir, "select count(distinct service_id) from from_csv.visits")).isGreaterThan(5);
    }

    @Test
    void servicesAreTheCsvsButOutpatient() throws SQLException {
        assertThat(difference("*", "services")).containsExactly(List.of("csv only", "outpatient", "Outpatient"));
    }
}
