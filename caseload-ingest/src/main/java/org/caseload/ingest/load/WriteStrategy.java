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
    BATCH_INSERT {
        @Override
        TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) {
            return new BatchInsertWriter(dsl, table, mode);
        }
    };

    abstract TableWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException;

    static WriteStrategy forConnection(Connection connection) throws SQLException {
        return isDuckDb(connection) ? CSV_STAGE : BATCH_INSERT;
    }

    static SQLDialect dialect(Connection connection) throws SQLException {
        return isDuckDb(connection) ? SQLDialect.DUCKDB : JDBCUtils.dialect(connection);
    }

    /** Pools hand out proxies, so ask for the driver's class rather than testing the instance. */
    static boolean isDuckDb(Connection connection) throws SQLException {
        return connection.isWrapperFor(DuckDBConnection.class);
    }
}
