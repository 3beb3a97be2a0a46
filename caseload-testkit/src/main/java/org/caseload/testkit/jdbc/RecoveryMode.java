package org.caseload.testkit.jdbc;

/**
 * How a pinned connection undoes work inside the test's single transaction without ending it.
 * Chosen per database when a test begins, from what the driver can do.
 */
public enum RecoveryMode {
    /**
     * The database has savepoints (H2, PostgreSQL, MariaDB): each statement runs under a savepoint
     * of its own, so a failed one is undone alone and cannot abort the transaction; each logical
     * transaction of the code under test starts at a savepoint its {@code rollback()} returns to.
     */
    SAVEPOINTS,
    /**
     * No savepoints (DuckDB), where any error aborts the transaction: successful writes are
     * journalled (SQL and bound parameters); after a failed statement, or a caller's
     * {@code rollback()}, the connection rolls back and replays the journal up to the right point.
     */
    JOURNAL
}
