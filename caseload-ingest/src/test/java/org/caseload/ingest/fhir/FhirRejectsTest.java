package org.caseload.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.caseload.ingest.DuckDbTestSupport.checksums;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.queryLong;
import static org.caseload.ingest.fhir.FhirTestSupport.JSON;
import static org.caseload.ingest.fhir.FhirTestSupport.NEW_YORK;
import static org.caseload.ingest.fhir.FhirTestSupport.copyFhirFixture;
import static org.caseload.ingest.fhir.FhirTestSupport.fhirFixture;
import static org.caseload.ingest.fhir.FhirTestSupport.freshDir;
import static org.caseload.ingest.fhir.FhirTestSupport.importFhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.Reject;
import org.caseload.ingest.imports.RejectedInputException;
import org.junit.jupiter.api.Test;

/** Broken lines in an otherwise good export: rejected with file, line and field; all or nothing by --max-errors. */
class FhirRejectsTest {
    private static final String UNKNOWN_ORGANIZATION =
            "Organization?identifier=https://github.com/synthetichealth/synthea|00000000-0000-0000-0000-000000000000";

    /** The fixture with two bad encounter lines appended: 545 is cut off, 546 names an unknown organization. */
    private static Path brokenExport(Path dir) throws IOException {
        Path export = copyFhirFixture(dir.resolve("export"));
        Path encounters = export.resolve("Encounter.ndjson");
        ObjectNode strange = (ObjectNode) JSON.readTree(Files.readAllLines(encounters, StandardCharsets.UTF_8).get(0));
        strange.put("id", "ffffffff-0000-0000-0000-000000000546");
        ((ObjectNode) strange.path("serviceProvider")).put("reference", UNKNOWN_ORGANIZATION);
        Files.writeString(encounters, "{\"resourceType\":\"Encounter\",\"id\":\"cut-off\",\"status\":\n"
                + JSON.writeValueAsString(strange) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Files.readAllLines(encounters, StandardCharsets.UTF_8)).hasSize(546);
        return export;
    }

    @Test
    void badLinesRollTheImportBackUnlessAllowed() throws IOException, SQLException {
        Path dir = freshDir("rejects");
        Path export = brokenExport(dir);
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            importFhir(c, fhirFixture(), NEW_YORK, dir);
            Map<String, String> before = checksums(c);

            RejectedInputException refused = catchThrowableOfType(RejectedInputException.class,
                    () -> ImportRun.run(c, new FhirImport(export, NEW_YORK),
                            ImportOptions.defaults().withRejectsFile(dir.resolve("refused.csv"))));

            assertThat(refused.rejected()).isEqualTo(2);
            assertThat(refused.shown()).hasSize(2);
            Reject cutOff = refused.shown().get(0);
            assertThat(cutOff.file()).isEqualTo("Encounter.ndjson");
            assertThat(cutOff.line()).isEqualTo(545);
            assertThat(cutOff.column()).isEmpty();
            assertThat(cutOff.reason()).startsWith("not a FHIR R4 resource: HAPI-").contains("Failed to parse JSON");
            Reject unknown = refused.shown().get(1);
            assertThat(unknown.file()).isEqualTo("Encounter.ndjson");
            assertThat(unknown.line()).isEqualTo(546);
            assertThat(unknown.column()).isEqualTo("serviceProvider");
            // Reject shortens values to 60 characters, in the message and the rejects file alike.
            assertThat(unknown.value()).startsWith("Organization?identifier=https://github.com/synthetichealth");
            assertThat(unknown.reason()).contains("no Organization");
            assertThat(refused.getMessage()).contains("Encounter.ndjson:545: not a FHIR R4 resource")
                    .contains("Encounter.ndjson:546: serviceProvider: no Organization");
            assertThat(checksums(c)).isEqualTo(before);

            Path rejects = dir.resolve("allowed.csv");
            ImportResult allowed = ImportRun.run(c, new FhirImport(export, NEW_YORK),
                    ImportOptions.defaults().withMaxErrors(2).withRejectsFile(rejects));

            assertThat(allowed.rejected()).isEqualTo(2);
            assertThat(allowed.rejectsFile()).isEqualTo(rejects);
            List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("file,line,column,value,reason");
            assertThat(lines.get(1)).startsWith("Encounter.ndjson,545,,,\"not a FHIR R4 resource: HAPI-1861:")
                    .contains("Unexpected end-of-input").contains(" at [line: 1, column: ");
            assertThat(lines.get(2)).startsWith("Encounter.ndjson,546,serviceProvider,Organization?identifier=https://")
                    .contains(",no Organization with this identifier");
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(544);
            assertThat(checksums(c)).isEqualTo(before);
        }
    }
}
