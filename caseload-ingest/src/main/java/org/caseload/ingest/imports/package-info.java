/**
 * What every EMR importer shares: one all-or-nothing upsert through the warehouse loader (the same
 * path the demo generator writes through), rejected rows with file, line, column and reason,
 * {@code --max-errors}, a rejects file, progress, and lookups of what earlier imports stored.
 */
package org.caseload.ingest.imports;
