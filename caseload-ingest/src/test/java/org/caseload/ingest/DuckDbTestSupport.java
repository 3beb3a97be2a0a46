package org.caseload.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opens DuckDB files and fingerprints tables with SQL written independently of the code under test. */
public final class DuckDbTestSupport {
    /** Warehouse tables and their primary keys, spelled out here rather than read from the schema. */
    private static final Map<String, String> TABLE_KEYS = new LinkedHashMap<>();

    static {
        TABLE_KEYS.put("locations", "location_id");
        TABLE_KEYS.put("services", "service_id");
        TABLE_KEYS.put("role_groups", "role_group_id");
        TABLE_KEYS.put("staff", "staff_id");
        TABLE_KEYS.put("patients", "patient_id");
        TABLE_KEYS.put("visits", "visit_id");
        TABLE_KEYS.put("shifts", "shift_id");
    }

    private DuckDbTestSupport() {}

    public static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    /** Row count, order-independent hash sum and an ordered digest of every column of one table. */
    public static String checksum(Connection c, String table) throws SQLException {
        String key = TABLE_KEYS.get(table);
        return queryString(c, "select count(*) || ':' || coalesce(sum(hash(t)), 0) || ':'"
                + " || coalesce(md5(string_agg(cast(t as varchar), chr(10) order by " + key + ")), '-')"
                + " from " + table + " t");
    }

    /** Checksums of all warehouse tables that exist; missing tables are reported as such. */
    public static Map<String, String> checksums(Connection c) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        List<String> existing = tables(c);
        for (String table : TABLE_KEYS.keySet()) {
            sums.put(table, existing.contains(table) ? checksum(c, table) : "missing");
        }
        return sums;
    }

    public static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() order by table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    public static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getString(1);
        }
    }

    public static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getLong(1);
        }
    }

    public static double queryDouble(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getDouble(1);
        }
    }

    /** All rows of a query as lists of column values rendered by the database. */
    public static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
