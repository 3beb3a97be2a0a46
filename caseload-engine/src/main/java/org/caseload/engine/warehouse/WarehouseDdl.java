package org.caseload.engine.warehouse;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.name;

import java.util.List;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.ColumnType;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;

/**
 * Creates the warehouse tables for the connection's dialect through jOOQ's DDL API, so the same
 * schema definition yields DuckDB, PostgreSQL, MySQL-family and Trino DDL without string SQL.
 */
public final class WarehouseDdl {
    private WarehouseDdl() {}

    /** jOOQ type of a portable column type. Text lengths are bounded because MySQL needs them for keys. */
    public static DataType<?> dataType(ColumnType type) {
        return switch (type) {
            case ID -> SQLDataType.VARCHAR(64);
            case TEXT -> SQLDataType.VARCHAR(200);
            case INTEGER -> SQLDataType.INTEGER;
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case TIMESTAMP -> SQLDataType.LOCALDATETIME; // precision left out: jOOQ renders "timestamp without time zone(0)" for DuckDB
            case MONEY -> SQLDataType.DECIMAL(12, 2);
        };
    }

    /**
     * Characters a value of the type may have, as the DDL declares them (DuckDB ignores VARCHAR(n), so
     * the loader holds every database to what MySQL would refuse); {@link Integer#MAX_VALUE} for
     * types without a length.
     */
    public static int maxLength(ColumnType type) {
        DataType<?> dataType = dataType(type);
        return dataType.lengthDefined() ? dataType.length() : Integer.MAX_VALUE;
    }

    /** CREATE TABLE IF NOT EXISTS statements for every warehouse table, in dependency order. */
    public static List<Query> createStatements(DSLContext dsl) {
        return WarehouseSchema.TABLES.stream().map(t -> createTable(dsl, t)).toList();
    }

    /**
     * The column type as the DDL of {@code dialect} declares it. jOOQ writes TIMESTAMP for MySQL and
     * MariaDB, whose TIMESTAMP only spans 1970–2038 and is converted through the session time zone;
     * warehouse times are local wall-clock values of any year, which is DATETIME there.
     */
    public static DataType<?> ddlType(ColumnType type, SQLDialect dialect) {
        SQLDialect family = dialect.family();
        if (type == ColumnType.TIMESTAMP && (family == SQLDialect.MYSQL || family == SQLDialect.MARIADB)) {
            return org.jooq.impl.DefaultDataType.getDefaultDataType(dialect, "datetime");
        }
        return dataType(type);
    }

    public static Query createTable(DSLContext dsl, Table table) {
        CreateTableElementListStep step = dsl.createTableIfNotExists(name(table.name()));
        for (Column column : table.columns()) {
            DataType<?> type = ddlType(column.type(), dsl.dialect()).nullable(column.nullable());
            step = step.column(name(column.name()), type);
        }
        if (dsl.dialect().family() == SQLDialect.DUCKDB) {
            // DuckDB keeps a primary key as an ART index, which costs more to build on a bulk load than
            // the rest of the load and is used by no analytics query; the loader keeps keys unique
            // instead (it refuses repeated keys and upserts by key). Other databases keep the key:
            // their upserts (ON CONFLICT, ON DUPLICATE KEY) need it.
            return step;
        }
        return step.constraint(constraint(name("pk_" + table.name())).primaryKey(name(table.primaryKey())));
    }

    /** Creates any missing warehouse table; existing tables are left as they are. */
    public static void createAll(DSLContext dsl) {
        for (Query q : createStatements(dsl)) {
            q.execute();
        }
    }
}
