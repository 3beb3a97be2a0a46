package org.caseload.app.servers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The {@link org.caseload.app.support.Clinic} fixture — two locations, nine visits, two shifts —
 * written with plain JDBC into a warehouse created by {@link WarehouseDdl} on any database, so that
 * every expected value below is worked out by hand:
 *
 * <pre>
 * January 2024 ([2024-01-01, 2024-02-01))  Alder (L1)            Birch (L2)
 *   visits (completed)                      2  (a1 a2)            2  (b1 b2)
 *   booked (completed + no-show)            3  (+ a3)             2  (b3 is cancelled)
 *   no-shows                                1                     0
 *   charges                                 180.00 (100 + 80)     400.00 (250 + 150)
 *   staff cost (shifts)                     800.00                720.00
 *   staff cost per visit                    400.00                360.00
 *   average wait (check-in to start)        5 min ((10 + 0) / 2)  10 min ((20 + 0) / 2)
 *   utilization (visit / clinical minutes)  50 / 480              100 / 360
 * December 2023: 3 visits (a0 b0 b00), charges 220.00 (90 + 60 + 70).
 * </pre>
 */
final class ServerClinic {
    static final String L1 = "loc-alder";
    static final String L2 = "loc-birch";

    private ServerClinic() {}

    /** Creates the warehouse tables and writes the clinic. */
    static void create(Connection c, SQLDialect dialect) throws SQLException {
        WarehouseDdl.createAll(DSL.using(c, dialect));
        insert(c);
    }

    static void insert(Connection c) throws SQLException {
        rows(c, "insert into locations (location_id, name, city, region, time_zone) values (?, ?, ?, ?, ?)",
                new Object[] {L1, "Alder Clinic", "Alderton", "North", "Europe/Berlin"},
                new Object[] {L2, "Birch Clinic", "Birchwood", "South", "Europe/Berlin"});
        rows(c, "insert into role_groups (role_group_id, name, clinical) values (?, ?, ?)",
                new Object[] {"rg-clinical", "Clinician", true});
        rows(c, "insert into staff (staff_id, name, role_group_id, home_location_id, hourly_cost) values (?, ?, ?, ?, ?)",
                new Object[] {"s1", "Ann Lee", "rg-clinical", L1, new BigDecimal("100.00")},
                new Object[] {"s2", "Bob Ng", "rg-clinical", L2, new BigDecimal("120.00")});
        rows(c, "insert into patients (patient_id, birth_year, sex) values (?, ?, ?)",
                new Object[] {"p1", 1980, "female"}, new Object[] {"p2", 2010, "male"}, new Object[] {"p3", null, null});
        visit(c, "a1", L1, "s1", "p1", "2024-01-10T09:00", "completed", 10, 30, "100.00");
        visit(c, "a2", L1, "s1", "p2", "2024-01-10T10:00", "completed", 0, 20, "80.00");
        visit(c, "a3", L1, "s1", "p1", "2024-01-11T09:00", "no_show", 0, 0, null);
        visit(c, "a0", L1, "s1", "p1", "2023-12-05T09:00", "completed", 0, 30, "90.00");
        visit(c, "b1", L2, "s2", "p3", "2024-01-15T14:00", "completed", 20, 60, "250.00");
        visit(c, "b2", L2, "s2", "p3", "2024-01-16T09:00", "completed", 0, 40, "150.00");
        visit(c, "b3", L2, "s2", "p2", "2024-01-17T09:00", "cancelled", 0, 0, null);
        visit(c, "b0", L2, "s2", "p2", "2023-12-06T09:00", "completed", 0, 30, "60.00");
        visit(c, "b00", L2, "s2", "p3", "2023-12-07T09:00", "completed", 0, 30, "70.00");
        rows(c, "insert into shifts (shift_id, staff_id, location_id, service_id, started_at, ended_at, cost_amount)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                new Object[] {"sh1", "s1", L1, null, at("2024-01-10T08:00"), at("2024-01-10T16:00"), new BigDecimal("800.00")},
                new Object[] {"sh2", "s2", L2, null, at("2024-01-15T12:00"), at("2024-01-15T18:00"), new BigDecimal("720.00")});
    }

    /** The query of the January table above, as an API body. */
    static final String JANUARY_BY_LOCATION = """
            {"metrics": ["visits", "booked", "no_shows", "charges", "staff_cost", "staff_cost_per_visit",
                         "avg_wait_minutes", "utilization"],
             "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}""";

    private static void visit(Connection c, String id, String location, String staff, String patient, String scheduled,
                              String status, int wait, int length, String charge) throws SQLException {
        LocalDateTime at = at(scheduled);
        boolean done = status.equals("completed");
        rows(c, "insert into visits (visit_id, patient_id, location_id, service_id, staff_id, scheduled_at, checked_in_at,"
                        + " started_at, ended_at, status, charge_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new Object[] {id, patient, location, null, staff, at, done ? at : null, done ? at.plusMinutes(wait) : null,
                        done ? at.plusMinutes(wait + length) : null, status, charge == null ? null : new BigDecimal(charge)});
    }

    private static LocalDateTime at(String iso) {
        return LocalDateTime.parse(iso);
    }

    private static void rows(Connection c, String sql, Object[]... rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) ps.setObject(i + 1, row[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
