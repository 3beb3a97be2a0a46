package org.caseload.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.rows;
import static org.caseload.ingest.fhir.FhirTestSupport.freshDir;
import static org.caseload.ingest.fhir.FhirTestSupport.importFhir;
import static org.caseload.ingest.fhir.FhirTestSupport.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.Reject;
import org.caseload.ingest.imports.RejectedInputException;
import org.junit.jupiter.api.Test;

/**
 * A small hand-written export with what Synthea does not write: other reference forms, class codes,
 * statuses, a serviceProvider left out, PractitionerRole participants, and one broken thing per line.
 */
class FhirMappingTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String SYNTHEA = "https://github.com/synthetichealth/synthea";
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    /** JSON written with single quotes, for legibility here. */
    private static String j(String json) {
        return json.replace('\'', '"');
    }

    private static Path export(Path dir, String... encounters) throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        write(export.resolve("Organization.ndjson"),
                j("{'resourceType':'Organization','id':'org-1','name':'Elm Street Clinic, PC',"
                        + "'address':[{'city':'Hartford','state':'CT'}]}"),
                j("{'resourceType':'Organization','id':'org-2',"
                        + "'identifier':[{'system':'urn:example:org','value':'ORG-TWO'}],'name':'Cedar Clinic'}"));
        write(export.resolve("Location.ndjson"),
                j("{'resourceType':'Location','id':'loc-1','identifier':[{'system':'" + SYNTHEA + "','value':'loc-1'}],"
                        + "'managingOrganization':{'reference':'Organization/org-1'}}"),
                j("{'resourceType':'Location','id':'home','description':'Home of the patient'}"));
        write(export.resolve("Practitioner.ndjson"),
                j("{'resourceType':'Practitioner','id':'pr-1','identifier':[{'system':'" + NPI + "','value':'9999000001'}],"
                        + "'name':[{'family':'Jones','given':['Ann','Marie'],'prefix':['Dr.']}]}"),
                j("{'resourceType':'Practitioner','id':'pr-2','name':[{'text':'Bo Chen'}]}"));
        write(export.resolve("PractitionerRole.ndjson"),
                j("{'resourceType':'PractitionerRole','id':'role-2','practitioner':{'reference':'Practitioner/pr-2'},"
                        + "'organization':{'identifier':{'system':'urn:example:org','value':'ORG-TWO'}},"
                        + "'specialty':[{'coding':[{'system':'http://nucc.org/provider-taxonomy','code':'207Q00000X',"
                        + "'display':'Family Medicine Physician'}]}]}"),
                j("{'resourceType':'PractitionerRole','id':'role-1','practitioner':{'identifier':{'system':'" + NPI
                        + "','value':'9999000001'}},'specialty':[{'text':'Physical Therapy'}]}"));
        write(export.resolve("Patient.ndjson"),
                j("{'resourceType':'Patient','id':'pat-1','gender':'female','birthDate':'1980-02-03','name':[{'family':'Doe'}]}"),
                j("{'resourceType':'Patient','id':'pat-2','gender':'unknown','birthDate':'1975'}"),
                j("{'resourceType':'Patient','id':'pat-3','gender':'other'}"));
        write(export.resolve("Encounter.ndjson"), encounters);
        return export;
    }

    private static String encounter(String id, String status, String cls, String rest) {
        return j("{'resourceType':'Encounter','id':'" + id + "','status':'" + status + "','class':" + cls + rest + "}");
    }

    private static final String AMB = "{'system':'http://terminology.hl7.org/CodeSystem/v3-ActCode','code':'AMB'}";
    private static final String PERIOD = ",'period':{'start':'2024-03-04T09:00:00+00:00','end':'2024-03-04T09:30:00+00:00'}";
    private static final String PAT_1 = ",'subject':{'reference':'Patient/pat-1'}";
    private static final String ORG_1 = ",'serviceProvider':{'reference':'Organization/org-1'}";

    @Test
    void referencesClassesAndStatusesMapOntoVisits() throws IOException, SQLException {
        Path dir = freshDir("mapping");
        Path export = export(dir,
                encounter("e1", "finished", AMB, ",'type':[{'coding':[{'system':'http://snomed.info/sct','code':'162673000'}]}]"
                        + PAT_1 + ORG_1 + ",'participant':[{'individual':{'reference':'Practitioner/pr-1'}}]" + PERIOD),
                encounter("e2", "finished", "{'code':'EMER'}", ",'subject':{'reference':'urn:uuid:pat-2'}"
                        + ",'location':[{'location':{'reference':'Location/home'}},"
                        + "{'location':{'reference':'Location?identifier=" + SYNTHEA + "|loc-1'}}]"
                        + ",'participant':[{'individual':{'reference':'RelatedPerson/x'}},"
                        + "{'type':[{'coding':[{'code':'ATND'}]}],"
                        + "'individual':{'reference':'Practitioner?identifier=" + NPI + "|9999000001'}},"
                        + "{'type':[{'coding':[{'code':'PPRF'}]}],'individual':{'reference':'PractitionerRole/role-2'}}]"
                        + ",'period':{'start':'2024-03-04T10:00:00.250-05:00','end':'2024-03-04T11:15:00-05:00'}"),
                encounter("e3", "cancelled", "{'code':'HH'}",
                        ",'type':[{'coding':[{'system':'http://snomed.info/sct','code':'305336008'}]}]"
                        + ",'subject':{'reference':'Patient?identifier=" + SYNTHEA + "|pat-3'}"
                        + ",'serviceProvider':{'reference':'Organization?identifier=urn:example:org|ORG-TWO'}" + PERIOD),
                encounter("e4", "finished", "{'system':'http://terminology.hl7.org/CodeSystem/v3-ActCode','code':'VR'}",
                        ",'subject':{'reference':'https://fhir.example.org/r4/Patient/pat-1/_history/3'}"
                        + ",'serviceProvider':{'reference':'Organization/org-2'},'period':{'start':'2024-03-05T12:00:00Z'}"),
                encounter("e5", "finished", "{'code':'urgentcare'}", PAT_1 + ORG_1 + PERIOD),
                encounter("e6", "finished", "{'code':'FLD','display':'field'}", PAT_1 + ORG_1 + PERIOD),
                encounter("e7", "finished", "{'code':'HH'}", PAT_1 + ORG_1 + PERIOD),
                encounter("e8", "finished", AMB, ",'type':[{'coding':[{'system':'http://snomed.info/sct','code':'305336008'}]}]"
                        + PAT_1 + ORG_1 + PERIOD));
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            ImportResult result = importFhir(c, export, UTC, dir);

            assertThat(result.rejected()).isZero();
            assertThat(rows(c, "select * from locations order by all")).containsExactly(
                    List.of("org-1", "Elm Street Clinic, PC", "Hartford", "CT", "UTC"),
                    Arrays.asList("org-2", "Cedar Clinic", null, null, "UTC"));
            assertThat(rows(c, "select * from staff order by all")).containsExactly(
                    Arrays.asList("pr-1", "Ann Marie Jones", "physical_therapy", null, null),
                    Arrays.asList("pr-2", "Bo Chen", "family_practice", "org-2", null));
            assertThat(rows(c, "select * from role_groups order by all")).containsExactly(
                    List.of("family_practice", "Family practice", "true"),
                    List.of("physical_therapy", "Physical Therapy", "true"));
            assertThat(rows(c, "select * from patients order by all")).containsExactly(
                    List.of("pat-1", "1980", "female"), Arrays.asList("pat-2", "1975", null),
                    Arrays.asList("pat-3", null, "other"));
            assertThat(rows(c, "select visit_id, patient_id, location_id, service_id, staff_id, scheduled_at::varchar,"
                    + " checked_in_at::varchar, started_at::varchar, ended_at::varchar, status, charge_amount from visits"
                    + " order by visit_id")).containsExactly(
                    Arrays.asList("e1", "pat-1", "org-1", "wellness", "pr-1", "2024-03-04 09:00:00", "2024-03-04 09:00:00",
                            "2024-03-04 09:00:00", "2024-03-04 09:30:00", "completed", null),
                    Arrays.asList("e2", "pat-2", "org-1", "emergency", "pr-2", "2024-03-04 15:00:00", "2024-03-04 15:00:00",
                            "2024-03-04 15:00:00", "2024-03-04 16:15:00", "completed", null),
                    Arrays.asList("e3", "pat-3", "org-2", "hospice", null, "2024-03-04 09:00:00", null, null, null,
                            "cancelled", null),
                    Arrays.asList("e4", "pat-1", "org-2", "virtual", null, "2024-03-05 12:00:00", "2024-03-05 12:00:00",
                            "2024-03-05 12:00:00", null, "completed", null),
                    Arrays.asList("e5", "pat-1", "org-1", "urgentcare", null, "2024-03-04 09:00:00", "2024-03-04 09:00:00",
                            "2024-03-04 09:00:00", "2024-03-04 09:30:00", "completed", null),
                    Arrays.asList("e6", "pat-1", "org-1", "fld", null, "2024-03-04 09:00:00", "2024-03-04 09:00:00",
                            "2024-03-04 09:00:00", "2024-03-04 09:30:00", "completed", null),
                    Arrays.asList("e7", "pat-1", "org-1", "home", null, "2024-03-04 09:00:00", "2024-03-04 09:00:00",
                            "2024-03-04 09:00:00", "2024-03-04 09:30:00", "completed", null),
                    // A hospice type does not move an ambulatory encounter out of its class.
                    Arrays.asList("e8", "pat-1", "org-1", "ambulatory", null, "2024-03-04 09:00:00", "2024-03-04 09:00:00",
                            "2024-03-04 09:00:00", "2024-03-04 09:30:00", "completed", null));
            assertThat(rows(c, "select * from services order by all")).containsExactly(
                    List.of("ambulatory", "Ambulatory"), List.of("emergency", "Emergency"), List.of("fld", "field"),
                    List.of("home", "Home health"), List.of("hospice", "Hospice"), List.of("urgentcare", "Urgent care"),
                    List.of("virtual", "Virtual"), List.of("wellness", "Wellness"));
        }
    }

    @Test
    void encountersMayReferToWhatAnEarlierImportStored() throws IOException, SQLException {
        Path dir = freshDir("stored");
        Path first = export(Files.createDirectories(dir.resolve("first")),
                encounter("e1", "finished", AMB, PAT_1 + ORG_1 + PERIOD));
        Path second = Files.createDirectories(dir.resolve("second"));
        for (String type : List.of("Organization", "Practitioner", "PractitionerRole", "Patient")) {
            write(second.resolve(type + ".ndjson"));
        }
        write(second.resolve("Encounter.ndjson"),
                encounter("later", "finished", AMB, ",'subject':{'reference':'Patient/pat-2'}"
                        + ",'serviceProvider':{'reference':'Organization?identifier=" + SYNTHEA + "|org-2'}"
                        + ",'participant':[{'individual':{'reference':'Practitioner/pr-2'}}]" + PERIOD));
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            importFhir(c, first, UTC, dir);
            try (Statement statement = c.createStatement()) {
                statement.execute("update staff set hourly_cost = 48.00 where staff_id = 'pr-2'");
                statement.execute("update locations set time_zone = 'America/Chicago' where location_id = 'org-2'");
            }

            ImportResult result = importFhir(c, second, UTC, dir);

            assertThat(result.rejected()).isZero();
            assertThat(rows(c, "select patient_id, location_id, staff_id, started_at::varchar from visits"
                    + " where visit_id = 'later'"))
                    .containsExactly(List.of("pat-2", "org-2", "pr-2", "2024-03-04 03:00:00"));
            assertThat(rows(c, "select name, role_group_id, home_location_id, cast(hourly_cost as varchar) from staff"
                    + " where staff_id = 'pr-2'")).containsExactly(List.of("Bo Chen", "family_practice", "org-2", "48.00"));
        }
    }

    @Test
    void eachBrokenFieldIsRejectedWithItsName() throws IOException, SQLException {
        Path dir = freshDir("broken");
        Path export = export(dir,
                encounter("ok", "finished", AMB, PAT_1 + ORG_1 + PERIOD),
                encounter("running", "in-progress", AMB, PAT_1 + ORG_1 + PERIOD),
                encounter("mistake", "entered-in-error", AMB, PAT_1 + ORG_1 + PERIOD),
                encounter("group", "finished", AMB, ",'subject':{'reference':'Group/g-1'}" + ORG_1 + PERIOD),
                encounter("nobody", "finished", AMB, PAT_1 + ORG_1
                        + ",'participant':[{'individual':{'reference':'Practitioner/nobody'}}]" + PERIOD),
                encounter("nowhere", "finished", AMB,
                        PAT_1 + ",'location':[{'location':{'reference':'Location/home'}}]" + PERIOD),
                encounter("no-start", "finished", AMB, PAT_1 + ORG_1 + ",'period':{'end':'2024-03-04T09:30:00Z'}"),
                encounter("backwards", "finished", AMB, PAT_1 + ORG_1
                        + ",'period':{'start':'2024-03-04T09:30:00Z','end':'2024-03-04T09:00:00Z'}"),
                encounter("day-only", "finished", AMB, PAT_1 + ORG_1 + ",'period':{'start':'2024-03-04'}"),
                encounter("no-class", "finished", "{'system':'http://terminology.hl7.org/CodeSystem/v3-ActCode'}",
                        PAT_1 + ORG_1 + PERIOD),
                encounter("noshow", "noshow", AMB, PAT_1 + ORG_1 + PERIOD),
                j("{'resourceType':'Patient','id':'pat-9'}"),
                j("{'resourceType':'Appointment-ish','id':'x'}"),
                "",
                encounter("ok-too", "finished", AMB, PAT_1 + ORG_1 + PERIOD));
        try (Connection c = open(dir.resolve("fhir.duckdb"))) {
            ImportResult result = ImportRun.run(c, new FhirImport(export, UTC),
                    ImportOptions.defaults().withMaxErrors(100).withRejectsFile(dir.resolve("rejects.csv")));

            assertThat(rows(c, "select visit_id from visits order by all")).containsExactly(List.of("ok"), List.of("ok-too"));
            assertThat(result.rejected()).isEqualTo(12);
            RejectedInputException listed = null;
            try {
                ImportRun.run(c, new FhirImport(export, UTC), ImportOptions.defaults().withRejectsFile(dir.resolve("again.csv")));
            } catch (RejectedInputException e) {
                listed = e;
            }
            assertThat(listed).isNotNull();
            assertThat(listed.shown()).extracting(Reject::line, Reject::column).containsExactly(
                    tuple(2L, "status"),
                    tuple(3L, "status"),
                    tuple(4L, "subject"),
                    tuple(5L, "participant[0].individual"),
                    tuple(6L, "serviceProvider"),
                    tuple(7L, "period.start"),
                    tuple(8L, "period.end"),
                    tuple(9L, "period.start"),
                    tuple(10L, "class"),
                    tuple(11L, ""),
                    tuple(12L, "resourceType"),
                    tuple(13L, ""));
            assertThat(listed.shown()).extracting(Reject::reason).satisfiesExactly(
                    running -> assertThat(running).startsWith("not finished"),
                    mistake -> assertThat(mistake).isEqualTo("entered in error: not a visit"),
                    group -> assertThat(group).isEqualTo("refers to a Group, not a Patient"),
                    nobody -> assertThat(nobody).isEqualTo("no Practitioner with this id in the export or the database"),
                    nowhere -> assertThat(nowhere).startsWith("is required: no serviceProvider"),
                    noStart -> assertThat(noStart).isEqualTo("is required but empty"),
                    backwards -> assertThat(backwards).startsWith("ends before it starts"),
                    dayOnly -> assertThat(dayOnly).startsWith("expected an ISO-8601 timestamp with offset"),
                    noClass -> assertThat(noClass).isEqualTo("is required but empty"),
                    noshow -> assertThat(noshow).contains("HAPI-").contains("Unknown EncounterStatus code 'noshow'"),
                    patient -> assertThat(patient).isEqualTo("Encounter files hold only Encounter resources"),
                    unknownType -> assertThat(unknownType).contains("Unknown resource name"));
            assertThat(listed.shown().get(0).value()).isEqualTo("in-progress");
            assertThat(listed.shown().get(2).value()).isEqualTo("Group/g-1");
            assertThat(listed.shown().get(10).value()).isEqualTo("Patient");
        }
    }
}
