package org.caseload.ingest.imports;

import org.caseload.model.warehouse.Table;

/** What an {@link ImportSource} writes through: rows, rejects, progress, and what is already stored. */
public interface ImportContext {
    /**
     * Appends a warehouse row read from {@code file} at {@code line}; a value that does not fit its
     * column (too long, too precise) rejects the row instead.
     *
     * @return whether the row was written
     */
    boolean append(String file, long line, Table table, Object... values);

    /** Refuses one input row; the import goes on so that every bad row is reported. */
    void reject(String file, long line, String column, String value, String reason);

    /** One more input row was read; {@code fileBytesRead} is how far into the current file. */
    void rowRead(long fileBytesRead);

    /** The current file is done; its size moves into the bytes already accounted for. */
    void fileDone(long fileSize);

    /** Rows stored by earlier imports, read in this import's transaction before it writes. */
    WarehouseLookup stored();
}
