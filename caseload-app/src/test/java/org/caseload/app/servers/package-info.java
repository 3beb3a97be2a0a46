/**
 * The application on real PostgreSQL 14 and MariaDB 10.11 servers ({@code caseload-servers}): the
 * app database's migrations and mappings, the analytics warehouse on a server, and connection faults
 * (idle limits, killed connections, restarts, timeouts, clients that go away). Each test starts the
 * application as {@code caseload serve} would, on a random port, and talks HTTP to it.
 */
package org.caseload.app.servers;
