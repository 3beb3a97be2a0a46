package org.caseload.ingest.load;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 *
 * <p>An upsert merges the stage with {@code INSERT ... ON CONFLICT (key) DO UPDATE}, after checking
 * that the stage repeats no key (DuckDB cannot update one row twice in a statement, and which of two
 * rows should win is unknowable anyway). Into an empty table the plain insert is used: nothing can
 * conflict, and it avoids the index probe per row.
 */
final class AppenderWriter implements TableWriter {
    private static final String STAGE_PREFIX = "caseload_stage_";

    /** Repeated keys named in the error; the count says how many more there are. */
    private static final int DUPLICATES_SHOWN = 5;

    private final DuckDBConnection connection;
    private final Table table;
    private final LoadMode mode;
    private final String stage;
    private final DuckDBAppender appender;
    private final ColumnType[] types;
    /** Per TIMESTAMP column, how many stored units make a second (TIMESTAMP_S 1, TIMESTAMP 10^6, ...). */
    private final long[] unitsPerSecond;

    private AppenderWriter(DuckDBConnection connection, Table table, LoadMode mode, String stage,
            DuckDBAppender appender, long[] unitsPerSecond) {
        this.connection = connection;
        this.table = table;
        this.mode = mode;
        this.stage = stage;
        this.appender = appender;
        this.types = table.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        this.unitsPerSecond = unitsPerSecond;
    }

    static AppenderWriter open(DuckDBConnection connection, Table table, LoadMode mode) throws SQLException {
        long[] unitsPerSecond = timestampUnits(table, storedTypes(connection, table));
        String stage = STAGE_PREFIX + table.name();
        execute(connection, "create or replace temporary table " + quote(stage) + " as select * from "
                + quote(table.name()) + " limit 0");
        DuckDBAppender appender = connection.createAppender("temp", "main", stage);
        return new AppenderWriter(connection, table, mode, stage, appender, unitsPerSecond);
    }

    /**
     * Column names and DuckDB types in table order. The Appender fills columns by position, so a table
     * created with another layout would silently mix values up; refuse it instead.
     */
    private static List<String> storedTypes(DuckDBConnection connection, Table table) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select column_name, data_type"
                + " from information_schema.columns where table_catalog = current_database()"
                + " and table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            statement.setString(1, table.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    types.add(rs.getString(2));
                }
            }
        }
        if (!names.equals(table.columnNames())) {
            throw new SQLException("table " + table.name() + " has columns " + names + ", expected "
                    + table.columnNames() + "; recreate it with the current warehouse schema");
        }
        return types;
    }

    /** The DDL decides the timestamp precision; converting to its unit here skips a slower generic path. */
    private static long[] timestampUnits(Table table, List<String> storedTypes) throws SQLException {
        long[] units = new long[storedTypes.size()];
        for (int i = 0; i < units.length; i++) {
            if (table.columns().get(i).type() == ColumnType.TIMESTAMP) {
                units[i] = switch (storedTypes.get(i)) {
                    case "TIMESTAMP_S" -> 1L;
                    case "TIMESTAMP_MS" -> 1_000L;
                    case "TIMESTAMP" -> 1_000_000L;
                    case "TIMESTAMP_NS" -> 1_000_000_000L;
                    default -> throw new SQLException("table " + table.name() + ", column "
                            + table.columns().get(i).name() + ": unexpected type " + storedTypes.get(i));
                };
            }
        }
        return units;
    }

    @Override
    public void write(Object[] row) throws SQLException {
        appender.beginRow();
        for (int i = 0; i < types.length; i++) {
            appendValue(i, row[i]);
        }
        appender.endRow();
    }

    private void appendValue(int column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (types[column]) {
            case ID, TEXT -> appender.append((String) value);
            case INTEGER -> appender.append(((Integer) value).intValue());
            case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
            case TIMESTAMP -> appendTimestamp(unitsPerSecond[column], (LocalDateTime) value);
            case MONEY -> appender.append((BigDecimal) value);
        }
    }

    /** Whole seconds only: the validator has already dropped fractions, as TIMESTAMP(0) demands. */
    private void appendTimestamp(long units, LocalDateTime value) throws SQLException {
        long seconds = value.toEpochSecond(ZoneOffset.UTC);
        if (units == 1L) {
            appender.appendEpochSeconds(seconds);
        } else if (units == 1_000L) {
            appender.appendEpochMillis(seconds * units);
        } else if (units == 1_000_000L) {
            appender.appendEpochMicros(seconds * units);
        } else {
            appender.appendEpochNanos(seconds * units);
        }
    }

    @Override
    public void finish() throws SQLException {
        appender.flush();
        String staged = "temp.main." + quote(stage);
        String insert = "insert into " + quote(table.name()) + " select * from " + staged;
        if (mode == LoadMode.UPSERT) {
            refuseRepeatedKeys(staged);
            if (!isEmpty(quote(table.name()))) {
                insert += " on conflict (" + quote(table.primaryKey()) + ") do update set "
                        + table.columns().stream().filter(c -> !c.name().equals(table.primaryKey()))
                                .map(c -> quote(c.name()) + " = excluded." + quote(c.name()))
                                .collect(java.util.stream.Collectors.joining(", "));
            }
        }
        execute(connection, insert);
    }

    private void refuseRepeatedKeys(String staged) throws SQLException {
        String key = quote(table.primaryKey());
        List<String> repeated = new ArrayList<>();
        long total = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select " + key + ", count(*), count(*) over ()"
                        + " from " + staged + " group by " + key + " having count(*) > 1 order by " + key
                        + " limit " + DUPLICATES_SHOWN)) {
            while (rs.next()) {
                repeated.add("'" + rs.getString(1) + "' (" + rs.getLong(2) + " rows)");
                total = rs.getLong(3);
            }
        }
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("table " + table.name() + ": " + table.primaryKey() + " repeats within"
                    + " one load: " + String.join(", ", repeated)
                    + (total > repeated.size() ? " and " + (total - repeated.size()) + " more" : ""));
        }
    }

    private boolean isEmpty(String quotedTable) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select not exists (select 1 from " + quotedTable + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

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
