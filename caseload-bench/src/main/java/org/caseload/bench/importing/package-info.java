/**
 * Import throughput: a large Synthea-shaped export imported by {@code caseload import synthea}'s
 * code path, against DuckDB's own {@code read_csv} of the same encounters file in the same run.
 */
package org.caseload.bench.importing;
