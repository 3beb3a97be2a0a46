package org.caseload.ingest.load;

/**
 * How a load treats rows already in the warehouse. Only replacing exists today; the EMR importers'
 * incremental upsert will be a second constant with its own preparation and writers.
 */
enum LoadMode {
    /** Create missing tables, empty all warehouse tables, then append. */
    REPLACE_ALL
}
