package org.caseload.ingest.roster;

import static org.caseload.model.warehouse.WarehouseSchema.LOCATIONS;
import static org.caseload.model.warehouse.WarehouseSchema.ROLE_GROUPS;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;
import static org.caseload.model.warehouse.WarehouseSchema.SHIFTS;
import static org.caseload.model.warehouse.WarehouseSchema.STAFF;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.ingest.csv.CsvReader;
import org.caseload.ingest.imports.ImportContext;
import org.caseload.ingest.imports.ImportSource;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.imports.Values;
import org.caseload.ingest.imports.Values.BadValue;
import org.caseload.ingest.imports.WarehouseLookup.StoredStaff;

/**
 * A staff roster CSV:
 * {@code staff_id,staff_name,role_group,clinical,location_id,service,shift_start,shift_end,hourly_cost}.
 *
 * <ul>
 *   <li>Each row is one shift in the location's local time; one crossing midnight becomes one shift
 *       row per calendar day, each with the hours of that day and cost = hours × hourly_cost,
 *       rounded half-up to the cent per row.
 *   <li>Shift ids are {@code staff_id@start} of each day's part, so re-importing a roster updates
 *       its shifts instead of adding them again.
 *   <li>Staff and role groups are created or updated: the name, role group and hourly cost of a
 *       staff member come from their last row in the file; the home location stays what an earlier
 *       import said, else the location of their first shift.
 *   <li>Locations must exist already (from an EMR import or the demo), and so must a service when
 *       one is given: a typo should be a reject, not a new clinic.
 * </ul>
 */
public final class RosterImport implements ImportSource {
    public static final List<String> COLUMNS = List.of("staff_id", "staff_name", "role_group", "clinical", "location_id",
            "service", "shift_start", "shift_end", "hourly_cost");
    /** Longer than a day is almost certainly a typo in a date, not a shift. */
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);

    private final Path file;

    public RosterImport(Path file) {
        this.file = file;
    }

    private record StaffRow(String name, String roleGroupId, String firstLocation, BigDecimal hourlyCost) {}

    @Override
    public long totalBytes() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw RejectedInputException.input("no roster file at " + file);
        }
        return Files.size(file);
    }

    @Override
    public void produce(ImportContext context) throws IOException {
        Set<String> locations = context.stored().ids(LOCATIONS);
        Set<String> services = context.stored().ids(SERVICES);
        Map<String, StoredStaff> stored = context.stored().staff();
        Map<String, String> roleGroups = new LinkedHashMap<>();
        Map<String, Boolean> clinical = new LinkedHashMap<>();
        Map<String, StaffRow> staff = new LinkedHashMap<>();
        try (CsvReader csv = CsvReader.open(file)) {
            int[] c = csv.header().require(COLUMNS.toArray(String[]::new));
            String name = csv.fileName();
            while (csv.next()) {
                context.rowRead(csv.bytesRead());
                long line = csv.line();
                String staffId = csv.get(c[0]).trim();
                String staffName = csv.get(c[1]).trim();
                String roleGroup = csv.get(c[2]).trim();
                String locationId = csv.get(c[4]).trim();
                String service = csv.get(c[5]).trim();
                if (blank(context, name, line, "staff_id", staffId) || blank(context, name, line, "staff_name", staffName)
                        || blank(context, name, line, "role_group", roleGroup)
                        || blank(context, name, line, "location_id", locationId)) {
                    continue;
                }
                if (!locations.contains(locationId)) {
                    context.reject(name, line, "location_id", locationId, "no location with this id in the database"
                            + " (import the EMR export or the demo data first)");
                    continue;
                }
                if (!service.isEmpty() && !services.contains(service)) {
                    context.reject(name, line, "service", service, "no service with this id; known: "
                            + String.join(", ", services.stream().sorted().toList()));
                    continue;
                }
                String column = "clinical";
                boolean isClinical;
                LocalDateTime start;
                LocalDateTime end;
                BigDecimal hourlyCost;
                try {
                    isClinical = Values.bool(csv.get(c[3]));
                    column = "shift_start";
                    start = Values.localDateTime(csv.get(c[6]).trim());
                    column = "shift_end";
                    end = Values.localDateTime(csv.get(c[7]).trim());
                    if (!end.isAfter(start)) {
                        throw new BadValue("must be after shift_start " + csv.get(c[6]).trim());
                    }
                    if (Duration.between(start, end).compareTo(LONGEST_SHIFT) > 0) {
                        throw new BadValue("shift is longer than 24 hours");
                    }
                    column = "hourly_cost";
                    hourlyCost = Values.money(csv.get(c[8]).trim());
                } catch (BadValue e) {
                    int index = switch (column) {
                        case "clinical" -> 3;
                        case "shift_start" -> 6;
                        case "shift_end" -> 7;
                        default -> 8;
                    };
                    context.reject(name, line, column, csv.get(c[index]), e.getMessage());
                    continue;
                }
                String roleGroupId = Values.slug(roleGroup);
                Boolean before = clinical.get(roleGroupId);
                if (before != null && before != isClinical) {
                    context.reject(name, line, "clinical", csv.get(c[3]), "role group " + roleGroup
                            + " was marked clinical=" + before + " on an earlier line");
                    continue;
                }
                if (!writeShift(context, name, line, staffId, locationId, service.isEmpty() ? null : service,
                        start, end, hourlyCost)) {
                    continue;
                }
                clinical.put(roleGroupId, isClinical);
                roleGroups.put(roleGroupId, roleGroup);
                StaffRow previous = staff.get(staffId);
                staff.put(staffId, new StaffRow(staffName, roleGroupId,
                        previous == null ? locationId : previous.firstLocation(), hourlyCost));
            }
            context.fileDone(csv.bytesRead());
        }
        roleGroups.forEach((id, label) -> context.append(file.getFileName().toString(), 0, ROLE_GROUPS, id, label,
                clinical.get(id)));
        staff.forEach((id, row) -> {
            StoredStaff earlier = stored.get(id);
            String home = earlier != null && earlier.homeLocationId() != null ? earlier.homeLocationId() : row.firstLocation();
            context.append(file.getFileName().toString(), 0, STAFF, id, row.name(), row.roleGroupId(), home, row.hourlyCost());
        });
    }

    /** Writes one shift row per calendar day the shift touches. */
    private static boolean writeShift(ImportContext context, String name, long line, String staffId, String locationId,
            String service, LocalDateTime start, LocalDateTime end, BigDecimal hourlyCost) {
        LocalDateTime from = start;
        while (from.isBefore(end)) {
            LocalDateTime midnight = from.toLocalDate().plusDays(1).atStartOfDay();
            LocalDateTime to = end.isBefore(midnight) ? end : midnight;
            if (!context.append(name, line, SHIFTS, staffId + "@" + from, staffId, locationId, service, from, to,
                    cost(from, to, hourlyCost))) {
                return false;
            }
            from = to;
        }
        return true;
    }

    static BigDecimal cost(LocalDateTime from, LocalDateTime to, BigDecimal hourlyCost) {
        // Seconds × rate ÷ 3600 in one rounding: exact hours like 1/3 hour have no finite decimal form.
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds()).multiply(hourlyCost)
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    private static boolean blank(ImportContext context, String name, long line, String column, String value) {
        if (value.isEmpty()) {
            context.reject(name, line, column, "", "is required but empty");
            return true;
        }
        return false;
    }
}
