/**
 * One test suite for every backend Caseload queries: DuckDB, PostgreSQL, MariaDB and Trino.
 *
 * <p>Why this exists: each dialect has its own golden SQL (caseload-engine) and a few hand-computed tests on a
 * seven-visit fixture, but nothing showed that a real request gives the same numbers everywhere. Here every backend
 * is filled with the same demo data through the loader users load with, and every golden request must return what
 * a DuckDB reference returns: counts exact, money to the cent, ratios to 1e-9 relative. The reference itself is
 * anchored by hand-written SQL. For the servers with a console, the SQL that {@code caseload query --sql --url ...}
 * prints is piped into the real {@code psql} / {@code mariadb} client and must give the engine's rows, since that
 * text is what people paste.
 *
 * <p>{@link org.caseload.dialects.DialectSuite} is main code (with JUnit and AssertJ in compile scope) so that a
 * module needing another JDK, caseload-trino, can extend it; the subclasses for DuckDB, PostgreSQL and MariaDB are
 * this module's tests.
 */
package org.caseload.dialects;
