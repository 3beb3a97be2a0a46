package org.caseload.ingest.imports;

import java.util.List;
import java.util.Optional;
import org.caseload.ingest.load.DirectLoad;
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

    /** Whether {@link #append} would take the row (its values checked as append checks them), without writing it. */
    boolean fits(Table table, Object... values);

    /**
     * DuckDB filling {@code table} from the export's file itself while the source checks the file
     * ({@link DirectLoad}); the source declines it by throwing
     * {@link org.caseload.ingest.load.DirectLoadDeclined}, and the import then runs again row by row.
     * Empty on other databases, when rows were already appended to the table, and when the import
     * runs row by row.
     */
    Optional<DirectLoad> direct(Table table, String select, List<?> parameters);
}
