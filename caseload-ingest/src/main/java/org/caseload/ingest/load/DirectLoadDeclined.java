package org.caseload.ingest.load;

/**
 * A {@link DirectLoad} is not used: the importer's pass found a row the query would not read as the
 * row-by-row path does, or the query failed. Thrown through the load, which rolls back; the import
 * then runs again row by row. Never an error the user sees.
 */
public final class DirectLoadDeclined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectLoadDeclined(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
