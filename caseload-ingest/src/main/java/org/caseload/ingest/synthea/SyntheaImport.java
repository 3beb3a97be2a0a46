package org.caseload.ingest.synthea;

import static org.caseload.model.warehouse.WarehouseSchema.LOCATIONS;
import static org.caseload.model.warehouse.WarehouseSchema.PATIENTS;
import static org.caseload.model.warehouse.WarehouseSchema.ROLE_GROUPS;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;
import static org.caseload.model.warehouse.WarehouseSchema.STAFF;
import static org.caseload.model.warehouse.WarehouseSchema.VISITS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caseload.ingest.csv.CsvReader;
import org.caseload.ingest.imports.ImportContext;
import org.caseload.ingest.imports.ImportSource;
import org.caseload.ingest.imports.KeyIndex;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.imports.Values;
import org.caseload.ingest.imports.Values.BadValue;
import org.caseload.ingest.imports.WarehouseLookup.StoredStaff;

/**
 * A Synthea CSV export directory as warehouse rows.
 *
 * <ul>
 *   <li>organization → location (region = state; time zone = the import's zone, since Synthea
 *       records none);
 *   <li>provider → staff (role group from the speciality; hourly cost kept from an earlier roster);
 *   <li>patient → patient (birth year, sex);
 *   <li>encounter → a completed visit (service = encounter class; scheduled, checked in and started
 *       at START converted from UTC to the location's zone, ended that plus STOP − START, so visit
 *       minutes are elapsed minutes even across a daylight-saving change; charge = total claim cost).
 * </ul>
 *
 * Encounters must refer to an organization, patient and (when given) provider of this export or of
 * an earlier import; others are rejected, since the visit would be counted nowhere or wrongly.
 */
public final class SyntheaImport implements ImportSource {
    public static final List<String> FILES = List.of("organizations.csv", "providers.csv", "patients.csv", "encounters.csv");

    /**
     * Synthea's encounter classes and how they read in the UI; unknown classes get a label from their
     * code. The FHIR importer maps encounter classes onto the same ids and labels.
     */
    public static final Map<String, String> SERVICE_LABELS = Map.ofEntries(
            Map.entry("wellness", "Wellness"), Map.entry("ambulatory", "Ambulatory"),
            Map.entry("outpatient", "Outpatient"), Map.entry("urgentcare", "Urgent care"),
            Map.entry("emergency", "Emergency"), Map.entry("inpatient", "Inpatient"),
            Map.entry("home", "Home health"), Map.entry("hospice", "Hospice"),
            Map.entry("snf", "Skilled nursing"), Map.entry("virtual", "Virtual"));

    private final Path directory;
    private final ZoneId zone;

    public SyntheaImport(Path directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    @Override
    public long totalBytes() throws IOException {
        long total = 0;
        for (String name : FILES) {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw RejectedInputException.input(directory + ": no " + name + " (a Synthea CSV export has "
                        + String.join(", ", FILES) + ")");
            }
            total += Files.size(file);
        }
        return total;
    }

    @Override
    public void produce(ImportContext context) throws IOException {
        Map<String, ZoneRules> zones = new HashMap<>();
        context.stored().locationZones().forEach((id, z) -> zones.put(id, z.getRules()));
        Map<String, StoredStaff> storedStaff = context.stored().staff();
        KeyIndex staff = new KeyIndex(storedStaff.keySet());
        KeyIndex patients = new KeyIndex(context.stored().ids(PATIENTS));
        Set<String> services = new HashSet<>();
        Set<String> roleGroups = new HashSet<>();

        organizations(context, zones);
        providers(context, zones.keySet(), storedStaff, staff, roleGroups);
        patients(context, patients);
        encounters(context, zones, staff, patients, services);
    }

    private void organizations(ImportContext context, Map<String, ZoneRules> zones) throws IOException {
        try (CsvReader csv = open("organizations.csv")) {
            int[] c = csv.header().require("Id", "NAME");
            int city = csv.header().indexOf("CITY");
            int state = csv.header().indexOf("STATE");
            while (csv.next()) {
                context.rowRead(csv.bytesRead());
                String id = csv.get(c[0]);
                if (required(context, csv, "Id", id) && required(context, csv, "NAME", csv.get(c[1]))
                        && context.append(csv.fileName(), csv.line(), LOCATIONS, id, csv.get(c[1]),
                                optional(csv, city), optional(csv, state), zone.getId())) {
                    zones.put(id, zone.getRules());
                }
            }
            context.fileDone(csv.bytesRead());
        }
    }

    private void providers(ImportContext context, Set<String> locations, Map<String, StoredStaff> stored,
            KeyIndex staff, Set<String> roleGroups) throws IOException {
        try (CsvReader csv = open("providers.csv")) {
            int[] c = csv.header().require("Id", "NAME", "ORGANIZATION", "SPECIALITY");
            while (csv.next()) {
                context.rowRead(csv.bytesRead());
                String id = csv.get(c[0]);
                String organization = csv.get(c[2]);
                String speciality = csv.get(c[3]);
                if (!required(context, csv, "Id", id) || !required(context, csv, "NAME", csv.get(c[1]))
                        || !known(context, csv, "ORGANIZATION", organization, locations, "organization")) {
                    continue;
                }
                String roleGroup = speciality.isBlank() ? null : Values.slug(speciality);
                if (roleGroup != null && roleGroups.add(roleGroup)
                        && !context.append(csv.fileName(), csv.line(), ROLE_GROUPS, roleGroup, Values.label(speciality), true)) {
                    roleGroups.remove(roleGroup);
                    continue;
                }
                StoredStaff before = stored.get(id);
                BigDecimal hourlyCost = before == null ? null : before.hourlyCost();
                if (context.append(csv.fileName(), csv.line(), STAFF, id, csv.get(c[1]), roleGroup, organization, hourlyCost)) {
                    staff.add(id);
                }
            }
            context.fileDone(csv.bytesRead());
        }
    }

    private void patients(ImportContext context, KeyIndex patients) throws IOException {
        try (CsvReader csv = open("patients.csv")) {
            int[] c = csv.header().require("Id", "BIRTHDATE", "GENDER");
            while (csv.next()) {
                context.rowRead(csv.bytesRead());
                String id = csv.get(c[0]);
                if (!required(context, csv, "Id", id)) {
                    continue;
                }
                Integer birthYear = null;
                if (!csv.isEmpty(c[1])) {
                    try {
                        birthYear = Values.yearOfDate(csv.get(c[1]));
                    } catch (BadValue e) {
                        context.reject(csv.fileName(), csv.line(), "BIRTHDATE", csv.get(c[1]), e.getMessage());
                        continue;
                    }
                }
                if (context.append(csv.fileName(), csv.line(), PATIENTS, id, birthYear, sex(csv.get(c[2])))) {
                    patients.add(id);
                }
            }
            context.fileDone(csv.bytesRead());
        }
    }

    private void encounters(ImportContext context, Map<String, ZoneRules> zones, KeyIndex staff,
            KeyIndex patients, Set<String> services) throws IOException {
        KeyIndex organizations = new KeyIndex(zones.keySet());
        try (CsvReader csv = open("encounters.csv")) {
            int[] c = csv.header().require("Id", "START", "STOP", "PATIENT", "ORGANIZATION", "PROVIDER",
                    "ENCOUNTERCLASS", "TOTAL_CLAIM_COST");
            String file = csv.fileName();
            while (csv.next()) {
                context.rowRead(csv.bytesRead());
                long line = csv.line();
                byte[] data = csv.data();
                String id = csv.get(c[0]);
                if (!required(context, csv, "Id", id)) {
                    continue;
                }
                // References resolve to the ids already held: no new strings for them. One reject per row.
                String organization = known(context, csv, c[4], "ORGANIZATION", organizations, "organization");
                String patient = organization == null ? null : known(context, csv, c[3], "PATIENT", patients, "patient");
                String provider = patient == null || csv.isEmpty(c[5]) ? null
                        : known(context, csv, c[5], "PROVIDER", staff, "provider");
                if (organization == null || patient == null || !csv.isEmpty(c[5]) && provider == null) {
                    continue;
                }
                String encounterClass = serviceId(csv, c[6]);
                if (!required(context, csv, "ENCOUNTERCLASS", encounterClass)) {
                    continue;
                }
                ZoneRules rules = zones.get(organization);
                LocalDateTime start;
                LocalDateTime stop = null;
                BigDecimal charge = null;
                String column = "START";
                try {
                    long startSecond = Values.epochSecond(data, csv.start(c[1]), csv.length(c[1]));
                    start = Values.localIn(startSecond, rules);
                    column = "STOP";
                    if (!csv.isEmpty(c[2])) {
                        long elapsed = Values.epochSecond(data, csv.start(c[2]), csv.length(c[2])) - startSecond;
                        if (elapsed < 0) {
                            throw new BadValue("ends before it starts (START " + csv.get(c[1]) + ")");
                        }
                        // Start plus elapsed time, not STOP's own wall-clock time: durations stay exact when a
                        // visit spans a daylight-saving change (the end then reads in the start's offset).
                        stop = start.plusSeconds(elapsed);
                    }
                    column = "TOTAL_CLAIM_COST";
                    if (!csv.isEmpty(c[7])) {
                        charge = Values.money(data, csv.start(c[7]), csv.length(c[7]));
                    }
                } catch (BadValue e) {
                    context.reject(file, line, column, csv.get(c[column.equals("START") ? 1 : column.equals("STOP") ? 2 : 7]),
                            e.getMessage());
                    continue;
                }
                if (services.add(encounterClass) && !context.append(file, line, SERVICES, encounterClass,
                        SERVICE_LABELS.getOrDefault(encounterClass, Values.label(encounterClass)))) {
                    services.remove(encounterClass);
                    continue;
                }
                context.append(file, line, VISITS, id, patient, organization, encounterClass, provider,
                        start, start, start, stop, "completed", charge);
            }
            context.fileDone(csv.bytesRead());
        }
    }

    /** The encounter class as a service id; the handful of classes are interned rather than made per row. */
    private final Map<String, String> serviceIds = new HashMap<>();

    private String serviceId(CsvReader csv, int index) {
        String raw = csv.get(index);
        String id = serviceIds.get(raw);
        if (id == null) {
            id = raw.trim().toLowerCase(Locale.ROOT);
            serviceIds.put(raw, id);
        }
        return id;
    }

    private CsvReader open(String name) throws IOException {
        return CsvReader.open(directory.resolve(name));
    }

    private static boolean required(ImportContext context, CsvReader csv, String column, String value) {
        if (value.isBlank()) {
            context.reject(csv.fileName(), csv.line(), column, "", "is required but empty");
            return false;
        }
        return true;
    }

    /** The held id a reference names, or null after rejecting the row (empty, or not known). */
    private static String known(ImportContext context, CsvReader csv, int index, String column, KeyIndex ids, String what) {
        String id = ids.find(csv.data(), csv.start(index), csv.length(index));
        if (id != null) {
            return id;
        }
        String value = csv.get(index);
        if (!required(context, csv, column, value)) {
            return null;
        }
        context.reject(csv.fileName(), csv.line(), column, value, "no " + what + " with this Id in the export"
                + " or the database");
        return null;
    }

    private static boolean known(ImportContext context, CsvReader csv, String column, String value, Set<String> ids,
            String what) {
        if (!required(context, csv, column, value)) {
            return false;
        }
        if (!ids.contains(value)) {
            context.reject(csv.fileName(), csv.line(), column, value, "no " + what + " with this Id in the export"
                    + " or the database");
            return false;
        }
        return true;
    }

    private static String optional(CsvReader csv, int index) {
        if (index < 0 || csv.isEmpty(index)) {
            return null;
        }
        return csv.get(index);
    }

    /** Synthea writes M and F; anything else is kept as "other" rather than guessed. */
    private static String sex(String gender) {
        return switch (gender.trim().toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> "male";
            case "F", "FEMALE" -> "female";
            case "" -> null;
            default -> "other";
        };
    }
}
