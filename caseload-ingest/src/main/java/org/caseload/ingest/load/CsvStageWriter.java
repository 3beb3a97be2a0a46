package org.caseload.ingest.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.caseload.model.warehouse.ColumnType;
import org.caseload.model.warehouse.Table;

/**
 * DuckDB fast path: validated rows are written to a private CSV file, which DuckDB's parallel CSV
 * reader loads into the table in one statement when the table is finished.
 *
 * <p>Rows are formatted on a second thread ({@link BackgroundCsvWriter}) while the producer goes on.
 *
 * <p>Why not the JDBC Appender: it crosses JNI once per string value, which made it the largest
 * cost of an import (about 3 µs per visit row, three times the parsing of the source file). Writing
 * a plain, fully specified CSV costs a fraction of that, and DuckDB reads it on all cores.
 *
 * <p>The file is unambiguous by construction (see {@link CsvRowFormat}) and read with every option
 * spelled out and the column types given, so nothing is sniffed. The file lives in the temporary directory only for
 * the load and is deleted when the writer closes, after a failure too.
 *
 * <p>Keys: DuckDB's warehouse tables have no primary-key index (see {@code WarehouseDdl}), so this
 * writer keeps them unique itself. A table's rows are checked for a key repeated within the load;
 * a replacing load (or an upsert into an empty table) then inserts them; an upsert into a filled
 * table merges them ({@link DuckDbMerge}), so re-importing the same export leaves every stored row
 * untouched.
 */
final class CsvStageWriter implements TableWriter {

    private final Connection connection;
    private final Table table;
    private final LoadMode mode;
    private final Path file;
    private final BackgroundCsvWriter out;
    private boolean finished;

    private CsvStageWriter(Connection connection, Table table, LoadMode mode, Path file) throws IOException {
        this.connection = connection;
        this.table = table;
        this.mode = mode;
        this.file = file;
        this.out = new BackgroundCsvWriter(new CsvRowFormat(table),
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), "caseload-stage-" + table.name());
    }

    static CsvStageWriter open(Connection connection, Table table, LoadMode mode) throws SQLException {
        Path file = null;
        try {
            file = Files.createTempFile("caseload-load-" + table.name() + "-", ".csv");
            return new CsvStageWriter(connection, table, mode, file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new SQLException("cannot create a staging file for table " + table.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Object[] row) throws SQLException {
        try {
            out.write(row);
        } catch (IOException e) {
            throw new SQLException("cannot write the staging file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rows go to the stage file only; the database sees them in {@link #finish}. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public void finish() throws SQLException {
        try {
            out.finish();
        } catch (IOException e) {
            throw new SQLException("cannot write the staging file " + file + ": " + e.getMessage(), e);
        }
        finished = true;
        String target = quote(table.name());
        String columns = table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        if (mode == LoadMode.REPLACE_ALL || isEmpty(target)) {
            // The table was empty: insert, then look for repeats among exactly the rows just inserted.
            execute("insert into " + target + " (" + columns + ") select * from " + readCsv());
            RepeatedKeys.refuse(connection, table, target, quote(table.primaryKey()));
            return;
        }
        String stage = "temp.main." + quote("caseload_stage_" + table.name());
        try {
            execute("create or replace temporary table " + quote("caseload_stage_" + table.name()) + " as select * from " + readCsv());
            RepeatedKeys.refuse(connection, table, stage, quote(table.primaryKey()));
            DuckDbMerge.merge(connection, table, stage);
        } finally {
            execute("drop table if exists " + stage);
        }
    }

    /** DuckDB's CSV reader over the staging file with every option spelled out (see the class comment). */
    private String readCsv() {
        String columns = table.columns().stream()
                .map(c -> "'" + c.name() + "': '" + duckDbType(c.type()) + "'")
                .collect(Collectors.joining(", "));
        return "read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "', header = false, auto_detect = false,"
                + " delim = ',', quote = '\"', escape = '\"', new_line = '\\n', nullstr = '\\N', allow_quoted_nulls = false,"
                + " columns = {" + columns + "})";
    }

    private static String duckDbType(ColumnType type) {
        return switch (type) {
            case ID, TEXT -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case MONEY -> "DECIMAL(12,2)";
        };
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
            out.close();
        } finally {
            deleteQuietly(file);
        }
    }

    private void execute(String sql) throws SQLException {
        DuckDbMerge.execute(connection, sql);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static String quote(String identifier) {
        return DuckDbMerge.quote(identifier);
    }
}
