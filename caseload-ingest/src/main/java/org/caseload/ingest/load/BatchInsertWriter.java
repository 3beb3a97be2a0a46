package org.caseload.ingest.load;

import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.warehouse.Table;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Portable path for databases without a bulk API: one INSERT rendered by jOOQ for the connection's
 * dialect, executed as JDBC batches of bind values. An upsert renders the dialect's own form (ON
 * CONFLICT, ON DUPLICATE KEY UPDATE, MERGE) and remembers the keys it wrote, so that a key repeated
 * within the load is refused as on DuckDB instead of the later row silently winning.
 */
final class BatchInsertWriter implements TableWriter {
    /** Large enough to amortize round trips, small enough to keep driver-side buffers modest. */
    static final int BATCH_SIZE = 1000;

    private final DSLContext dsl;
    private final Table table;
    private final Query insert;
    /** Keys written by an upsert, null for a replacing load (the primary key catches repeats there). */
    private final java.util.Set<Object> keys;
    private final int keyIndex;
    private BatchBindStep batch;
    private int pending;

    BatchInsertWriter(DSLContext dsl, Table table, LoadMode mode) {
        this.dsl = dsl;
        this.table = table;
        List<Field<?>> fields = table.columns().stream()
                .<Field<?>>map(c -> DSL.field(DSL.name(c.name()), WarehouseDdl.dataType(c.type())))
                .toList();
        var values = dsl.insertInto(DSL.table(DSL.name(table.name())), fields)
                .values(Collections.nCopies(fields.size(), null));
        this.keyIndex = table.columnNames().indexOf(table.primaryKey());
        if (mode == LoadMode.UPSERT) {
            java.util.Map<Field<?>, Field<?>> updates = new java.util.LinkedHashMap<>();
            for (Field<?> field : fields) {
                if (!field.getName().equals(table.primaryKey())) {
                    updates.put(field, DSL.excluded(field));
                }
            }
            this.insert = values.onConflict(fields.get(keyIndex)).doUpdate().set(updates);
            this.keys = new java.util.HashSet<>();
        } else {
            this.insert = values;
            this.keys = null;
        }
    }

    @Override
    public void write(Object[] row) throws SQLException {
        if (batch == null) {
            batch = dsl.batch(insert);
        }
        if (keys != null && !keys.add(row[keyIndex])) {
            throw new IllegalArgumentException("table " + table.name() + ": " + table.primaryKey()
                    + " repeats within one load: '" + row[keyIndex] + "'");
        }
        // jOOQ keeps the array until execution; a producer may reuse its own.
        batch.bind(row.clone());
        if (++pending == BATCH_SIZE) {
            finish();
        }
    }

    @Override
    public void finish() throws SQLException {
        if (pending == 0) {
            return;
        }
        try {
            batch.execute();
        } catch (DataAccessException e) {
            throw JooqErrors.unwrap(e);
        }
        batch = null;
        pending = 0;
    }

    @Override
    public void close() {
        batch = null;
        pending = 0;
    }
}
