package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB settings for the duration of one load. They are database-global, hence restored as soon as
 * the load ends.
 *
 * <p>{@code preserve_insertion_order = false}: an INSERT … SELECT over a parallel file read may then
 * write the row groups in the order the threads finish, instead of buffering them back into file
 * order. Warehouse tables have no meaningful row order (every query orders). Measured on 1M
 * encounters: 0.2–0.4 s less per million rows.
 *
 * <p>Not here: compression settings. DuckDB 2.0 (duckdb_jdbc 2.0.0.1) stores every warehouse string
 * column as DICT_FSST whether or not plain FSST is disabled, in the same time (measured on Synthea
 * encounters and on the demo's visits and patients, with and without); only turning off DICT_FSST
 * itself makes loads faster, by leaving every string column uncompressed, three times the file.
 */
final class DuckDbLoadSettings implements AutoCloseable {
    private static final String INSERTION_ORDER = "preserve_insertion_order";

    private final Connection connection;

    private DuckDbLoadSettings(Connection connection) {
        this.connection = connection;
    }

    /** Applies the settings on a DuckDB connection; returns null when they are already in effect. */
    static DuckDbLoadSettings apply(Connection connection) throws SQLException {
        if (!Boolean.parseBoolean(current(connection, INSERTION_ORDER))) {
            return null;
        }
        execute(connection, "set " + INSERTION_ORDER + " = false");
        return new DuckDbLoadSettings(connection);
    }

    private static String current(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('" + setting + "')::varchar")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        execute(connection, "set " + INSERTION_ORDER + " = true");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
