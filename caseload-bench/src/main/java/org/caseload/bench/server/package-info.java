/**
 * The bench on database servers: a PostgreSQL or MariaDB server from caseload-servers, the demo
 * warehouse loaded into it through the loader, and the server's CPU time read from /proc.
 */
package org.caseload.bench.server;
