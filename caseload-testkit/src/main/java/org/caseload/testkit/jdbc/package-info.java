/**
 * The JDBC half of the test kit, with no Spring and no database-specific code: a
 * {@link org.caseload.testkit.jdbc.TestDatabase} pins one connection of a pool for the length of a
 * test and hands every caller, on any thread, a handle on it; the test's transaction is rolled
 * back at the end. Works on any JDBC driver; undoing inside the test uses savepoints where the
 * database has them and a replayed journal of writes where it has not (DuckDB).
 */
package org.caseload.testkit.jdbc;
