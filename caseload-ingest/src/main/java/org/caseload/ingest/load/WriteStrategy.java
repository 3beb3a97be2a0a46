package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import org.caseload.model.warehouse.Table;
import org.duckdb.DuckDBConnection;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;

/** How rows reach the database: a staged CSV file on DuckDB, jOOQ INSERT batches elsewhere. */
enum WriteStrategy {
    CSV_STAGE {
        @Override
        TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException {
            return CsvStageWriter.open(connection, table, mode);
        }
    },
    /** PostgreSQL and the MySQL family: a temporary stage filled by COPY or multi-row INSERTs, merged in one statement. */
    SERVER_STAGE {
        @Override
        TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException {
            return ServerStageWriter.open(connection, dsl, table, mode);
        }
    },
    /** Trino: multi-row INSERTs into the table itself (no temporary tables, no updates, no transactions). */
    TRINO_INSERT {
        @Override
        TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException {
            return TrinoInsertWriter.open(connection, dsl, table, mode);
        }
    },
    BATCH_INSERT {
        @Override
        TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) {
            return new BatchInsertWriter(dsl, table, mode);
        }
    };

    abstract TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException;

    static WriteStrategy forConnection(Connection connection) throws SQLException {
        return switch (dialect(connection).family()) {
            case DUCKDB -> CSV_STAGE;
            case POSTGRES, MYSQL, MARIADB -> SERVER_STAGE;
            case TRINO -> TRINO_INSERT;
            default -> BATCH_INSERT;
        };
    }

    /** From the connection's URL, as the rest of Caseload decides it; jOOQ's guess from metadata knows no Trino. */
    static SQLDialect dialect(Connection connection) throws SQLException {
        if (isDuckDb(connection)) {
            return SQLDialect.DUCKDB;
        }
        try {
            return org.caseload.engine.execute.Databases.dialectOf(connection.getMetaData().getURL());
        } catch (IllegalArgumentException e) {
            return JDBCUtils.dialect(connection);
        }
    }

    /** Pools hand out proxies, so ask for the driver's class rather than testing the instance. */
    static boolean isDuckDb(Connection connection) throws SQLException {
        return connection.isWrapperFor(DuckDBConnection.class);
    }
}
