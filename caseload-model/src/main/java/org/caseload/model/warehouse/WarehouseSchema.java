package org.caseload.model.warehouse;

import static org.caseload.model.warehouse.Column.optional;
import static org.caseload.model.warehouse.Column.required;
import static org.caseload.model.warehouse.ColumnType.BOOLEAN;
import static org.caseload.model.warehouse.ColumnType.ID;
import static org.caseload.model.warehouse.ColumnType.INTEGER;
import static org.caseload.model.warehouse.ColumnType.MONEY;
import static org.caseload.model.warehouse.ColumnType.TEXT;
import static org.caseload.model.warehouse.ColumnType.TIMESTAMP;

import java.util.List;
import java.util.Optional;

/**
 * The warehouse tables: the contract between importers (which fill them) and the model (which
 * reads them). Timestamps are the location's local wall-clock time; money is DECIMAL(12,2); ids
 * are text because EMR ids are UUIDs. Patients are pseudonymous: no names, SSNs or addresses.
 */
public final class WarehouseSchema {
    public static final Table LOCATIONS = new Table("locations", "location_id", List.of(
            required("location_id", ID),
            required("name", TEXT),
            optional("city", TEXT),
            optional("region", TEXT),
            required("time_zone", TEXT)));

    public static final Table SERVICES = new Table("services", "service_id", List.of(
            required("service_id", ID),
            required("name", TEXT)));

    public static final Table ROLE_GROUPS = new Table("role_groups", "role_group_id", List.of(
            required("role_group_id", ID),
            required("name", TEXT),
            required("clinical", BOOLEAN)));

    public static final Table STAFF = new Table("staff", "staff_id", List.of(
            required("staff_id", ID),
            required("name", TEXT),
            optional("role_group_id", ID),
            optional("home_location_id", ID),
            optional("hourly_cost", MONEY)));

    public static final Table PATIENTS = new Table("patients", "patient_id", List.of(
            required("patient_id", ID),
            optional("birth_year", INTEGER),
            optional("sex", TEXT)));

    public static final Table VISITS = new Table("visits", "visit_id", List.of(
            required("visit_id", ID),
            optional("patient_id", ID),
            required("location_id", ID),
            optional("service_id", ID),
            optional("staff_id", ID),
            required("scheduled_at", TIMESTAMP),
            optional("checked_in_at", TIMESTAMP),
            optional("started_at", TIMESTAMP),
            optional("ended_at", TIMESTAMP),
            required("status", TEXT),
            optional("charge_amount", MONEY)));

    /** One row per calendar day a shift covers: overnight shifts are split at local midnight. */
    public static final Table SHIFTS = new Table("shifts", "shift_id", List.of(
            required("shift_id", ID),
            required("staff_id", ID),
            required("location_id", ID),
            optional("service_id", ID),
            required("started_at", TIMESTAMP),
            required("ended_at", TIMESTAMP),
            optional("cost_amount", MONEY)));

    /** In creation order: dimension tables before the facts that refer to them. */
    public static final List<Table> TABLES =
            List.of(LOCATIONS, SERVICES, ROLE_GROUPS, STAFF, PATIENTS, VISITS, SHIFTS);

    /** Visit statuses the importers may write. */
    public static final List<String> VISIT_STATUSES = List.of("completed", "no_show", "cancelled");

    private WarehouseSchema() {}

    public static Optional<Table> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
