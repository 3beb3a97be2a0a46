package org.caseload.ingest.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;

/**
 * Reads what earlier imports stored, so that a roster can refer to Synthea's organizations and a
 * re-import keeps what another source set (a roster's hourly cost survives a Synthea re-import).
 * Identifiers in the SQL are the warehouse schema's own constants.
 */
public final class WarehouseLookup {
    /** A stored staff row, as far as importers merge into it. */
    public record StoredStaff(String name, String roleGroupId, String homeLocationId, BigDecimal hourlyCost) {}

    private final Connection connection;

    WarehouseLookup(Connection connection) {
        this.connection = connection;
    }

    /** Primary keys of a warehouse table. */
    public Set<String> ids(Table table) {
        Set<String> ids = new HashSet<>();
        query("select " + table.primaryKey() + " from " + table.name(), rs -> ids.add(rs.getString(1)));
        return ids;
    }

    /** Location id to its time zone (an unreadable zone falls back to UTC rather than failing the import). */
    public Map<String, ZoneId> locationZones() {
        Map<String, ZoneId> zones = new HashMap<>();
        query("select location_id, time_zone from " + WarehouseSchema.LOCATIONS.name(), rs -> {
            ZoneId zone;
            try {
                zone = ZoneId.of(rs.getString(2));
            } catch (DateTimeException e) {
                zone = ZoneId.of("UTC");
            }
            zones.put(rs.getString(1), zone);
        });
        return zones;
    }

    public Map<String, StoredStaff> staff() {
        Map<String, StoredStaff> staff = new HashMap<>();
        query("select staff_id, name, role_group_id, home_location_id, hourly_cost from " + WarehouseSchema.STAFF.name(),
                rs -> staff.put(rs.getString(1), new StoredStaff(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5))));
        return staff;
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.accept(rs);
            }
        } catch (SQLException e) {
            throw new ImportRun.DatabaseFailure(e);
        }
    }
}
