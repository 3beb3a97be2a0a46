package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.caseload.model.warehouse.Table;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Trino: multi-row INSERTs straight into the warehouse table, since each statement is a distributed
 * query (tens of milliseconds) and row-at-a-time batches would take minutes for a small load.
 *
 * <p>Trino's connectors differ in what they can write. The memory connector used by the tests, and
 * Hive tables without ACID, can insert but neither update nor take part in a transaction; so a load
 * into Trino is not atomic, and an upsert is accepted only into an empty table. In production Trino
 * reads Iceberg or Hive tables that a pipeline fills (see the README); these writes are for tests
 * and trials.
 */
final class TrinoInsertWriter implements TableWriter {
    static final int ROWS_PER_INSERT = 500;

    private final Connection connection;
    private final DSLContext dsl;
    private final Table table;
    private final List<Object> pending = new ArrayList<>();
    private int pendingRows;

    private TrinoInsertWriter(Connection connection, DSLContext dsl, Table table) {
        this.connection = connection;
        this.dsl = dsl;
        this.table = table;
    }

    static TrinoInsertWriter open(Connection connection, DSLContext dsl, Table table, LoadMode mode) throws SQLException {
        if (mode == LoadMode.UPSERT && dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name(table.name()))))) {
            throw new IllegalArgumentException("table " + table.name() + " already has rows, and Trino connectors such as"
                    + " the memory connector cannot update them: import into empty tables, or fill Iceberg tables with a"
                    + " pipeline and let Caseload read them");
        }
        return new TrinoInsertWriter(connection, dsl, table);
    }

    @Override
    public void write(Object[] row) throws SQLException {
        Collections.addAll(pending, row);
        if (++pendingRows == ROWS_PER_INSERT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pendingRows == 0) {
            return;
        }
        String columns = table.columns().stream().map(c -> dsl.render(DSL.name(c.name()))).collect(Collectors.joining(", "));
        String row = "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        String sql = "insert into " + dsl.render(DSL.name(table.name())) + " (" + columns + ") values "
                + String.join(", ", Collections.nCopies(pendingRows, row));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < pending.size(); i++) {
                statement.setObject(i + 1, pending.get(i));
            }
            statement.executeUpdate();
        }
        pending.clear();
        pendingRows = 0;
    }

    @Override
    public void finish() throws SQLException {
        flush();
        // The table was empty before this load (see open), so its rows are exactly this load's.
        RepeatedKeys.refuse(connection, table, dsl.render(DSL.name(table.name())), dsl.render(DSL.name(table.primaryKey())));
    }

    @Override
    public void close() {
        pending.clear();
        pendingRows = 0;
    }
}
