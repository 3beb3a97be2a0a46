package org.caseload.ingest.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;

/** The sink handed to a producer: validates each row, opens one writer per table on first use. */
final class LoadSession implements RowSink {
    @FunctionalInterface
    interface WriterFactory {
        TableWriter open(Table table) throws SQLException;
    }

    /** Starts a {@link DirectLoad}; null in a session whose database reads no files itself. */
    @FunctionalInterface
    interface DirectStarter {
        DirectLoad start(Table table, String select, List<?> parameters, boolean empty, LongConsumer onKept)
                throws SQLException;
    }

    /** Counts a table's stored rows, so an upsert can tell added rows from replaced ones. */
    @FunctionalInterface
    interface RowCounter {
        long count(Table table);
    }

    /** Carries a database failure through the producer, which can only throw unchecked exceptions. */
    static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(String message, SQLException cause) {
            super(message, cause);
        }

        SQLException toSqlException() {
            SQLException cause = (SQLException) getCause();
            return new SQLException(getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    private static final class TableState {
        final Table table;
        final RowValidator validator;
        TableWriter writer;
        long rows;
        long rowsBefore = -1;
        long rowsAfter = -1;

        TableState(Table table) {
            this.table = table;
            this.validator = new RowValidator(table);
        }
    }

    private final WriterFactory writers;
    private final RowCounter counter;
    private final DirectStarter directStarter;
    /** This session's direct loads; one runs at a time, since it occupies the connection while it runs. */
    private final List<DirectLoad> directLoads = new ArrayList<>();
    private final Set<String> directTables = new LinkedHashSet<>();
    /** Identity lookup keeps the per-row cost flat; Table's record hashCode walks all its columns. */
    private final Map<Table, TableState> byIdentity = new IdentityHashMap<>();
    private final Map<String, TableState> byName = new LinkedHashMap<>();

    /** @param counter null when every written row is new (a replacing load). */
    LoadSession(WriterFactory writers, RowCounter counter) {
        this(writers, counter, null);
    }

    /** @param directStarter null when the database cannot read files itself */
    LoadSession(WriterFactory writers, RowCounter counter, DirectStarter directStarter) {
        this.writers = writers;
        this.counter = counter;
        this.directStarter = directStarter;
    }

    @Override
    public void check(Table table, Object... values) {
        TableState state = state(table);
        state.validator.check(values, state.rows + 1);
    }

    @Override
    public Optional<DirectLoad> direct(Table table, String select, List<?> parameters) {
        TableState state = state(table);
        if (directStarter == null || state.writer != null || state.rows > 0) {
            return Optional.empty();
        }
        refuseWhileDirect();
        try {
            long before = counter == null ? 0 : counter.count(state.table);
            state.rowsBefore = before;
            DirectLoad load = directStarter.start(state.table, select, parameters, before == 0, rows -> {
                state.rows += rows;
                if (counter != null) {
                    state.rowsAfter = counter.count(state.table);
                }
                directTables.add(state.table.name());
            });
            directLoads.add(load);
            return Optional.of(load);
        } catch (SQLException e) {
            throw new DirectLoadDeclined(table.name() + ": DuckDB cannot read the file: " + e.getMessage(), e);
        }
    }

    /** The connection runs a direct load's query: nothing else may use it until the load is awaited. */
    private void refuseWhileDirect() {
        for (DirectLoad load : directLoads) {
            if (load.running()) {
                throw new IllegalStateException("table " + load.table().name() + " is being loaded directly;"
                        + " await it before appending");
            }
        }
    }

    /**
     * Appends may go on while a direct load runs when the table's writer is {@linkplain
     * TableWriter#deferred deferred} (DuckDB's stage files, the only writers of sessions that load
     * directly): an importer can then read its small files while DuckDB reads the large one. Such a
     * table's stored rows are counted in {@link #finish}, when the connection is free again.
     */
    @Override
    public void append(Table table, Object... values) {
        TableState state = state(table);
        long rowNumber = state.rows + 1;
        Object[] row = state.validator.check(values, rowNumber);
        try {
            if (state.writer == null) {
                TableWriter writer = writers.open(state.table);
                state.writer = writer;
                if (!writer.deferred()) {
                    refuseWhileDirect();
                    if (counter != null && state.rowsBefore < 0) {
                        state.rowsBefore = counter.count(state.table);
                    }
                }
            }
            state.writer.write(row);
        } catch (SQLException e) {
            throw new WriteFailure("table " + table.name() + ", row " + rowNumber + ": " + e.getMessage(), e);
        }
        state.rows = rowNumber;
    }

    private TableState state(Table table) {
        TableState state = byIdentity.get(table);
        if (state == null) {
            state = resolve(table);
            byIdentity.put(table, state);
        }
        return state;
    }

    private TableState resolve(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        Table known = WarehouseSchema.table(table.name())
                .filter(table::equals)
                .orElseThrow(() -> new IllegalArgumentException("not a warehouse table: " + table.name()));
        return byName.computeIfAbsent(known.name(), name -> new TableState(known));
    }

    /** Flushes and closes every writer, in the order the tables were first written. */
    void finish() throws SQLException {
        for (DirectLoad load : directLoads) {
            if (!load.kept()) {
                throw new IllegalStateException("the direct load of " + load.table().name() + " was neither kept nor declined");
            }
            load.close();
        }
        for (TableState state : byName.values()) {
            if (state.writer != null) {
                if (counter != null && state.rowsBefore < 0) {
                    state.rowsBefore = counter.count(state.table);
                }
                state.writer.finish();
                closeWriter(state);
                if (counter != null) {
                    state.rowsAfter = counter.count(state.table);
                }
            }
        }
    }

    /** Closes writers after a failure; their errors are secondary to the one that stopped the load. */
    void abandon(Throwable failure) {
        for (DirectLoad load : directLoads) {
            load.close();
        }
        for (TableState state : byName.values()) {
            if (state.writer != null) {
                try {
                    closeWriter(state);
                } catch (SQLException | RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private static void closeWriter(TableState state) throws SQLException {
        TableWriter writer = state.writer;
        state.writer = null;
        writer.close();
    }

    /** Tables whose rows DuckDB read from the export itself ({@link DirectLoad}). */
    Set<String> directTables() {
        return directTables;
    }

    /** Rows per warehouse table in schema order. */
    Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table table : WarehouseSchema.TABLES) {
            TableState state = byName.get(table.name());
            rows.put(table.name(), state == null ? 0L : state.rows);
        }
        return rows;
    }

    /** Rows per table that were not stored before this load (all written rows when not counting). */
    Map<String, Long> newRowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table table : WarehouseSchema.TABLES) {
            TableState state = byName.get(table.name());
            long added = state == null ? 0L
                    : counter == null || state.rowsAfter < 0 ? state.rows : state.rowsAfter - state.rowsBefore;
            rows.put(table.name(), added);
        }
        return rows;
    }
}
