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
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.ingest.csv.CsvReader;
import org.caseload.ingest.imports.ImportContext;
import org.caseload.ingest.imports.ImportSource;
import org.caseload.ingest.imports.KeyIndex;
import org.caseload.ingest.imports.LocalTimeSql;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.imports.Values;
import org.caseload.ingest.imports.Values.BadValue;
import org.caseload.ingest.imports.WarehouseLookup.StoredStaff;
import org.caseload.ingest.load.DirectLoad;
import org.caseload.ingest.load.DirectLoadDeclined;

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
        try (CsvReader encounters = open("encounters.csv")) {
            // DuckDB needs only the organizations' zones to read encounters.csv: it starts now and
            // reads while providers and patients are read here.
            Optional<DirectLoad> direct = startDirect(context, encounters, zones);
            try {
                providers(context, zones.keySet(), storedStaff, staff, roleGroups);
                patients(context, patients);
                encounters(context, encounters, direct.orElse(null),
                        new References(zones, new KeyIndex(zones.keySet()), staff, patients), services);
            } finally {
                direct.ifPresent(DirectLoad::close);
            }
        }
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
                        birthYear = Values.yearOfDate(csv.data(), csv.start(c[1]), csv.length(c[1]));
                    } catch (BadValue e) {
                        context.reject(csv.fileName(), csv.line(), "BIRTHDATE", csv.get(c[1]), e.getMessage());
                        continue;
                    }
                }
                if (context.append(csv.fileName(), csv.line(), PATIENTS, id, birthYear, sex(csv, c[2]))) {
                    patients.add(id);
                }
            }
            context.fileDone(csv.bytesRead());
        }
    }

    private static final String REQUIRED = "is required but empty";

    /** The columns read from encounters.csv, in the order {@link #visit} indexes them. */
    private static final String[] ENCOUNTER_COLUMNS = {"Id", "START", "STOP", "PATIENT", "ORGANIZATION", "PROVIDER",
            "ENCOUNTERCLASS", "TOTAL_CLAIM_COST"};

    /** Where the reason an encounter is refused goes: the import's rejects, or a declined direct load. */
    @FunctionalInterface
    private interface Refusal {
        void refuse(String column, String value, String reason);
    }

    /** What encounters refer to: organizations with their zones, providers and patients of this export or stored. */
    private record References(Map<String, ZoneRules> zones, KeyIndex organizations, KeyIndex staff, KeyIndex patients) {}

    private void encounters(ImportContext context, CsvReader csv, DirectLoad direct, References refs,
            Set<String> services) throws IOException {
        int[] c = csv.header().require(ENCOUNTER_COLUMNS);
        if (direct != null) {
            encountersDirect(context, csv, c, refs, services, direct);
            return;
        }
        String file = csv.fileName();
        Refusal reject = (column, value, reason) -> context.reject(file, csv.line(), column, value, reason);
        while (csv.next()) {
            context.rowRead(csv.bytesRead());
            Object[] visit = visit(csv, c, refs, reject);
            if (visit == null) {
                continue;
            }
            String service = (String) visit[3];
            if (services.add(service) && !context.append(file, csv.line(), SERVICES, service, serviceLabel(service))) {
                services.remove(service);
                continue;
            }
            context.append(file, csv.line(), VISITS, visit);
        }
        context.fileDone(csv.bytesRead());
    }

    /** UTC epoch second of the START of the record {@link #visit} last accepted. */
    private long startSecond;

    /**
     * The visit row of the current encounter record, or null after telling {@code refusal} why not
     * (one reason per row). References resolve to the ids already held: no new strings for them.
     */
    private Object[] visit(CsvReader csv, int[] c, References refs, Refusal refusal) {
        String id = csv.get(c[0]);
        if (id.isBlank()) {
            refusal.refuse("Id", "", REQUIRED);
            return null;
        }
        String organization = known(csv, c[4], "ORGANIZATION", refs.organizations(), "organization", refusal);
        String patient = organization == null ? null : known(csv, c[3], "PATIENT", refs.patients(), "patient", refusal);
        String provider = patient == null || csv.isEmpty(c[5]) ? null
                : known(csv, c[5], "PROVIDER", refs.staff(), "provider", refusal);
        if (organization == null || patient == null || !csv.isEmpty(c[5]) && provider == null) {
            return null;
        }
        String encounterClass = serviceId(csv, c[6]);
        if (encounterClass.isBlank()) {
            refusal.refuse("ENCOUNTERCLASS", "", REQUIRED);
            return null;
        }
        byte[] data = csv.data();
        ZoneRules rules = refs.zones().get(organization);
        LocalDateTime start;
        LocalDateTime stop = null;
        BigDecimal charge = null;
        int column = c[1];
        try {
            long startSecond = Values.epochSecond(data, csv.start(c[1]), csv.length(c[1]));
            start = Values.localIn(startSecond, rules);
            column = c[2];
            if (!csv.isEmpty(c[2])) {
                long elapsed = Values.epochSecond(data, csv.start(c[2]), csv.length(c[2])) - startSecond;
                if (elapsed < 0) {
                    throw new BadValue("ends before it starts (START " + csv.get(c[1]) + ")");
                }
                // Start plus elapsed time, not STOP's own wall-clock time: durations stay exact when a
                // visit spans a daylight-saving change (the end then reads in the start's offset).
                stop = start.plusSeconds(elapsed);
            }
            column = c[7];
            if (!csv.isEmpty(c[7])) {
                charge = Values.money(data, csv.start(c[7]), csv.length(c[7]));
            }
            this.startSecond = startSecond;
        } catch (BadValue e) {
            String name = column == c[1] ? "START" : column == c[2] ? "STOP" : "TOTAL_CLAIM_COST";
            refusal.refuse(name, csv.get(column), e.getMessage());
            return null;
        }
        return new Object[] {id, patient, organization, encounterClass, provider, start, start, start, stop, "completed", charge};
    }

    /** Checksums the direct pass compares with DuckDB's rows, as {@link DirectLoad#sums} expressions over visits. */
    private static final String[] VISIT_TOTALS = {
        "1",
        "epoch_ms(started_at) // 1000",
        "date_diff('second', started_at, ended_at)",
        "case when ended_at is null then 0 else 1 end",
        "(charge_amount * 100)::bigint",
        "case when charge_amount is null then 0 else 1 end",
        "strlen(visit_id) + strlen(patient_id) + strlen(location_id) + strlen(service_id) + coalesce(strlen(staff_id), 0)",
        "case when staff_id is null then 0 else 1 end",
        "case when scheduled_at = started_at and checked_in_at = started_at and status = 'completed' then 0 else 1 end",
    };

    /**
     * Adds one accepted visit to {@code totals}, laid out as {@link #VISIT_TOTALS} (the last one, for
     * rows written as every visit here is, stays 0): the one place both checks of the direct pass add.
     *
     * @param localStart the start as a local epoch second
     * @param elapsed seconds from start to stop, or -1 without a stop
     * @param cents the charge in cents, or -1 without one
     * @param idBytes the bytes of the five id fields stored (the provider's only with a provider)
     */
    static void addTotals(long[] totals, long localStart, long elapsed, long cents, int idBytes, boolean hasStaff) {
        totals[0]++;
        totals[1] += localStart;
        if (elapsed >= 0) {
            totals[2] += elapsed;
            totals[3]++;
        }
        if (cents >= 0) {
            totals[4] += cents;
            totals[5]++;
        }
        totals[6] += idBytes;
        if (hasStaff) {
            totals[7]++;
        }
    }

    /**
     * Encounters through a {@link DirectLoad} (started by {@link #startDirect}): DuckDB reads
     * encounters.csv into visits while this pass checks every record as the row-by-row loop does.
     * Records in the common form are settled by {@link EncounterCheck} from their bytes; every other
     * one goes through {@link #visit} itself. Any record the loop would reject, or that is not in the
     * plain form DuckDB's reader takes alike (see {@link #plain}), declines the direct load; so does
     * any difference between this pass's totals and those of DuckDB's rows.
     */
    private void encountersDirect(ImportContext context, CsvReader csv, int[] c, References refs,
            Set<String> services, DirectLoad load) throws IOException {
        int fields = csv.header().names().size();
        String file = csv.fileName();
        Refusal decline = (column, value, reason) -> {
            throw new DirectLoadDeclined(file + ":" + csv.line() + ": " + (column.isEmpty() ? "" : column + ": ") + reason, null);
        };
        List<String> newServices = new ArrayList<>();
        long[] totals = new long[VISIT_TOTALS.length];
        EncounterCheck common = new EncounterCheck(csv, fields, c, refs.organizations(),
                organization -> offsets(refs.zones().get(organization)), refs.patients(), refs.staff(), rawClasses);
        while (csv.next()) {
            context.rowRead(csv.bytesRead());
            if (common.accept(totals)) {
                continue;
            }
            // Not in the common form: the row-by-row check decides, and declines with its reason.
            if (csv.fieldCount() != fields) {
                decline.refuse("", "", csv.fieldCount() + " fields where the header has " + fields);
            }
            Object[] visit = visit(csv, c, refs, decline);
            String problem = plain(csv, c, visit);
            if (problem != null) {
                decline.refuse("", "", problem);
            }
            if (!context.fits(VISITS, visit)) {
                decline.refuse("", "", "does not fit the visits table");
            }
            String service = (String) visit[3];
            if (!services.contains(service)) {
                if (!context.fits(SERVICES, service, serviceLabel(service))) {
                    decline.refuse("ENCOUNTERCLASS", service, "does not fit the services table");
                }
                services.add(service);
                newServices.add(service);
            }
            add(totals, csv, c, visit);
            common.classAccepted(rawClass);
        }
        if (csv.irregular()) {
            decline.refuse("", "", "blank lines or stray carriage returns, which CSV readers treat differently");
        }
        load.await();
        long[] sums = load.sums(VISIT_TOTALS);
        if (!Arrays.equals(sums, totals)) {
            throw new DirectLoadDeclined(file + ": DuckDB's rows differ from the file's (totals "
                    + Arrays.toString(sums) + " against " + Arrays.toString(totals) + ")", null);
        }
        load.keep();
        for (String service : newServices) {
            context.append(file, csv.line(), SERVICES, service, serviceLabel(service));
        }
        context.fileDone(csv.bytesRead());
    }

    /**
     * Why DuckDB's reader might take an accepted record differently from {@link #visit}, or null:
     * times other than {@code uuuu-MM-ddTHH:mm:ssZ} or outside the years {@link LocalTimeSql} spans,
     * money other than plain digits, a class not already its own service id.
     */
    private String plain(CsvReader csv, int[] c, Object[] visit) {
        byte[] data = csv.data();
        if (!Values.isPlainInstant(data, csv.start(c[1]), csv.length(c[1])) || !LocalTimeSql.covers(startSecond)) {
            return "START not in the plain form or years the direct load reads";
        }
        if (!csv.isEmpty(c[2]) && !Values.isPlainInstant(data, csv.start(c[2]), csv.length(c[2]))) {
            return "STOP not in the plain form the direct load reads";
        }
        if (!csv.isEmpty(c[7]) && !Values.isPlainMoney(data, csv.start(c[7]), csv.length(c[7]))) {
            return "TOTAL_CLAIM_COST not in the plain form the direct load reads";
        }
        if (!rawClass.equals(visit[3])) {
            return "ENCOUNTERCLASS is not written as its service id";
        }
        return null;
    }

    /** Adds one visit to the totals, as {@link #VISIT_TOTALS} computes them over DuckDB's rows. */
    private static void add(long[] totals, CsvReader csv, int[] c, Object[] visit) {
        long start = ((LocalDateTime) visit[7]).toEpochSecond(ZoneOffset.UTC);
        LocalDateTime end = (LocalDateTime) visit[8];
        BigDecimal charge = (BigDecimal) visit[10];
        boolean hasStaff = visit[4] != null;
        addTotals(totals, start, end == null ? -1 : end.toEpochSecond(ZoneOffset.UTC) - start,
                charge == null ? -1 : charge.scaleByPowerOfTen(2).longValueExact(), // at scale 2 (Values.money): cents
                csv.length(c[0]) + csv.length(c[3]) + csv.length(c[4]) + csv.length(c[6]) + (hasStaff ? csv.length(c[5]) : 0),
                hasStaff);
    }

    /**
     * Starts DuckDB's direct read of encounters.csv, or nothing: when the database cannot, when a
     * column is missing (the row-by-row read then reports it), or when a zone is beyond {@link LocalTimeSql}.
     */
    private Optional<DirectLoad> startDirect(ImportContext context, CsvReader csv, Map<String, ZoneRules> zones) {
        int[] c = new int[ENCOUNTER_COLUMNS.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = csv.header().indexOf(ENCOUNTER_COLUMNS[i]);
            if (c[i] < 0) {
                return Optional.empty();
            }
        }
        DirectSelect select = directSelect(csv.header().names().size(), c, zones);
        return select == null ? Optional.empty() : context.direct(VISITS, select.sql(), select.parameters());
    }

    /** The SELECT of a direct load and its bound values (the file, and locations with their zones). */
    private record DirectSelect(String sql, List<Object> parameters) {}

    /**
     * What DuckDB runs for a direct load of encounters.csv: the file with every column named by
     * position ({@code c0}, …), times read in the one form {@link #plain} lets through, each row's
     * START converted to its location's zone by {@link LocalTimeSql}. Null when there are no
     * locations or a zone is beyond {@link LocalTimeSql}.
     */
    private DirectSelect directSelect(int fields, int[] c, Map<String, ZoneRules> zones) {
        List<ZoneRules> distinct = zones.values().stream().distinct().toList();
        List<LocalTimeSql.Offsets> offsets = distinct.stream().map(this::offsets).toList();
        int transitions = offsets.stream().mapToInt(LocalTimeSql.Offsets::transitionsPerYear).max().orElse(0);
        List<String> years = new ArrayList<>();
        for (LocalTimeSql.Offsets zone : offsets) {
            String list = LocalTimeSql.years(zone, transitions);
            if (list == null) {
                return null;
            }
            years.add(list);
        }
        if (years.isEmpty()) {
            return null;
        }
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            String type = i == c[1] || i == c[2] ? "TIMESTAMP" : i == c[7] ? "DECIMAL(12,2)" : "VARCHAR";
            columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': '").append(type).append('\'');
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(directory.resolve("encounters.csv").toAbsolutePath().toString());
        String read = "read_csv(?, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
                + " timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {" + columns + "}) r";
        String entry;
        if (years.size() == 1) {
            entry = LocalTimeSql.yearEntry(years.get(0), "r." + col(c[1]));
        } else {
            // Locations in several zones: each row finds its zone's list through its organization.
            StringBuilder values = new StringBuilder();
            for (Map.Entry<String, ZoneRules> location : zones.entrySet()) {
                values.append(values.length() == 0 ? "" : ", ").append("(?, ?)");
                parameters.add(location.getKey());
                parameters.add(distinct.indexOf(location.getValue()) + 1);
            }
            read += " left join (values " + values + ") z(location_id, zone_no) on z.location_id = r." + col(c[4]);
            entry = LocalTimeSql.yearEntry("[" + String.join(", ", years) + "][z.zone_no]", "r." + col(c[1]));
        }
        String start = "e." + col(c[1]);
        String sql = "select " + col(c[0]) + ", " + col(c[3]) + ", " + col(c[4]) + ", " + col(c[6]) + ", " + col(c[5])
                + ", s, s, s, s + (" + col(c[2]) + " - " + col(c[1]) + "), 'completed', " + col(c[7])
                + " from (select e.*, " + LocalTimeSql.local(start, "e.z", transitions) + " as s"
                + " from (select r.*, " + entry + " as z from " + read + ") e)";
        return new DirectSelect(sql, parameters);
    }

    /** Each zone's offsets, walked once for the direct load's SQL and its Java check alike. */
    private final Map<ZoneRules, LocalTimeSql.Offsets> offsets = new HashMap<>();

    private LocalTimeSql.Offsets offsets(ZoneRules rules) {
        return offsets.computeIfAbsent(rules, LocalTimeSql.Offsets::new);
    }

    private static String col(int index) {
        return "\"c" + index + "\"";
    }

    private static String serviceLabel(String service) {
        return SERVICE_LABELS.getOrDefault(service, Values.label(service));
    }

    /**
     * The encounter class as a service id. The handful of classes are looked up from the field's
     * bytes ({@link KeyIndex}), so no string is made per row.
     */
    private final KeyIndex rawClasses = new KeyIndex();
    private final Map<String, String> serviceIds = new HashMap<>();
    /** The last class looked up as written in the file, for {@link #plain}. */
    private String rawClass;

    private String serviceId(CsvReader csv, int index) {
        String raw = rawClasses.find(csv.data(), csv.start(index), csv.length(index));
        if (raw == null) {
            raw = csv.get(index);
            rawClasses.add(raw);
            serviceIds.put(raw, raw.trim().toLowerCase(Locale.ROOT));
        }
        rawClass = raw;
        return serviceIds.get(raw);
    }

    private CsvReader open(String name) throws IOException {
        return CsvReader.open(directory.resolve(name));
    }

    private static boolean required(ImportContext context, CsvReader csv, String column, String value) {
        if (value.isBlank()) {
            context.reject(csv.fileName(), csv.line(), column, "", REQUIRED);
            return false;
        }
        return true;
    }

    /** The held id a reference names, or null after refusing the row (empty, or not known). */
    private static String known(CsvReader csv, int index, String column, KeyIndex ids, String what, Refusal refusal) {
        String id = ids.find(csv.data(), csv.start(index), csv.length(index));
        if (id != null) {
            return id;
        }
        String value = csv.get(index);
        if (value.isBlank()) {
            refusal.refuse(column, "", REQUIRED);
        } else {
            refusal.refuse(column, value, "no " + what + " with this Id in the export or the database");
        }
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

    /** As {@link #sex(String)}; Synthea's one-letter values straight from the bytes. */
    private static String sex(CsvReader csv, int index) {
        if (csv.length(index) == 1) {
            byte letter = csv.data()[csv.start(index)];
            if (letter == 'M') {
                return "male";
            }
            if (letter == 'F') {
                return "female";
            }
        }
        return sex(csv.get(index));
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
