/**
 * Synthea's CSV export (organizations, providers, patients, encounters) mapped onto the warehouse.
 * Patient files are read for id, birth year and sex only: names, SSNs, addresses and income are
 * skipped as bytes and never reach the database.
 */
package org.caseload.ingest.synthea;
