package org.caseload.ingest.fhir;

import static java.util.Map.entry;
import static org.caseload.model.warehouse.WarehouseSchema.LOCATIONS;
import static org.caseload.model.warehouse.WarehouseSchema.PATIENTS;
import static org.caseload.model.warehouse.WarehouseSchema.ROLE_GROUPS;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;
import static org.caseload.model.warehouse.WarehouseSchema.STAFF;
import static org.caseload.model.warehouse.WarehouseSchema.VISITS;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseload.ingest.imports.ImportContext;
import org.caseload.ingest.imports.ImportSource;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.imports.Values;
import org.caseload.ingest.imports.Values.BadValue;
import org.caseload.ingest.imports.WarehouseLookup.StoredStaff;
import org.caseload.ingest.synthea.SyntheaImport;
import org.caseload.model.warehouse.Table;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterParticipantComponent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

/**
 * A FHIR R4 bulk data export ({@code $export} NDJSON, one resource per line; Synthea writes it with
 * {@code --exporter.fhir.bulk_data=true}) as warehouse rows. The mapping is {@link SyntheaImport}'s,
 * so that both exports of one Synthea run give the same rows under the same ids wherever FHIR carries
 * the information.
 *
 * <ul>
 *   <li><b>Organization → location</b>: id = the resource id (Synthea's organizations.csv Id); name;
 *       city and region = state of {@code address[0]}; time zone = the import's zone, since FHIR
 *       records none.
 *   <li><b>Location</b> is no warehouse table: Caseload's location is the clinic, which is the
 *       Organization. A Location only tells, through its {@code managingOrganization}, whose
 *       encounter it was when an Encounter has no {@code serviceProvider}.
 *   <li><b>Practitioner → staff</b>: id = the resource id (providers.csv Id, not the NPI that
 *       Synthea's encounters refer by); name = {@code name[0]} as "given family"; hourly cost kept from
 *       what an earlier import (a roster) stored.
 *   <li><b>PractitionerRole</b> → the staff member's role group (from {@code specialty[0]}) and home
 *       location ({@code organization}), the first role naming each winning. NUCC taxonomy codes that
 *       have a CMS speciality are read as that speciality, the name Synthea's CSV writes ({@code
 *       208D00000X} "General Practice Physician" → GENERAL PRACTICE → {@code general_practice});
 *       others by their display or text, slugged and labelled as the CSV importer does. Synthea's FHIR
 *       exporter writes 208D00000X for every clinician, whatever providers.csv says, so other
 *       specialities show only in the CSV. A practitioner with no role keeps the role group and home
 *       location stored before.
 *   <li><b>Patient → patient</b>: id, birth year of {@code birthDate}, sex from {@code gender}
 *       (male, female, other; unknown → null). Nothing else of a patient is read into the warehouse,
 *       held in an index, or shown in a reject: no name, address, telecom or identifier (SSN, MRN...).
 *   <li><b>Encounter → visit</b>: patient = {@code subject}; location = {@code serviceProvider}, else
 *       the managing organization of the first {@code location[]} that has one; staff = the primary
 *       performer ({@code PPRF}) among the participants, else the first that is a Practitioner (or a
 *       PractitionerRole, read as its practitioner); scheduled, checked in and started at {@code
 *       period.start}, ended that plus the period's length, converted to the location's zone as the CSV
 *       importer does.
 *   <li><b>Encounter status</b>: {@code finished} → completed, {@code cancelled} → cancelled (scheduled
 *       at period.start, no check-in, start or end, as the demo writes cancellations). Every other
 *       status is rejected with the reason: planned, arrived, in-progress and the like are no visit
 *       yet (import them again once finished; the upsert then adds them), entered-in-error never was
 *       one. R4 has no no-show status on Encounter (no-shows are an Appointment's), so this import
 *       writes no no_show visits.
 *   <li><b>Service</b> = the encounter class, as the same service ids the CSV importer writes for
 *       Synthea's ENCOUNTERCLASS. Synthea's own class names are taken as they are; v3 ActCode: AMB →
 *       ambulatory, EMER → emergency, IMP and ACUTE → inpatient, NONAC → snf, SS, PRENC and OBSENC →
 *       outpatient, VR → virtual, HH → home; other codes become a service of their own. Synthea writes
 *       AMB for wellness, ambulatory, outpatient and urgent care, and HH for home and hospice: the
 *       encounter type (SNOMED CT) then tells wellness (162673000 general examination, 410620009 well
 *       child visit), urgent care (702927004 urgent care clinic) and hospice (305336008, 385763009)
 *       apart. Nothing in Synthea's FHIR tells outpatient from ambulatory (their encounter types
 *       overlap), so Synthea's outpatient encounters are ambulatory visits here.
 *   <li><b>Charge</b>: null. An Encounter has no cost; charges come with the CSV export (or a
 *       future Claim import).
 * </ul>
 *
 * Files are found by resource type, the name up to its first '.', '-' or '_' ({@code
 * Encounter.ndjson}, {@code Organization.1764547200000.ndjson}), several per type allowed and read in
 * name order; files of other types (Claim, Observation...) are not read. Organization, Practitioner,
 * Patient and Encounter files are required, Location and PractitionerRole optional. Everything an
 * encounter refers to is read before the encounters. Rejects name the NDJSON file, the line (1-based)
 * and the FHIR field; a line that is not an R4 resource (bad JSON, an unknown resource type, a value
 * HAPI refuses) is rejected with HAPI's message, and an encounter referring to an organization,
 * patient or practitioner neither in the export nor in the database is rejected, as with the CSV.
 */
public final class FhirImport implements ImportSource {
    /** Resource types read, in reading order: what encounters refer to comes first. */
    public static final List<String> RESOURCE_TYPES =
            List.of("Organization", "Location", "Practitioner", "PractitionerRole", "Patient", "Encounter");
    public static final List<String> REQUIRED_TYPES = List.of("Organization", "Practitioner", "Patient", "Encounter");

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String NUCC = "http://nucc.org/provider-taxonomy";
    private static final String PRIMARY_PERFORMER = "PPRF";

    /** v3 ActEncounterCode → the service ids SyntheaImport writes for Synthea's encounter classes. */
    private static final Map<String, String> ACT_CODE_SERVICES = Map.ofEntries(
            entry("AMB", "ambulatory"), entry("EMER", "emergency"), entry("IMP", "inpatient"),
            entry("ACUTE", "inpatient"), entry("NONAC", "snf"), entry("SS", "outpatient"),
            entry("PRENC", "outpatient"), entry("OBSENC", "outpatient"), entry("VR", "virtual"),
            entry("HH", "home"));

    /** SNOMED CT encounter types that tell which of the services sharing a class code a visit was. */
    private static final Map<String, String> TYPE_SERVICES = Map.of(
            "162673000", "wellness", // General examination of patient
            "410620009", "wellness", // Well child visit
            "702927004", "urgentcare", // Urgent care clinic (environment)
            "305336008", "hospice", // Admission to hospice
            "385763009", "hospice"); // Hospice care

    /** The class code's service that each refined service narrows; a type never moves a visit across classes. */
    private static final Map<String, String> REFINES =
            Map.of("wellness", "ambulatory", "urgentcare", "ambulatory", "hospice", "home");

    /** NUCC taxonomy → the CMS speciality Synthea's providers.csv names, so both exports give one role group. */
    private static final Map<String, String> NUCC_SPECIALITIES = Map.of(
            "208D00000X", "GENERAL PRACTICE", "207Q00000X", "FAMILY PRACTICE",
            "207R00000X", "INTERNAL MEDICINE", "208000000X", "PEDIATRIC MEDICINE",
            "207V00000X", "OBSTETRICS/GYNECOLOGY", "207P00000X", "EMERGENCY MEDICINE",
            "363L00000X", "NURSE PRACTITIONER", "363A00000X", "PHYSICIAN ASSISTANT");

    private final Path directory;
    private final ZoneId zone;

    public FhirImport(Path directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    @Override
    public long totalBytes() throws IOException {
        long total = 0;
        for (List<Path> files : files().values()) {
            for (Path file : files) {
                total += Files.size(file);
            }
        }
        return total;
    }

    @Override
    public void produce(ImportContext context) throws IOException {
        new Run(context).read(files());
    }

    /** The export's NDJSON files of the types read, by type in reading order, each type's files in name order. */
    Map<String, List<Path>> files() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw RejectedInputException.input("no FHIR export directory at " + directory);
        }
        Map<String, List<Path>> files = new LinkedHashMap<>();
        RESOURCE_TYPES.forEach(type -> files.put(type, new ArrayList<>()));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path file : entries) {
                List<Path> ofType = files.get(resourceType(file.getFileName().toString()));
                if (ofType != null && Files.isRegularFile(file)) {
                    ofType.add(file);
                }
            }
        }
        files.values().forEach(Collections::sort);
        List<String> missing = REQUIRED_TYPES.stream().filter(type -> files.get(type).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw RejectedInputException.input(directory + ": no " + String.join(", ", missing) + " NDJSON file"
                    + (missing.size() == 1 ? "" : "s") + " (a FHIR bulk data export has files like "
                    + missing.get(0) + ".ndjson; this import needs " + String.join(", ", REQUIRED_TYPES) + ")");
        }
        return files;
    }

    /** {@code Organization.1764547200000.ndjson} → Organization; null for a name that is no NDJSON of a type. */
    static String resourceType(String fileName) {
        if (!fileName.endsWith(".ndjson")) {
            return null;
        }
        int end = 0;
        while (end < fileName.length() && (fileName.charAt(end) >= 'A' && fileName.charAt(end) <= 'Z'
                || fileName.charAt(end) >= 'a' && fileName.charAt(end) <= 'z')) {
            end++;
        }
        char next = fileName.charAt(end); // there is one: the name ends in ".ndjson"
        return end > 0 && (next == '.' || next == '-' || next == '_') ? fileName.substring(0, end) : null;
    }

    /** Where a resource was read: NDJSON file name and 1-based line. */
    private record At(String file, long line) {}

    /** A staff member read from a Practitioner, written once the PractitionerRoles are known. */
    private record PractitionerRow(At at, String name) {}

    /** What a practitioner's roles say; each field from the first role that names it. */
    private record Role(At at, String roleGroup, String home) {
        Role merge(String otherGroup, String otherHome) {
            return new Role(at, roleGroup != null ? roleGroup : otherGroup, home != null ? home : otherHome);
        }
    }

    private record Service(String id, String label) {}

    /** A field keeps its resource out of the warehouse; turned into a reject where the resource is handled. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final String column;
        private final String value;

        Refused(String column, String value, String reason) {
            super(reason, null, false, false);
            this.column = column;
            this.value = value == null ? "" : value;
        }
    }

    @FunctionalInterface
    private interface Handler<R> {
        void accept(At at, R resource) throws Refused;
    }

    /** One import's state: the parser, what has been read, and what references may point to. */
    private final class Run {
        private final ImportContext context;
        private final IParser parser;
        private final Map<String, ZoneRules> zones = new HashMap<>();
        private final Map<String, StoredStaff> storedStaff;
        private final ResourceIndex organizations;
        private final ResourceIndex locations = new ResourceIndex("Location", Set.of());
        private final Map<String, String> locationOrganizations = new HashMap<>();
        private final ResourceIndex practitioners;
        private final ResourceIndex roles = new ResourceIndex("PractitionerRole", Set.of());
        private final Map<String, String> rolePractitioners = new HashMap<>();
        private final ResourceIndex patients;
        private final Map<String, PractitionerRow> practitionerRows = new LinkedHashMap<>();
        private final Map<String, Role> practitionerRoles = new LinkedHashMap<>();
        private final Set<String> roleGroups = new HashSet<>();
        private final Set<String> services = new HashSet<>();

        Run(ImportContext context) {
            this.context = context;
            // HAPI's context scans the model on first use, costs about a second, and is thread-safe:
            // one per JVM. A parser is cheap but not thread-safe: one per import, reused for every line.
            this.parser = FhirContext.forR4Cached().newJsonParser();
            // Unknown elements (extensions of other profiles) are no reason to refuse a line and would
            // log once per line; invalid values (a bad date, an unknown status code) still throw.
            parser.setParserErrorHandler(new LenientErrorHandler(false));
            context.stored().locationZones().forEach((id, z) -> zones.put(id, z.getRules()));
            storedStaff = context.stored().staff();
            organizations = new ResourceIndex("Organization", zones.keySet());
            practitioners = new ResourceIndex("Practitioner", storedStaff.keySet());
            patients = new ResourceIndex("Patient", context.stored().ids(PATIENTS));
        }

        void read(Map<String, List<Path>> files) throws IOException {
            read(files.get("Organization"), Organization.class, this::organization);
            read(files.get("Location"), Location.class, this::location);
            read(files.get("Practitioner"), Practitioner.class, this::practitioner);
            read(files.get("PractitionerRole"), PractitionerRole.class, this::practitionerRole);
            writeStaff();
            read(files.get("Patient"), Patient.class, this::patient);
            read(files.get("Encounter"), Encounter.class, this::encounter);
        }

        private <R extends IBaseResource> void read(List<Path> files, Class<R> type, Handler<R> handler)
                throws IOException {
            String expected = type.getSimpleName(); // HAPI's R4 classes are named as the resource types
            for (Path file : files) {
                String name = file.getFileName().toString();
                long line = 0;
                long bytes = 0;
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String text;
                    while ((text = reader.readLine()) != null) {
                        line++;
                        // Characters, not bytes: close enough for progress, and fileDone() settles the sum.
                        bytes += text.length() + 1;
                        if (text.isBlank()) {
                            continue;
                        }
                        context.rowRead(bytes);
                        At at = new At(name, line);
                        IBaseResource resource;
                        try {
                            resource = parser.parseResource(text);
                        } catch (DataFormatException e) {
                            // No value shown: the line may be a patient's, names and all. Jackson puts the
                            // position on a line of its own; one line reads better in a list of rejects.
                            context.reject(name, line, "", "", "not a FHIR R4 resource: "
                                    + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
                            continue;
                        }
                        if (!expected.equals(resource.fhirType())) {
                            context.reject(name, line, "resourceType", resource.fhirType(),
                                    expected + " files hold only " + expected + " resources");
                            continue;
                        }
                        try {
                            handler.accept(at, type.cast(resource));
                        } catch (Refused e) {
                            context.reject(name, line, e.column, e.value, e.getMessage());
                        }
                    }
                } catch (CharacterCodingException e) {
                    throw RejectedInputException.input(name + ":" + (line + 1) + ": not UTF-8 text, as FHIR NDJSON is");
                }
                context.fileDone(Files.size(file));
            }
        }

        private void organization(At at, Organization organization) throws Refused {
            String id = required("id", organization.getIdPart());
            String name = required("name", organization.getName());
            Address address = organization.hasAddress() ? organization.getAddressFirstRep() : null;
            if (append(at, LOCATIONS, id, name, address == null ? null : optional(address.getCity()),
                    address == null ? null : optional(address.getState()), zone.getId())) {
                zones.put(id, zone.getRules());
                organizations.add(id, organization.getIdentifier());
            }
        }

        private void location(At at, Location location) throws Refused {
            String id = required("id", location.getIdPart());
            // Synthea's "Patient's Home" has no managing organization: no encounter can be placed by it.
            String organization = location.hasManagingOrganization()
                    ? resolve(organizations, "managingOrganization", location.getManagingOrganization()) : null;
            locations.add(id, location.getIdentifier());
            if (organization != null) {
                locationOrganizations.put(id, organization);
            }
        }

        private void practitioner(At at, Practitioner practitioner) throws Refused {
            String id = required("id", practitioner.getIdPart());
            String name = required("name", practitioner.hasName() ? name(practitioner.getNameFirstRep()) : null);
            PractitionerRow earlier = practitionerRows.get(id);
            if (earlier != null) {
                throw new Refused("id", id, "a Practitioner with this id was read before, at "
                        + earlier.at().file() + ":" + earlier.at().line());
            }
            practitionerRows.put(id, new PractitionerRow(at, name));
            // The identifiers are NPIs, which Synthea's encounters refer to practitioners by.
            practitioners.add(id, practitioner.getIdentifier());
        }

        private void practitionerRole(At at, PractitionerRole role) throws Refused {
            String practitioner = resolve(practitioners, "practitioner", role.getPractitioner());
            String organization = role.hasOrganization()
                    ? resolve(organizations, "organization", role.getOrganization()) : null;
            String speciality = role.hasSpecialty() ? speciality(role.getSpecialtyFirstRep()) : null;
            String roleGroup = speciality == null ? null : Values.slug(speciality);
            if (roleGroup != null && roleGroups.add(roleGroup)
                    && !append(at, ROLE_GROUPS, roleGroup, Values.label(speciality), true)) {
                roleGroups.remove(roleGroup);
                return;
            }
            Role before = practitionerRoles.get(practitioner);
            practitionerRoles.put(practitioner, before == null ? new Role(at, roleGroup, organization)
                    : before.merge(roleGroup, organization));
            if (role.hasIdElement() && role.getIdPart() != null) {
                roles.add(role.getIdPart(), role.getIdentifier());
                rolePractitioners.put(role.getIdPart(), practitioner);
            }
        }

        /** Staff rows once practitioners and their roles are read; a role may also update a stored staff member. */
        private void writeStaff() {
            practitionerRows.forEach((id, row) -> staff(row.at(), id, row.name(), practitionerRoles.get(id)));
            practitionerRoles.forEach((id, role) -> {
                if (!practitionerRows.containsKey(id)) {
                    staff(role.at(), id, storedStaff.get(id).name(), role);
                }
            });
        }

        private void staff(At at, String id, String name, Role role) {
            StoredStaff before = storedStaff.get(id);
            String roleGroup = role != null && role.roleGroup() != null ? role.roleGroup()
                    : before == null ? null : before.roleGroupId();
            String home = role != null && role.home() != null ? role.home()
                    : before == null ? null : before.homeLocationId();
            BigDecimal hourlyCost = before == null ? null : before.hourlyCost();
            if (!append(at, STAFF, id, name, roleGroup, home, hourlyCost)) {
                practitioners.forget(id);
            }
        }

        private void patient(At at, Patient patient) throws Refused {
            String id = required("id", patient.getIdPart());
            // HAPI has checked the date's form; its year is the first four digits at any precision.
            String birthDate = patient.getBirthDateElement().getValueAsString();
            Integer birthYear = birthDate == null || birthDate.length() < 4 ? null
                    : Integer.valueOf(birthDate.substring(0, 4));
            String sex = patient.getGender() == null ? null : switch (patient.getGender()) {
                case MALE -> "male";
                case FEMALE -> "female";
                case OTHER -> "other";
                default -> null; // unknown: not a sex to count by
            };
            if (append(at, PATIENTS, id, birthYear, sex)) {
                // Indexed by id only: patient identifiers (SSN, MRN, licence) are not kept even in memory.
                patients.add(id, List.of());
            }
        }

        private void encounter(At at, Encounter encounter) throws Refused {
            String id = required("id", encounter.getIdPart());
            boolean completed = completed(encounter);
            String location = serviceProvider(encounter);
            String patient = resolve(patients, "subject", encounter.getSubject());
            String staff = staff(encounter);
            Service service = service(encounter);
            ZoneRules rules = zones.get(location);
            Period period = encounter.getPeriod();
            long startSecond = epochSecond("period.start", period.getStartElement());
            LocalDateTime start = Values.localIn(startSecond, rules);
            LocalDateTime end = null;
            if (completed && period.hasEnd()) {
                long elapsed = epochSecond("period.end", period.getEndElement()) - startSecond;
                if (elapsed < 0) {
                    throw new Refused("period.end", period.getEndElement().getValueAsString(),
                            "ends before it starts (period.start " + period.getStartElement().getValueAsString() + ")");
                }
                // As the CSV importer: start plus elapsed time, so visit minutes stay exact across a DST change.
                end = start.plusSeconds(elapsed);
            }
            if (services.add(service.id()) && !append(at, SERVICES, service.id(), service.label())) {
                services.remove(service.id());
                return;
            }
            if (completed) {
                append(at, VISITS, id, patient, location, service.id(), staff, start, start, start, end,
                        "completed", null);
            } else {
                append(at, VISITS, id, patient, location, service.id(), staff, start, null, null, null,
                        "cancelled", null);
            }
        }

        /** True for a finished encounter, false for a cancelled one; any other status is refused. */
        private boolean completed(Encounter encounter) throws Refused {
            Encounter.EncounterStatus status = encounter.getStatus();
            if (status == null) {
                throw new Refused("status", "", "is required but empty");
            }
            return switch (status) {
                case FINISHED -> true;
                case CANCELLED -> false;
                case ENTEREDINERROR -> throw new Refused("status", status.toCode(), "entered in error: not a visit");
                default -> throw new Refused("status", status.toCode(), "not finished: only finished and cancelled"
                        + " encounters are visits (import it again once it has finished)");
            };
        }

        private String serviceProvider(Encounter encounter) throws Refused {
            if (encounter.hasServiceProvider()) {
                return resolve(organizations, "serviceProvider", encounter.getServiceProvider());
            }
            // serviceProvider is optional in R4; the Location's managing organization says whose visit it was.
            for (Encounter.EncounterLocationComponent place : encounter.getLocation()) {
                String location = locations.find(place.getLocation());
                String organization = location == null ? null : locationOrganizations.get(location);
                if (organization != null) {
                    return organization;
                }
            }
            throw new Refused("serviceProvider", "", "is required: no serviceProvider, and no location[].location"
                    + " of the export names a managingOrganization");
        }

        /** The staff id of the visit, or null when no participant is a practitioner. */
        private String staff(Encounter encounter) throws Refused {
            List<EncounterParticipantComponent> participants = encounter.getParticipant();
            int chosen = -1;
            for (int i = 0; i < participants.size() && chosen < 0; i++) {
                if (isPractitioner(participants.get(i)) && isPrimaryPerformer(participants.get(i))) {
                    chosen = i;
                }
            }
            for (int i = 0; i < participants.size() && chosen < 0; i++) {
                if (isPractitioner(participants.get(i))) {
                    chosen = i;
                }
            }
            if (chosen < 0) {
                return null;
            }
            Reference individual = participants.get(chosen).getIndividual();
            String column = "participant[" + chosen + "].individual";
            if (!"PractitionerRole".equals(ResourceIndex.typeOf(individual))) {
                return resolve(practitioners, column, individual);
            }
            String practitioner = rolePractitioners.get(resolve(roles, column, individual));
            if (!practitioners.contains(practitioner)) {
                throw new Refused(column, ResourceIndex.shown(individual),
                        "the PractitionerRole's practitioner was not imported");
            }
            return practitioner;
        }

        private Service service(Encounter encounter) throws Refused {
            Coding encounterClass = encounter.getClass_();
            String code = required("class", encounterClass.getCode()).trim();
            String synthea = code.toLowerCase(Locale.ROOT);
            if (SyntheaImport.SERVICE_LABELS.containsKey(synthea)) {
                return new Service(synthea, SyntheaImport.SERVICE_LABELS.get(synthea));
            }
            String byClass = ACT_CODE_SERVICES.get(code.toUpperCase(Locale.ROOT));
            if (byClass == null) {
                return new Service(Values.slug(code),
                        encounterClass.hasDisplay() ? encounterClass.getDisplay() : Values.label(code));
            }
            String id = byType(encounter.getType(), byClass);
            return new Service(id, SyntheaImport.SERVICE_LABELS.get(id));
        }

        private boolean append(At at, Table table, Object... values) {
            return context.append(at.file(), at.line(), table, values);
        }
    }

    private static boolean isPractitioner(EncounterParticipantComponent participant) {
        if (!participant.hasIndividual()) {
            return false;
        }
        String type = ResourceIndex.typeOf(participant.getIndividual());
        // A reference that does not say its type (urn:uuid) is taken for a practitioner: most are.
        return type == null || type.equals("Practitioner") || type.equals("PractitionerRole");
    }

    private static boolean isPrimaryPerformer(EncounterParticipantComponent participant) {
        return participant.getType().stream().flatMap(type -> type.getCoding().stream())
                .anyMatch(coding -> PRIMARY_PERFORMER.equals(coding.getCode()));
    }

    private static String byType(List<CodeableConcept> types, String byClass) {
        for (CodeableConcept type : types) {
            for (Coding coding : type.getCoding()) {
                String refined = SNOMED.equals(coding.getSystem()) ? TYPE_SERVICES.get(coding.getCode()) : null;
                if (refined != null && REFINES.get(refined).equals(byClass)) {
                    return refined;
                }
            }
        }
        return byClass;
    }

    private static long epochSecond(String column, DateTimeType value) throws Refused {
        String text = required(column, value.getValueAsString());
        try {
            return Values.epochSecond(zulu(text));
        } catch (BadValue e) {
            throw new Refused(column, text, e.getMessage());
        }
    }

    private static String resolve(ResourceIndex index, String column, Reference reference) throws Refused {
        try {
            return index.resolve(reference);
        } catch (BadValue e) {
            throw new Refused(column, ResourceIndex.shown(reference), e.getMessage());
        }
    }

    /** HAPI writes UTC as {@code +00:00}; as {@code Z} it takes {@link Values#instantIn}'s fast path. */
    static String zulu(String text) {
        return text.length() == 25 && text.endsWith("+00:00") ? text.substring(0, 19) + 'Z' : text;
    }

    /** "given family", as Synthea's providers.csv writes NAME; the name's text when it has no parts. */
    static String name(HumanName name) {
        String parts = (name.getGiven().stream().map(PrimitiveType::getValue).filter(g -> g != null && !g.isBlank())
                .collect(Collectors.joining(" ")) + " " + (name.hasFamily() ? name.getFamily() : "")).trim();
        return parts.isEmpty() ? name.getText() : parts;
    }

    /** The speciality a role names: a NUCC code's CMS speciality, else the coding's display or the text. */
    static String speciality(CodeableConcept specialty) {
        for (Coding coding : specialty.getCoding()) {
            String cms = NUCC.equals(coding.getSystem()) ? NUCC_SPECIALITIES.get(coding.getCode()) : null;
            if (cms != null) {
                return cms;
            }
        }
        for (Coding coding : specialty.getCoding()) {
            if (coding.hasDisplay() && !coding.getDisplay().isBlank()) {
                return coding.getDisplay();
            }
        }
        return specialty.hasText() && !specialty.getText().isBlank() ? specialty.getText() : null;
    }

    private static String required(String column, String value) throws Refused {
        if (value == null || value.isBlank()) {
            throw new Refused(column, "", "is required but empty");
        }
        return value;
    }

    private static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
