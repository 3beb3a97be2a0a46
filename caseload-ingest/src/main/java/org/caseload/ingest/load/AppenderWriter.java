package org.caseload.ingest.load;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.ColumnType;
import org.caseload.model.warehouse.Table;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB fast path: the Appender writes column chunks without SQL parsing or per-row binding.
 *
 * <p>Rows go to a constraint-free temporary staging table first and reach the real table in one
 * {@code INSERT ... SELECT} when the table is finished. The JDBC Appender flushes every 2048-row
 * chunk into its table, and each such flush into a table with a primary key pays for index
 * maintenance; one set-based insert does that work once, several times faster. Both steps run in
 * the load's transaction, so a rollback discards staged and inserted rows alike.
 */
final class AppenderWriter implements TableWriter {
    private static final String STAGE_PREFIX = "caseload_stage_";

    private final DuckDBConnection connection;
    private final Table table;
    private final String stage;
    private final DuckDBAppender appender;
    private final ColumnType[] types;

    private AppenderWriter(DuckDBConnection connection, Table table, String stage, DuckDBAppender appender) {
        this.connection = connection;
        this.table = table;
        this.stage = stage;
        this.appender = appender;
        this.types = table.columns().stream().map(Column::type).toArray(ColumnType[]::new);
    }

    static AppenderWriter open(DuckDBConnection connection, Table table) throws SQLException {
        requireColumnOrder(connection, table);
        String stage = STAGE_PREFIX + table.name();
        execute(connection, "create or replace temporary table " + quote(stage) + " as select * from "
                + quote(table.name()) + " limit 0");
        DuckDBAppender appender = connection.createAppender("temp", "main", stage);
        return new AppenderWriter(connection, table, stage, appender);
    }

    /** The Appender fills columns by position, so a table created with another layout would mix values up. */
    private static void requireColumnOrder(DuckDBConnection connection, Table table) throws SQLException {
        List<String> actual = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select column_name from information_schema.columns"
                + " where table_catalog = current_database() and table_schema = current_schema()"
                + " and table_name = ? order by ordinal_position")) {
            statement.setString(1, table.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    actual.add(rs.getString(1));
                }
            }
        }
        if (!actual.equals(table.columnNames())) {
            throw new SQLException("table " + table.name() + " has columns " + actual + ", expected "
                    + table.columnNames() + "; recreate it with the current warehouse schema");
        }
    }

    @Override
    public void write(Object[] row) throws SQLException {
        appender.beginRow();
        for (int i = 0; i < types.length; i++) {
            appendValue(types[i], row[i]);
        }
        appender.endRow();
    }

    private void appendValue(ColumnType type, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case ID, TEXT -> appender.append((String) value);
            case INTEGER -> appender.append(((Integer) value).intValue());
            case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
            case TIMESTAMP -> appender.append((LocalDateTime) value);
            case MONEY -> appender.append((BigDecimal) value);
        }
    }

    @Override
    public void finish() throws SQLException {
 long t0=System.nanoTime();       appender.flush();
        execute(connection, "insert into " + quote(table.name()) + " select * from temp.main." + quote(stage));
 System.err.printf("TIMING insert %s %.2f%n", table.name(), (System.nanoTime()-t0)/1e9);   }

    @Override
    public void close() throws SQLException {
        try {
            appender.close();
        } finally {
            execute(connection, "drop table if exists temp.main." + quote(stage));
        }
    }

    private static void execute(DuckDBConnection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
