package org.caseload.ingest.imports;

/** Told as an import reads its input; called from the importing thread, often, so keep it cheap. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (rows, bytesRead, bytesTotal) -> {};

    /**
     * @param rows input rows read so far, all files together
     * @param bytesRead input bytes read so far
     * @param bytesTotal size of all input files (the basis of percent and ETA)
     */
    void update(long rows, long bytesRead, long bytesTotal);
}
