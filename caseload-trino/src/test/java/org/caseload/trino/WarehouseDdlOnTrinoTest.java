package org.caseload.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.warehouse.WarehouseSchema;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WarehouseDdl} on the memory connector, in a schema of its own so the checks that write
 * bad rows cannot disturb the fixture the engine tests read.
 */
class WarehouseDdlOnTrinoTest {
    private static final String SCHEMA = "ddl_check";

    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection c = TrinoCluster.get().connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + TrinoCluster.CATALOG + "." + SCHEMA);
        }
    }

    private static Connection connect() throws SQLException {
        Connection c = TrinoCluster.get().connect();
        c.setSchema(SCHEMA);
        return c;
    }

    @Test
    void createAllMakesEveryTableWithTheWarehouseTypesAndCanRunTwice() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            WarehouseDdl.createAll(DSL.using(c, SQLDialect.TRINO));
            WarehouseDdl.createAll(DSL.using(c, SQLDialect.TRINO)); // IF NOT EXISTS: the importers call it on every run
            Map<String, String> visits = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("select column_name, data_type from information_schema.columns"
                    + " where table_schema = '" + SCHEMA + "' and table_name = 'visits' order by ordinal_position")) {
                while (rs.next()) visits.put(rs.getString(1), rs.getString(2));
            }
            assertThat(visits).containsEntry("visit_id", "varchar(64)")
                    .containsEntry("scheduled_at", "timestamp(3)") // jOOQ's unsized TIMESTAMP: Trino's default precision
                    .containsEntry("status", "varchar(200)")
                    .containsEntry("charge_amount", "decimal(12,2)")
                    .hasSize(WarehouseSchema.VISITS.columns().size());
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = '" + SCHEMA + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(WarehouseSchema.TABLES.size());
            }
        }
    }

    /**
     * Known gap, not a failure: jOOQ's TRINO dialect renders neither NOT NULL nor the primary key.
     * Dropping the key is required (Trino has no key constraints); dropping NOT NULL is not, since
     * the memory connector enforces it, so on Trino the warehouse accepts a visit without a status.
     */
    @Test
    void trinoDdlHasNoNotNullAndNoPrimaryKey() throws SQLException {
        String ddl = WarehouseDdl.createTable(DSL.using(SQLDialect.TRINO), WarehouseSchema.LOCATIONS).getSQL();
        assertThat(ddl).isEqualTo("create table if not exists \"locations\" (\"location_id\" varchar(64), \"name\" varchar(200),"
                + " \"city\" varchar(200), \"region\" varchar(200), \"time_zone\" varchar(200))");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            WarehouseDdl.createAll(DSL.using(c, SQLDialect.TRINO));
            s.execute("insert into visits (visit_id, location_id, scheduled_at, status) values ('no-status', 'L1', timestamp '2024-01-01 09:00', null)");
            // What the column would do with NOT NULL in its DDL:
            s.execute("create table if not exists required_text (v varchar(10) not null)");
            assertThatThrownBy(() -> s.execute("insert into required_text values (null)"))
                    .hasMessageContaining("NULL value not allowed for NOT NULL column: v");
            // And why the key has to go: Trino's grammar has no table constraints.
            assertThatThrownBy(() -> s.execute("create table keyed (id varchar(64), constraint pk_keyed primary key (id))"))
                    .hasMessageContaining("mismatched input 'constraint'");
        }
    }
}
