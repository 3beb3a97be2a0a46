package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DuckDB settings for the duration of one load. They are database-global, hence restored as soon as
 * the load ends.
 *
 * <ul>
 *   <li>At commit DuckDB checkpoints the new row groups and analyzes every string column for FSST
 *       compression; for id and code columns that analysis costs more than the whole insert and FSST
 *       is practically never chosen, so the load skips it.
 *   <li>{@code preserve_insertion_order = false}: an INSERT … SELECT over a parallel file read may
 *       then write the row groups in the order the threads finish, instead of buffering them back
 *       into file order. Warehouse tables have no meaningful row order (every query orders).
 * </ul>
 */
final class DuckDbLoadSettings implements AutoCloseable {
    private static final String DISABLED_COMPRESSION = "disabled_compression_methods";
    private static final String FSST = "fsst";
    private static final String INSERTION_ORDER = "preserve_insertion_order";

    private final Connection connection;
    private final List<String> restore;

    private DuckDbLoadSettings(Connection connection, List<String> restore) {
        this.connection = connection;
        this.restore = restore;
    }

    /** Applies the settings on a DuckDB connection; returns null when all are already in effect. */
    static DuckDbLoadSettings apply(Connection connection) throws SQLException {
        List<String> restore = new ArrayList<>();
        String disabled = current(connection, DISABLED_COMPRESSION);
        if (!disabled.toLowerCase(Locale.ROOT).contains(FSST)) {
            execute(connection, "set " + DISABLED_COMPRESSION + " = '" + (disabled.isEmpty() ? FSST : disabled + "," + FSST) + "'");
            restore.add(disabled.isEmpty() ? "reset " + DISABLED_COMPRESSION
                    : "set " + DISABLED_COMPRESSION + " = '" + disabled.replace("'", "''") + "'");
        }
        if (Boolean.parseBoolean(current(connection, INSERTION_ORDER))) {
            execute(connection, "set " + INSERTION_ORDER + " = false");
            restore.add("set " + INSERTION_ORDER + " = true");
        }
        return restore.isEmpty() ? null : new DuckDbLoadSettings(connection, restore);
    }

    private static String current(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('" + setting + "')::varchar")) {
            rs.next();
            String value = rs.getString(1);
            return value == null ? "" : value;
        }
    }

    @Override
    public void close() throws SQLException {
        for (String sql : restore) {
            execute(connection, sql);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
