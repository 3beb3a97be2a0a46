package org.caseload.ingest.imports;

import java.io.IOException;

/** One kind of export (Synthea CSV, a staff roster, FHIR NDJSON) turned into warehouse rows. */
public interface ImportSource {
    /** Total size of the input in bytes, for percent and ETA. */
    long totalBytes() throws IOException;

    /**
     * Reads the input and appends warehouse rows through {@code context}, rejecting bad rows there.
     * Runs inside the import's transaction; anything thrown rolls the import back.
     *
     * @throws RejectedInputException or {@link org.caseload.ingest.csv.CsvFormatException} when the
     *     input as a whole is unusable (a file or required column missing, broken quoting)
     */
    void produce(ImportContext context) throws IOException;
}
