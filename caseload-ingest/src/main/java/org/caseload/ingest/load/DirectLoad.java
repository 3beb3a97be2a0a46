package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.caseload.model.warehouse.Table;

/**
 * One table filled by a query DuckDB runs over an export's own file, on a thread of its own, while
 * the importer reads the same file row by row and checks every row as it always does.
 *
 * <p>Why: parsing a large file in Java and handing DuckDB the rows (by the Appender, or as a staged
 * CSV that DuckDB then parses again) costs twice the parse. Here DuckDB parses the file once with its
 * parallel reader and the importer's own pass only checks, on the other core. The importer decides:
 * the rows are kept only when its pass found every row acceptable and in a form the query reads the
 * same way, and the totals of the inserted rows ({@link #sums}) equal the totals the pass computed.
 * Anything else — a rejected row, a form the query does not handle, the query failing — is a
 * {@link DirectLoadDeclined}: the import is rolled back and runs again row by row, so the result is
 * always what the row-by-row path gives.
 *
 * <p>An empty table receives the rows directly; a filled one gets them through a temporary stage,
 * merged like every DuckDB load ({@link DuckDbMerge}). While the query runs the connection is busy:
 * the load session refuses appends until {@link #await} returns.
 */
public final class DirectLoad implements AutoCloseable {
    private final Connection connection;
    private final Table table;
    private final boolean staged;
    private final String target;
    private final LongConsumer onKept;
    private final PreparedStatement statement;
    private final Thread thread;
    private volatile long inserted = -1;
    private volatile SQLException failure;
    private boolean awaited;
    private boolean kept;

    private DirectLoad(Connection connection, Table table, boolean staged, String target, String sql, List<?> parameters,
            LongConsumer onKept) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.staged = staged;
        this.target = target;
        this.onKept = onKept;
        this.statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        this.thread = new Thread(this::execute, "caseload-direct-" + table.name());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts filling {@code table} with the rows of {@code select} (its columns in the table's
     * order, {@code ?} bound to {@code parameters}).
     *
     * @param empty whether the table holds no rows now (then the rows go straight into it)
     */
    static DirectLoad start(Connection connection, Table table, String select, List<?> parameters, boolean empty,
            LongConsumer onKept) throws SQLException {
        String columns = table.columns().stream().map(c -> DuckDbMerge.quote(c.name())).collect(Collectors.joining(", "));
        String stage = DuckDbMerge.quote("caseload_direct_" + table.name());
        if (!empty) {
            // The stage has the table's own columns and types, so the merge compares like with like.
            DuckDbMerge.execute(connection, "create or replace temporary table " + stage
                    + " as select * from " + DuckDbMerge.quote(table.name()) + " limit 0");
        }
        String target = empty ? DuckDbMerge.quote(table.name()) : "temp.main." + stage;
        return new DirectLoad(connection, table, !empty, target, "insert into " + target + " (" + columns + ") " + select,
                parameters, onKept);
    }

    private void execute() {
        try {
            statement.execute();
            inserted = statement.getUpdateCount();
        } catch (SQLException e) {
            failure = e;
        }
    }

    /**
     * Waits for the query; returns how many rows it produced.
     *
     * @throws DirectLoadDeclined the query failed (DuckDB read the file differently or could not)
     */
    public long await() {
        if (!awaited) {
            join();
            awaited = true;
        }
        if (failure != null) {
            throw new DirectLoadDeclined(table.name() + ": DuckDB's reading failed: " + failure.getMessage(), failure);
        }
        return inserted;
    }

    /** After {@link #await}: {@code sum(expression)} over the produced rows for each expression, as longs (null sums as 0). */
    public long[] sums(String... expressions) {
        await();
        String sql = "select " + Arrays.stream(expressions).map(e -> "coalesce(sum(" + e + "), 0)::bigint")
                .collect(Collectors.joining(", ")) + " from " + target;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] sums = new long[expressions.length];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = rs.getLong(i + 1);
            }
            return sums;
        } catch (SQLException e) {
            throw new DirectLoadDeclined(table.name() + ": the totals of DuckDB's rows could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the rows: refuses a key repeated among them (as every load does), merges a stage into the
     * table, and counts them as the table's rows of this load.
     *
     * @throws IllegalArgumentException a key repeats within the load
     */
    public void keep() {
        await();
        try {
            RepeatedKeys.refuse(connection, table, target, DuckDbMerge.quote(table.primaryKey()));
            if (staged) {
                try {
                    DuckDbMerge.merge(connection, table, target);
                } finally {
                    DuckDbMerge.execute(connection, "drop table if exists " + target);
                }
            }
        } catch (SQLException e) {
            throw new LoadSession.WriteFailure("table " + table.name() + ": " + e.getMessage(), e);
        }
        kept = true;
        onKept.accept(inserted);
    }

    public Table table() {
        return table;
    }

    boolean running() {
        return !awaited;
    }

    boolean kept() {
        return kept;
    }

    /** Stops a query still running (the import failed or declined); the rollback removes its rows. */
    @Override
    public void close() {
        if (!awaited) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The query may have ended meanwhile; joining below is what matters.
            }
            join();
            awaited = true;
        }
        try {
            statement.close();
        } catch (SQLException e) {
            // Nothing to release that the rollback does not.
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // best effort
            }
            throw new IllegalStateException(table.name() + ": interrupted while DuckDB read the file", e);
        }
    }
}
