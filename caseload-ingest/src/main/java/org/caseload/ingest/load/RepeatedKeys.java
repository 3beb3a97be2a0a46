package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.caseload.model.warehouse.Table;

/**
 * The one check every staged writer makes before its rows count: no primary key repeats among the
 * rows of one load. Which of two rows with one key should win is unknowable, and neither DuckDB's
 * key-less tables nor Trino's would stop it. Plain SQL that every backend runs alike.
 */
final class RepeatedKeys {
    private static final int SHOWN = 5;

    private RepeatedKeys() {}

    /**
     * @param relation the quoted stage or table holding exactly this load's rows
     * @param quotedKey the table's primary-key column, quoted for the dialect
     * @throws IllegalArgumentException naming up to five repeated keys and their row counts
     */
    static void refuse(Connection connection, Table table, String relation, String quotedKey) throws SQLException {
        List<String> repeated = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select " + quotedKey + ", count(*) from " + relation
                        + " group by " + quotedKey + " having count(*) > 1 order by " + quotedKey + " limit " + (SHOWN + 1))) {
            while (rs.next()) {
                repeated.add("'" + rs.getString(1) + "' (" + rs.getLong(2) + " rows)");
            }
        }
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("table " + table.name() + ": " + table.primaryKey() + " repeats within"
                    + " one load: " + String.join(", ", repeated.subList(0, Math.min(SHOWN, repeated.size())))
                    + (repeated.size() > SHOWN ? " and more" : ""));
        }
    }
}
