/**
 * The suite on the backends this module can run under Java 17: DuckDB, the shared PostgreSQL and MariaDB test
 * servers (or external ones, by caseload-servers' system properties), and the comparison rules' own tests. Trino's
 * subclass lives in caseload-trino, which needs a JDK 25.
 */
package org.caseload.dialects;
