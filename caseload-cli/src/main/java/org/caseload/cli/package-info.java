/**
 * The {@code caseload} command line: one picocli command per verb. Depends on the engine and
 * ingest modules; holds no analytics logic of its own, only parsing, output and exit codes.
 */
package org.caseload.cli;
