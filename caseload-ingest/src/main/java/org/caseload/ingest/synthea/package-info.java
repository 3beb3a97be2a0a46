/**
 * Synthea's CSV export (organizations, providers, patients, encounters) mapped onto the warehouse.
 * Patient files are read for id, birth year and sex only: names, SSNs, addresses and income are
 * skipped as bytes and never reach the database.
 *
 * <p>On DuckDB, encounters.csv is read by DuckDB itself ({@link org.caseload.ingest.load.DirectLoad})
 * while {@code SyntheaImport} checks each record: in its common form by {@code EncounterCheck} from
 * the bytes, otherwise by the row-by-row check, which is the reference either way.
 */
package org.caseload.ingest.synthea;
