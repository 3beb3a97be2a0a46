/**
 * Writes rows of the warehouse tables in one all-or-nothing transaction: the single write path for
 * the demo generator and the EMR importers, so validation and atomicity live in one place.
 *
 * <p>Rows reach the database through a {@code TableWriter} per table, chosen by {@code WriteStrategy}
 * (a staged CSV on DuckDB, COPY or multi-row INSERTs into a stage on servers, INSERTs on Trino). On
 * DuckDB a producer may instead let DuckDB fill a table from an export's file itself
 * ({@link org.caseload.ingest.load.DirectLoad}), keeping it only when its own check of the file agrees;
 * rows of other tables may be appended meanwhile, since stage files reach DuckDB only at the end.
 */
package org.caseload.ingest.load;
