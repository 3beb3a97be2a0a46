package org.caseload.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseload.ingest.DuckDbTestSupport.checksums;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.queryLong;
import static org.caseload.ingest.DuckDbTestSupport.rows;
import static org.caseload.ingest.fhir.FhirTestSupport.NEW_YORK;
import static org.caseload.ingest.fhir.FhirTestSupport.copyFhirFixture;
import static org.caseload.ingest.fhir.FhirTestSupport.everyTableAsText;
import static org.caseload.ingest.fhir.FhirTestSupport.fhirFixture;
import static org.caseload.ingest.fhir.FhirTestSupport.freshDir;
import static org.caseload.ingest.fhir.FhirTestSupport.importFhir;
import static org.caseload.ingest.fhir.FhirTestSupport.resources;
import static org.caseload.ingest.fhir.FhirTestSupport.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.RejectedInputException;
import org.junit.jupiter.api.Test;

/** The Synthea fixture's bulk export imported into a real DuckDB file, checked against the NDJSON itself. */
class FhirImportTest {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Test
    void everyResourceBecomesOneRowOfItsTable() throws IOException, SQLException {
        Path dir = freshDir("counts");
        Path export = fhirFixture();
        long lines = 0;
        try (Stream<Path> files = Files.list(export)) {
            for (Path file : files.toList()) {
                lines += Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
            }
        }
        Set<String> specialties = new HashSet<>();
        for (JsonNode role : resources(export, "PractitionerRole")) {
            specialties.add(role.path("specialty").path(0).path("coding").path(0).path("code").asText());
        }
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            ImportResult result = importFhir(c, export, NEW_YORK, dir);

            assertThat(result.rejected()).isZero();
            assertThat(result.rowsRead()).isEqualTo(lines);
            assertThat(queryLong(c, "select count(*) from locations")).isEqualTo(resources(export, "Organization").size());
            assertThat(queryLong(c, "select count(*) from staff")).isEqualTo(resources(export, "Practitioner").size());
            assertThat(queryLong(c, "select count(*) from patients")).isEqualTo(resources(export, "Patient").size());
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(resources(export, "Encounter").size());
            assertThat(queryLong(c, "select count(*) from role_groups")).isEqualTo(specialties.size());
            assertThat(queryLong(c, "select count(*) from shifts")).isZero();
            assertThat(result.load().rows("visits")).isEqualTo(resources(export, "Encounter").size());
            // Every staff member has a role, so every one has the role group and home location it names.
            assertThat(queryLong(c, "select count(*) from staff where role_group_id is null or home_location_id is null"))
                    .isZero();
        }
    }

    @Test
    void visitTimesArePeriodStartAndEndInTheLocationsZone() throws IOException, SQLException {
        Path dir = freshDir("times");
        ZoneId zone = NEW_YORK; // not UTC, and with daylight saving time: the offset differs by date
        Map<String, List<String>> expected = new HashMap<>();
        for (JsonNode encounter : resources(fhirFixture(), "Encounter")) {
            OffsetDateTime from = OffsetDateTime.parse(encounter.path("period").path("start").asText());
            OffsetDateTime to = OffsetDateTime.parse(encounter.path("period").path("end").asText());
            String start = local(from.toString(), zone);
            // The end is start plus elapsed time (exact visit minutes across a daylight-saving change).
            String end = from.atZoneSameInstant(zone).toLocalDateTime()
                    .plusSeconds(java.time.Duration.between(from, to).getSeconds()).format(SECONDS);
            expected.put(encounter.path("id").asText(), List.of(start, start, start, end));
        }
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            importFhir(c, fhirFixture(), zone, dir);

            Map<String, List<String>> actual = new HashMap<>();
            for (List<String> row : rows(c, "select visit_id, strftime(scheduled_at, '%Y-%m-%dT%H:%M:%S'),"
                    + " strftime(checked_in_at, '%Y-%m-%dT%H:%M:%S'), strftime(started_at, '%Y-%m-%dT%H:%M:%S'),"
                    + " strftime(ended_at, '%Y-%m-%dT%H:%M:%S') from visits")) {
                actual.put(row.get(0), row.subList(1, 5));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(rows(c, "select distinct time_zone from locations")).containsExactly(List.of(zone.getId()));
            assertThat(rows(c, "select distinct status from visits")).containsExactly(List.of("completed"));
        }
    }

    private static String local(String instant, ZoneId zone) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(zone).toLocalDateTime().format(SECONDS);
    }

    @Test
    void importingTheSameExportAgainChangesNothing() throws IOException, SQLException {
        Path dir = freshDir("twice");
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            importFhir(c, fhirFixture(), NEW_YORK, dir);
            Map<String, String> once = checksums(c);

            ImportResult again = importFhir(c, fhirFixture(), NEW_YORK, dir);

            assertThat(checksums(c)).isEqualTo(once);
            assertThat(again.load().newRowsPerTable().values()).containsOnly(0L);
        }
    }

    @Test
    void hourlyCostsFromAnEarlierRosterSurviveAReimport() throws IOException, SQLException {
        Path dir = freshDir("hourly-cost");
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            importFhir(c, fhirFixture(), NEW_YORK, dir);
            String someone = rows(c, "select min(staff_id) from staff").get(0).get(0);
            try (var statement = c.createStatement()) {
                statement.execute("update staff set hourly_cost = 61.50 where staff_id = '" + someone + "'");
            }

            importFhir(c, fhirFixture(), NEW_YORK, dir);

            assertThat(rows(c, "select cast(hourly_cost as varchar) from staff where staff_id = '" + someone + "'"))
                    .containsExactly(List.of("61.50"));
            assertThat(queryLong(c, "select count(*) from staff where hourly_cost is not null")).isOne();
        }
    }

    @Test
    void noPatientNameIdentifierAddressOrPhoneReachesTheDatabase() throws IOException, SQLException {
        Path dir = freshDir("no-phi");
        List<JsonNode> patients = resources(fhirFixture(), "Patient");
        List<String> names = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (JsonNode patient : patients) {
            for (JsonNode name : patient.path("name")) {
                name.path("given").forEach(given -> names.add(given.asText()));
                names.add(name.path("family").asText());
            }
            for (JsonNode identifier : patient.path("identifier")) {
                // The Synthea identifier and the MRN are the patient id itself, which the warehouse keys by.
                if (!identifier.path("value").asText().equals(patient.path("id").asText())) {
                    other.add(identifier.path("value").asText());
                }
            }
            patient.path("address").forEach(address -> address.path("line").forEach(line -> other.add(line.asText())));
            patient.path("telecom").forEach(telecom -> other.add(telecom.path("value").asText()));
            patient.path("extension").forEach(extension -> {
                if (extension.has("valueString")) {
                    other.add(extension.path("valueString").asText()); // mother's maiden name
                }
            });
        }
        assertThat(other).anyMatch(value -> value.matches("999-\\d\\d-\\d{4}")); // the SSNs are among them
        Set<String> practitionerNames = new HashSet<>();
        for (JsonNode practitioner : resources(fhirFixture(), "Practitioner")) {
            JsonNode name = practitioner.path("name").path(0);
            practitionerNames.add(String.join(" ", givens(name)) + " " + name.path("family").asText());
        }
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            importFhir(c, fhirFixture(), NEW_YORK, dir);

            String everything = everyTableAsText(c);
            assertThat(everything).contains(patients.get(0).path("id").asText()); // the search sees patient rows
            for (String value : other) {
                assertThat(everything).as("patient identifier, address or phone in the database").doesNotContain(value);
            }
            // Synthea gives patients and clinicians names from one list, so a patient's name may also be a
            // practitioner's: staff names are checked to be practitioners' names, everything else for none.
            assertThat(rows(c, "select name from staff").stream().map(row -> row.get(0)))
                    .allMatch(practitionerNames::contains);
            String exceptStaffNames = everything.lines().filter(line -> !line.startsWith("staff: "))
                    .collect(Collectors.joining("\n")) + "\n"
                    + rows(c, "select staff_id, role_group_id, home_location_id, hourly_cost from staff").stream()
                            .map(row -> String.join(" | ", row)).collect(Collectors.joining("\n"));
            for (String name : names) {
                assertThat(exceptStaffNames).as("patient name in the database").doesNotContain(name);
            }
        }
    }

    private static List<String> givens(JsonNode name) {
        List<String> givens = new ArrayList<>();
        name.path("given").forEach(given -> givens.add(given.asText()));
        return givens;
    }

    @Test
    void aTypeMaySpreadOverSeveralFilesAndOtherFilesAreNotRead() throws IOException, SQLException {
        Path dir = freshDir("split");
        Path export = Files.createDirectories(dir.resolve("export"));
        copyFhirFixture(export);
        List<String> encounters = Files.readAllLines(export.resolve("Encounter.ndjson"), StandardCharsets.UTF_8);
        Files.delete(export.resolve("Encounter.ndjson"));
        write(export.resolve("Encounter-1.ndjson"), encounters.subList(0, 200).toArray(String[]::new));
        write(export.resolve("Encounter.1764547200000.ndjson"),
                encounters.subList(200, encounters.size()).toArray(String[]::new));
        write(export.resolve("Claim.ndjson"), "this is not read");
        write(export.resolve("README.txt"), "nor is this");
        try (Connection whole = open(dir.resolve("whole.duckdb")); Connection split = open(dir.resolve("split.duckdb"))) {
            importFhir(whole, fhirFixture(), NEW_YORK, dir);

            ImportResult result = importFhir(split, export, NEW_YORK, dir);

            assertThat(result.rejected()).isZero();
            assertThat(checksums(split)).isEqualTo(checksums(whole));
        }
    }

    @Test
    void aMissingRequiredTypeIsNamed() throws IOException, SQLException {
        Path dir = freshDir("missing");
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.copy(fhirFixture().resolve("Organization.1764547200000.ndjson"), export.resolve("Organization.ndjson"));
        Files.copy(fhirFixture().resolve("Patient.ndjson"), export.resolve("Patient.ndjson"));
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            assertThatThrownBy(() -> importFhir(c, export, NEW_YORK, dir))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("no Practitioner, Encounter NDJSON files")
                    .hasMessageContaining("like Practitioner.ndjson");
            assertThatThrownBy(() -> importFhir(c, dir.resolve("nowhere"), NEW_YORK, dir))
                    .isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("no FHIR export directory");
            assertThat(checksums(c).values()).containsOnly("missing");
        }
    }

    @Test
    void fileNamesGiveTheirResourceType() {
        assertThat(FhirImport.resourceType("Encounter.ndjson")).isEqualTo("Encounter");
        assertThat(FhirImport.resourceType("Organization.1764547200000.ndjson")).isEqualTo("Organization");
        assertThat(FhirImport.resourceType("PractitionerRole.1764547200000.ndjson")).isEqualTo("PractitionerRole");
        assertThat(FhirImport.resourceType("Patient_2.ndjson")).isEqualTo("Patient");
        assertThat(FhirImport.resourceType("Patient.json")).isNull();
        assertThat(FhirImport.resourceType(".ndjson")).isNull();
        assertThat(FhirImport.resourceType("1.Patient.ndjson")).isNull();
    }
}
