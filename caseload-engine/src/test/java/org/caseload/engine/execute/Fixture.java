package org.caseload.engine.execute;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A small clinic written with plain SQL, small enough that every expected value in the tests is
 * worked out by hand in comments there. Names are chosen to break naive inlining (a quote, a
 * backslash, non-ASCII letters) and times sit on midnight and on DST change days.
 */
final class Fixture {
    private Fixture() {}

    static final String[] SQL = {
        "insert into locations values"
            + " ('L1', 'Riverside', 'Springfield', 'North', 'America/New_York'),"
            + " ('L2', 'O''Brien Family Clinic', 'Shelbyville', 'South', 'America/Chicago'),"
            + " ('L3', 'Zoë Ørsted Care', 'Back\\slash', 'South', 'Europe/Berlin')",
        "insert into services values ('primary_care', 'Primary care'), ('dental', 'Dental')",
        "insert into role_groups values ('physician', 'Physician', true), ('front_desk', 'Front desk', false)",
        "insert into staff values"
            + " ('S1', 'Ann Lee', 'physician', 'L1', 100.00),"
            + " ('S2', 'Bob Ng', 'physician', 'L2', 120.00),"
            + " ('S3', 'Cat Diaz', 'front_desk', 'L1', 20.00),"
            + " ('S4', 'Dan \\ O''Neil', 'physician', 'L3', 90.00)",
        "insert into patients values ('P1', 1980, 'female'), ('P2', 2010, 'male'), ('P3', null, null)",
        // id, patient, location, service, staff, scheduled, checked_in, started, ended, status, charge
        "insert into visits values"
            + " ('V1', 'P1', 'L1', 'primary_care', 'S1', '2024-01-10 09:00', '2024-01-10 09:00', '2024-01-10 09:10', '2024-01-10 09:40', 'completed', 100.00),"
            + " ('V2', 'P2', 'L1', 'primary_care', 'S1', '2024-01-10 10:00', '2024-01-10 10:05', '2024-01-10 10:15', '2024-01-10 10:35', 'completed', 80.00),"
            + " ('V3', 'P1', 'L1', 'primary_care', 'S1', '2024-01-11 09:00', null, null, null, 'no_show', null),"
            + " ('V4', 'P3', 'L2', 'dental', 'S2', '2024-01-15 14:00', '2024-01-15 14:00', '2024-01-15 14:20', '2024-01-15 15:20', 'completed', 250.00),"
            + " ('V5', 'P2', 'L2', 'dental', 'S2', '2024-02-05 08:00', null, null, null, 'cancelled', null),"
            + " ('V6', 'P1', 'L1', 'primary_care', 'S1', '2024-02-01 00:00', '2024-02-01 00:00', '2024-02-01 00:00', '2024-02-01 00:45', 'completed', 120.50),"
            // US DST starts 2024-03-10 02:00; local wall-clock minutes count as written.
            + " ('V7', 'P2', 'L3', 'dental', 'S4', '2024-03-10 01:30', '2024-03-10 01:30', '2024-03-10 01:50', '2024-03-10 03:20', 'completed', 99.99)",
        // id, staff, location, service, started, ended, cost
        "insert into shifts values"
            + " ('SH1', 'S1', 'L1', 'primary_care', '2024-01-10 08:00', '2024-01-10 16:00', 800.00),"
            + " ('SH2', 'S3', 'L1', 'primary_care', '2024-01-10 08:00', '2024-01-10 12:00', 80.00),"
            + " ('SH3', 'S2', 'L2', 'dental', '2024-01-15 12:00', '2024-01-15 18:00', 720.00),"
            + " ('SH4', 'S1', 'L1', 'primary_care', '2024-02-01 00:00', '2024-02-01 04:00', 400.00),"
            + " ('SH5', 'S4', 'L3', 'dental', '2024-03-10 00:00', '2024-03-10 06:00', 540.00)",
    };

    /** Creates the warehouse in a fresh DuckDB file and fills it. */
    static Path create(Path dir) throws SQLException {
        Path file = dir.resolve("fixture.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            WarehouseDdl.createAll(DSL.using(c, SQLDialect.DUCKDB));
            try (Statement s = c.createStatement()) {
                for (String sql : SQL) {
                    s.execute(sql);
                }
            }
        }
        return file;
    }
}
