package org.caseload.ingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Loads warehouse rows in one transaction: either every row of the producer lands, or the database
 * is left exactly as it was (tables the load created are dropped again by the rollback on DuckDB and
 * other databases with transactional DDL).
 *
 * <p>On DuckDB rows travel through a staged CSV file that DuckDB reads in parallel (see
 * {@link CsvStageWriter}); on other databases
 * through INSERT batches rendered by jOOQ for the connection's dialect. Values are checked against
 * the column types before either sees them.
 *
 * <p>The loader owns the connection's transaction for the duration of the call: it switches
 * auto-commit off, commits or rolls back, and restores the previous auto-commit setting. Work already
 * pending on the connection is committed (or rolled back) together with the load.
 */
public final class WarehouseLoader {
    private WarehouseLoader() {}

    /**
     * Replaces the warehouse contents with what {@code producer} appends: creates missing tables,
     * deletes the rows of every warehouse table, then writes the new rows.
     *
     * @throws IllegalArgumentException a row did not fit its table (after rolling back)
     * @throws SQLException the database refused the load (after rolling back)
     */
    public static LoadSummary replaceAll(Connection connection, Consumer<RowSink> producer) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        return load(connection, LoadMode.REPLACE_ALL, WriteStrategy.forConnection(connection), producer);
    }

    /**
     * Inserts or updates by primary key what {@code producer} appends, keeping every other row:
     * importing the same export twice changes nothing, a newer one updates changed rows and adds new
     * ones. Creates missing tables. Rows repeating a primary key within one load are refused, since
     * which of them should win is not knowable.
     *
     * @throws IllegalArgumentException a row did not fit its table, or a key repeated (after rolling back)
     * @throws SQLException the database refused the load (after rolling back)
     */
    public static LoadSummary upsert(Connection connection, Consumer<RowSink> producer) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        return load(connection, LoadMode.UPSERT, WriteStrategy.forConnection(connection), producer);
    }

    static LoadSummary load(Connection connection, LoadMode mode, WriteStrategy strategy,
            Consumer<RowSink> producer) throws SQLException {
        Objects.requireNonNull(producer, "producer");
        long started = System.nanoTime();
        DSLContext dsl = DSL.using(connection, WriteStrategy.dialect(connection));
        LoadSession.DirectStarter direct = strategy != WriteStrategy.CSV_STAGE ? null
                : (table, select, parameters, empty, onKept) -> DirectLoad.start(connection, table, select, parameters,
                        empty || mode == LoadMode.REPLACE_ALL, onKept);
        LoadSession session = new LoadSession(table -> strategy.open(connection, dsl, table, mode),
                mode == LoadMode.UPSERT ? table -> count(connection, dsl, table) : null, direct);
        try (DuckDbLoadSettings ignored = WriteStrategy.isDuckDb(connection) ? DuckDbLoadSettings.apply(connection) : null) {
            Work work = () -> {
                keepSessionAlive(connection, dsl.dialect());
                prepare(dsl, mode);
                producer.accept(session);
                session.finish();
            };
            // Trino's memory and plain Hive connectors write only in auto-commit: the load is not atomic there.
            run(connection, work, session, dsl.dialect().family() != SQLDialect.TRINO);
        }
        return new LoadSummary(session.rowsPerTable(), session.newRowsPerTable(), session.directTables(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The rows a table holds, by plain JDBC: jOOQ's first fetch loads classes for half a second, and an
     * upsert counts the first table just before DuckDB starts on the large file.
     */
    private static long count(Connection connection, DSLContext dsl, Table table) {
        String sql = "select count(*) from " + dsl.render(DSL.name(table.name()));
        try (java.sql.Statement statement = connection.createStatement(); java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LoadSession.WriteFailure("table " + table.name() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs the load in one transaction, or in auto-commit where the database writes only that way
     * (Trino's connectors); on failure closes the writers, rolls back when there is a transaction,
     * and rethrows the database's own error.
     */
    private static void run(Connection connection, Work work, LoadSession session, boolean transactional)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (transactional) {
            connection.setAutoCommit(false);
        }
        try {
            work.run();
            if (transactional) {
                connection.commit();
            }
        } catch (LoadSession.WriteFailure e) {
            abort(connection, session, e, transactional);
            throw e.toSqlException();
        } catch (DataAccessException e) {
            abort(connection, session, e, transactional);
            throw JooqErrors.unwrap(e);
        } catch (RuntimeException | Error | SQLException e) {
            abort(connection, session, e, transactional);
            throw e;
        } finally {
            if (transactional) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * A load holds one connection for as long as its source takes to read, and may leave it idle
     * between statements (a slow file system, a large file parsed before the table it feeds). The
     * server's idle limits are for forgotten connections, not this one: lift them for this session,
     * so the seed's "MySQL server has gone away" cannot end an import half-way.
     */
    private static void keepSessionAlive(Connection connection, SQLDialect dialect) throws SQLException {
        String sql = switch (dialect.family()) {
            case MYSQL, MARIADB -> "set session wait_timeout = 86400";
            case POSTGRES -> "set idle_in_transaction_session_timeout = 0";
            default -> null;
        };
        if (sql != null) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private static void prepare(DSLContext dsl, LoadMode mode) {
        if (mode == LoadMode.REPLACE_ALL && dsl.dialect().family() == SQLDialect.TRINO) {
            // Connectors that cannot delete rows can still drop tables.
            for (Table table : WarehouseSchema.TABLES) {
                dsl.dropTableIfExists(DSL.name(table.name())).execute();
            }
            WarehouseDdl.createAll(dsl);
            return;
        }
        switch (mode) {
            case UPSERT -> WarehouseDdl.createAll(dsl);
            case REPLACE_ALL -> {
                WarehouseDdl.createAll(dsl);
                // Facts before dimensions, so the order stays valid should foreign keys ever appear.
                List<Table> tables = WarehouseSchema.TABLES;
                for (int i = tables.size() - 1; i >= 0; i--) {
                    dsl.deleteFrom(DSL.table(DSL.name(tables.get(i).name()))).execute();
                }
            }
        }
    }

    private static void abort(Connection connection, LoadSession session, Throwable failure, boolean transactional) {
        session.abandon(failure);
        if (!transactional) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
