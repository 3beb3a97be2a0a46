package org.caseload.ingest.imports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an import treats bad rows and reports progress.
 *
 * @param maxErrors rejected rows tolerated; with more the import is rolled back (0: any reject fails it)
 * @param rejectsFile where all rejected rows are written as CSV when there are any
 * @param progress told as the input is read
 */
public record ImportOptions(long maxErrors, Path rejectsFile, ImportProgress progress) {
    public static final Path DEFAULT_REJECTS = Path.of("caseload-rejects.csv");

    public ImportOptions {
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be at least 0, not " + maxErrors);
        }
        Objects.requireNonNull(rejectsFile, "rejectsFile");
        Objects.requireNonNull(progress, "progress");
    }

    public static ImportOptions defaults() {
        return new ImportOptions(0, DEFAULT_REJECTS, ImportProgress.NONE);
    }

    public ImportOptions withMaxErrors(long n) {
        return new ImportOptions(n, rejectsFile, progress);
    }

    public ImportOptions withRejectsFile(Path file) {
        return new ImportOptions(maxErrors, file, progress);
    }

    public ImportOptions withProgress(ImportProgress p) {
        return new ImportOptions(maxErrors, rejectsFile, p);
    }
}
