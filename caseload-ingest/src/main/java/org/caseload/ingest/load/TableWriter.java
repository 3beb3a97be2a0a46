package org.caseload.ingest.load;

import java.sql.SQLException;

/** Writes validated rows of one table inside the load's transaction. */
interface TableWriter extends AutoCloseable {
    void write(Object[] row) throws SQLException;

    /** Pushes buffered rows, so constraint violations surface before the commit rather than never. */
    void finish() throws SQLException;

    /**
     * Whether the writer leaves the database alone until {@link #finish} (a stage file): then it may
     * take rows while a {@link DirectLoad} occupies the connection.
     */
    default boolean deferred() {
        return false;
    }

    /** Releases resources; rows not yet finished may be dropped, which is fine before a rollback. */
    @Override
    void close() throws SQLException;
}
