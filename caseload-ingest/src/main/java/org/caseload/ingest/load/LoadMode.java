package org.caseload.ingest.load;

/** How a load treats rows already in the warehouse. */
public enum LoadMode {
    /** Create missing tables, empty all warehouse tables, then append (the demo generator). */
    REPLACE_ALL,
    /**
     * Create missing tables and keep every row: a written row replaces the stored row with the same
     * primary key and is added otherwise (the EMR importers, whose ids are the source system's).
     */
    UPSERT
}
