package org.caseload.ingest.load;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.Table;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL and MySQL-family fast path: rows go into a temporary staging table by the server's bulk
 * route — {@code COPY … FROM STDIN} in CSV on PostgreSQL, multi-row {@code INSERT}s of bind values on
 * MariaDB/MySQL — and reach the warehouse table in one set-based statement when the table is done.
 *
 * <p>The stage lets every backend refuse a key repeated within the load the same way (one GROUP BY
 * over the stage) and merge in one statement: a plain insert for a replacing load, else PostgreSQL's
 * {@code ON CONFLICT DO UPDATE … WHERE} (rows whose values are unchanged are left alone) or MySQL's
 * {@code ON DUPLICATE KEY UPDATE} (which does not rewrite a row whose values are the same). Temporary
 * tables are per session and dropped when the writer closes; everything runs in the load's transaction.
 */
final class ServerStageWriter implements TableWriter {
    /** Rows per multi-row INSERT: 11 columns × 500 stays far below MySQL's 65,535 placeholders. */
    static final int ROWS_PER_INSERT = 500;
    private static final int COPY_CHUNK = 1 << 20;

    private final Connection connection;
    private final DSLContext dsl;
    private final Table table;
    private final LoadMode mode;
    private final String stage;
    private final boolean postgres;
    // PostgreSQL
    private final CsvRowFormat format;
    private final ByteArrayOutputStream copyBuffer = new ByteArrayOutputStream(COPY_CHUNK + 4096);
    // MySQL family
    private final List<Object> pendingValues = new ArrayList<>();
    private int pendingRows;
    private PreparedStatement fullInsert;

    private ServerStageWriter(Connection connection, DSLContext dsl, Table table, LoadMode mode) {
        this.connection = connection;
        this.dsl = dsl;
        this.table = table;
        this.mode = mode;
        this.stage = "caseload_stage_" + table.name();
        this.postgres = dsl.dialect().family() == SQLDialect.POSTGRES;
        this.format = new CsvRowFormat(table);
    }

    static ServerStageWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException {
        ServerStageWriter writer = new ServerStageWriter(connection, dsl, table, mode);
        writer.createStage();
        return writer;
    }

    private void createStage() throws SQLException {
        execute("drop temporary table if exists " + q(stage), "drop table if exists " + q(stage));
        // Same columns and types as the warehouse table (jOOQ's DDL per dialect), no key: repeats are checked below.
        var create = dsl.createTemporaryTable(DSL.name(stage));
        org.jooq.CreateTableElementListStep step = null;
        for (Column c : table.columns()) {
            step = (step == null ? create : step).column(DSL.name(c.name()), WarehouseDdl.ddlType(c.type(), dsl.dialect()));
        }
        executeOne(dsl.render(step));
    }

    @Override
    public void write(Object[] row) throws SQLException {
        if (postgres) {
            try {
                format.write(row, copyBuffer);
            } catch (java.io.IOException e) {
                throw new SQLException(e); // a ByteArrayOutputStream does not fail
            }
            if (copyBuffer.size() >= COPY_CHUNK) {
                flushCopy();
            }
        } else {
            Collections.addAll(pendingValues, row);
            if (++pendingRows == ROWS_PER_INSERT) {
                flushInserts();
            }
        }
    }

    /**
     * One COPY per chunk rather than one per table: a connection can run a single COPY at a time, and
     * a load writes several tables in turn (locations, then staff, …) with their writers all open.
     */
    private void flushCopy() throws SQLException {
        String columns = table.columns().stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + q(stage) + " (" + columns
                + ") from stdin with (format csv, null '\\N')");
        try {
            byte[] bytes = copyBuffer.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        copyBuffer.reset();
    }

    private void flushInserts() throws SQLException {
        if (pendingRows == 0) {
            return;
        }
        PreparedStatement statement;
        if (pendingRows == ROWS_PER_INSERT) {
            if (fullInsert == null) {
                fullInsert = connection.prepareStatement(insertSql(ROWS_PER_INSERT));
            }
            statement = fullInsert;
        } else {
            statement = connection.prepareStatement(insertSql(pendingRows));
        }
        try {
            for (int i = 0; i < pendingValues.size(); i++) {
                statement.setObject(i + 1, pendingValues.get(i));
            }
            statement.executeUpdate();
        } finally {
            if (statement != fullInsert) {
                statement.close();
            }
        }
        pendingValues.clear();
        pendingRows = 0;
    }

    /** One INSERT of {@code rows} rows of placeholders, rendered by jOOQ for the connection's dialect. */
    private String insertSql(int rows) {
        List<Field<?>> fields = fields();
        var insert = dsl.insertInto(DSL.table(DSL.name(stage)), fields);
        var values = insert.values(placeholders(fields));
        for (int i = 1; i < rows; i++) {
            values = values.values(placeholders(fields));
        }
        Query query = values;
        return dsl.render(query);
    }

    private static List<Param<?>> placeholders(List<Field<?>> fields) {
        List<Param<?>> params = new ArrayList<>(fields.size());
        for (Field<?> f : fields) {
            params.add(DSL.param(f.getName(), f.getDataType()));
        }
        return params;
    }

    private List<Field<?>> fields() {
        List<Field<?>> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(DSL.field(DSL.name(c.name()), WarehouseDdl.dataType(c.type())));
        }
        return fields;
    }

    @Override
    public void finish() throws SQLException {
        if (postgres) {
            if (copyBuffer.size() > 0) {
                flushCopy();
            }
        } else {
            flushInserts();
        }
        RepeatedKeys.refuse(connection, table, q(stage), q(table.primaryKey()));
        String target = q(table.name());
        String columns = table.columns().stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
        String insert = "insert into " + target + " (" + columns + ") select " + columns + " from " + q(stage);
        List<Column> others = table.columns().stream().filter(c -> !c.name().equals(table.primaryKey())).toList();
        if (mode == LoadMode.UPSERT && !others.isEmpty()) {
            if (postgres) {
                insert += " on conflict (" + q(table.primaryKey()) + ") do update set "
                        + others.stream().map(c -> q(c.name()) + " = excluded." + q(c.name())).collect(Collectors.joining(", "))
                        + " where (" + others.stream().map(c -> target + "." + q(c.name())).collect(Collectors.joining(", "))
                        + ") is distinct from (" + others.stream().map(c -> "excluded." + q(c.name())).collect(Collectors.joining(", "))
                        + ")";
            } else {
                insert += " on duplicate key update "
                        + others.stream().map(c -> q(c.name()) + " = values(" + q(c.name()) + ")").collect(Collectors.joining(", "));
            }
        }
        executeOne(insert);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (fullInsert != null) {
                fullInsert.close();
            }
        } finally {
            fullInsert = null;
            // After a failed statement PostgreSQL refuses everything until the rollback, which drops the stage anyway.
            try {
                execute("drop temporary table if exists " + q(stage), "drop table if exists " + q(stage));
            } catch (SQLException e) {
                if (!postgres) {
                    throw e;
                }
            }
        }
    }

    private void execute(String mysql, String postgresql) throws SQLException {
        executeOne(postgres ? postgresql : mysql);
    }

    private void executeOne(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String q(String identifier) {
        return dsl.render(DSL.name(identifier));
    }
}
