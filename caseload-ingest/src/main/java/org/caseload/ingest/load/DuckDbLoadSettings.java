package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * DuckDB settings for the duration of one load. At commit DuckDB checkpoints the new row groups and
 * analyzes every string column for FSST compression; for id and code columns that analysis costs
 * more than the whole insert and FSST is practically never chosen, so the load skips it. The setting
 * is database-global, hence restored as soon as the load ends.
 */
final class DuckDbLoadSettings implements AutoCloseable {
    private static final String DISABLED_COMPRESSION = "disabled_compression_methods";
    private static final String FSST = "fsst";

    private final Connection connection;
    private final String previous;

    private DuckDbLoadSettings(Connection connection, String previous) {
        this.connection = connection;
        this.previous = previous;
    }

    /** Applies the settings on a DuckDB connection; returns null elsewhere or when already in effect. */
    static DuckDbLoadSettings apply(Connection connection) throws SQLException {
        String previous = current(connection);
        if (previous.toLowerCase(Locale.ROOT).contains(FSST)) {
            return null;
        }
        String disabled = previous.isEmpty() ? FSST : previous + "," + FSST;
        execute(connection, "set " + DISABLED_COMPRESSION + " = '" + disabled + "'");
        return new DuckDbLoadSettings(connection, previous);
    }

    private static String current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('" + DISABLED_COMPRESSION + "')")) {
            rs.next();
            String value = rs.getString(1);
            return value == null ? "" : value;
        }
    }

    @Override
    public void close() throws SQLException {
        execute(connection, previous.isEmpty() ? "reset " + DISABLED_COMPRESSION
                : "set " + DISABLED_COMPRESSION + " = '" + previous.replace("'", "''") + "'");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
