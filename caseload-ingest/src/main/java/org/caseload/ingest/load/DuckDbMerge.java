package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.caseload.model.warehouse.Table;

/**
 * How rows staged for a filled DuckDB table join it (the staged CSV writer and {@link DirectLoad}):
 * stored rows whose key comes again with different values are deleted, then the rows whose key is
 * new or changed are inserted, so loading the same rows twice leaves every stored row untouched.
 */
final class DuckDbMerge {
    private DuckDbMerge() {}

    /** @param stage a relation holding this load's rows of {@code table}, keys already checked unique */
    static void merge(Connection connection, Table table, String stage) throws SQLException {
        String target = quote(table.name());
        String key = quote(table.primaryKey());
        String columns = table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        String changed = table.columns().stream().filter(c -> !c.name().equals(table.primaryKey()))
                .map(c -> "t." + quote(c.name()) + " is distinct from s." + quote(c.name()))
                .collect(Collectors.joining(" or "));
        execute(connection, "delete from " + target + " t using " + stage + " s where t." + key + " = s." + key
                + (changed.isEmpty() ? "" : " and (" + changed + ")"));
        execute(connection, "insert into " + target + " (" + columns + ") select s.* from " + stage + " s"
                + " where not exists (select 1 from " + target + " t where t." + key + " = s." + key + ")");
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
