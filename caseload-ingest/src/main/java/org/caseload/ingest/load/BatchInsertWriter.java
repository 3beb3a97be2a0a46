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
 * dialect, executed as JDBC batches of bind values.
 */
final class BatchInsertWriter implements TableWriter {
    /** Large enough to amortize round trips, small enough to keep driver-side buffers modest. */
    static final int BATCH_SIZE = 1000;

    private final DSLContext dsl;
    private final Query insert;
    private BatchBindStep batch;
    private int pending;

    BatchInsertWriter(DSLContext dsl, Table table) {
        this.dsl = dsl;
        List<Field<?>> fields = table.columns().stream()
                .<Field<?>>map(c -> DSL.field(DSL.name(c.name()), WarehouseDdl.dataType(c.type())))
                .toList();
        this.insert = dsl.insertInto(DSL.table(DSL.name(table.name())), fields)
                .values(Collections.nCopies(fields.size(), null));
    }

    @Override
    public void write(Object[] row) throws SQLException {
        if (batch == null) {
            batch = dsl.batch(insert);
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
