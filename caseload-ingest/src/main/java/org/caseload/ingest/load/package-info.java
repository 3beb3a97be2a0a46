/**
 * Writes rows of the warehouse tables in one all-or-nothing transaction: the single write path for
 * the demo generator and, later, the EMR importers, so validation and atomicity live in one place.
 */
package org.caseload.ingest.load;
