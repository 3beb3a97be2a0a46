/**
 * FHIR R4 bulk data export (NDJSON, as {@code $export} and Synthea write it) mapped onto the
 * warehouse with the same ids and values as the Synthea CSV importer, parsed with HAPI FHIR.
 * Patients are read for id, birth year and sex only: HAPI parses the whole resource, but names,
 * addresses, telecoms and identifiers (SSN, MRN) are never copied into the database, an index or a
 * reject.
 */
package org.caseload.ingest.fhir;
