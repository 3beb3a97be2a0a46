package org.caseload.trino;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The warehouse of the engine's own hand-computed fixture (same clinic, same rows, so the expected
 * numbers in the tests are the ones worked out for DuckDB), created once per JVM in the shared
 * cluster's {@code memory.caseload} schema. Timestamps are written as {@code timestamp '...'}
 * literals because Trino does not cast varchar to timestamp on INSERT ("Insert query has
 * mismatched column types"); everything else is as in the DuckDB fixture.
 */
final class TrinoWarehouse {
    private TrinoWarehouse() {}

    private static final String[] ROWS = {
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
            + " ('V1', 'P1', 'L1', 'primary_care', 'S1', " + ts("2024-01-10 09:00") + ", " + ts("2024-01-10 09:00") + ", " + ts("2024-01-10 09:10") + ", " + ts("2024-01-10 09:40") + ", 'completed', 100.00),"
            + " ('V2', 'P2', 'L1', 'primary_care', 'S1', " + ts("2024-01-10 10:00") + ", " + ts("2024-01-10 10:05") + ", " + ts("2024-01-10 10:15") + ", " + ts("2024-01-10 10:35") + ", 'completed', 80.00),"
            + " ('V3', 'P1', 'L1', 'primary_care', 'S1', " + ts("2024-01-11 09:00") + ", null, null, null, 'no_show', null),"
            + " ('V4', 'P3', 'L2', 'dental', 'S2', " + ts("2024-01-15 14:00") + ", " + ts("2024-01-15 14:00") + ", " + ts("2024-01-15 14:20") + ", " + ts("2024-01-15 15:20") + ", 'completed', 250.00),"
            + " ('V5', 'P2', 'L2', 'dental', 'S2', " + ts("2024-02-05 08:00") + ", null, null, null, 'cancelled', null),"
            + " ('V6', 'P1', 'L1', 'primary_care', 'S1', " + ts("2024-02-01 00:00") + ", " + ts("2024-02-01 00:00") + ", " + ts("2024-02-01 00:00") + ", " + ts("2024-02-01 00:45") + ", 'completed', 120.50),"
            + " ('V7', 'P2', 'L3', 'dental', 'S4', " + ts("2024-03-10 01:30") + ", " + ts("2024-03-10 01:30") + ", " + ts("2024-03-10 01:50") + ", " + ts("2024-03-10 03:20") + ", 'completed', 99.99)",
        // id, staff, location, service, started, ended, cost
        "insert into shifts values"
            + " ('SH1', 'S1', 'L1', 'primary_care', " + ts("2024-01-10 08:00") + ", " + ts("2024-01-10 16:00") + ", 800.00),"
            + " ('SH2', 'S3', 'L1', 'primary_care', " + ts("2024-01-10 08:00") + ", " + ts("2024-01-10 12:00") + ", 80.00),"
            + " ('SH3', 'S2', 'L2', 'dental', " + ts("2024-01-15 12:00") + ", " + ts("2024-01-15 18:00") + ", 720.00),"
            + " ('SH4', 'S1', 'L1', 'primary_care', " + ts("2024-02-01 00:00") + ", " + ts("2024-02-01 04:00") + ", 400.00),"
            + " ('SH5', 'S4', 'L3', 'dental', " + ts("2024-03-10 00:00") + ", " + ts("2024-03-10 06:00") + ", 540.00)",
    };

    private static String ts(String wallClock) {
        return "timestamp '" + wallClock + "'";
    }

    private static boolean loaded;

    /** The cluster with the fixture loaded; the first caller creates and fills the tables. */
    static synchronized TrinoCluster cluster() {
        TrinoCluster cluster = TrinoCluster.get();
        if (!loaded) {
            try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
                // The engine's DDL as-is: on Trino, jOOQ leaves out the NOT NULL and PRIMARY KEY parts.
                WarehouseDdl.createAll(DSL.using(c, SQLDialect.TRINO));
                for (String sql : ROWS) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("loading the fixture into Trino failed: " + e.getMessage(), e);
            }
            loaded = true;
        }
        return cluster;
    }

    /** An engine on the default model over the cluster's pool. */
    static Engine engine() {
        return new Engine(ModelLoader.loadDefault(), cluster().dataSource(), SQLDialect.TRINO);
    }

    /** Every row of {@code rs}, values normalized as the engine's result rows are. */
    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(normalize(rs.getObject(i)));
            }
            out.add(row);
        }
        return out;
    }

    static List<List<Object>> rows(List<Object[]> engineRows) {
        return engineRows.stream().map(r -> Arrays.asList(r.clone())).toList();
    }

    /** The engine's own rules (its Values class is package-private): integers as Long, JDBC dates as java.time. */
    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        if (v instanceof java.sql.Timestamp t) return t.toLocalDateTime();
        return v;
    }
}
