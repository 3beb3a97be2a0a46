package org.caseload.ingest.imports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an import treats bad rows and reports progress.
 *
 * @param maxErrors rejected rows tolerated; with more the import is rolled back (0: any reject fails it)
 * @param rejectsFile where all rejected rows are written as CSV when there are any
 * @param progress told as the input is read
 * @param direct whether DuckDB may read large files itself ({@link org.caseload.ingest.load.DirectLoad});
 *     when false every row goes through the importer, the reference the direct load must equal
 */
public record ImportOptions(long maxErrors, Path rejectsFile, ImportProgress progress, boolean direct) {
    public static final Path DEFAULT_REJECTS = Path.of("caseload-rejects.csv");

    public ImportOptions {
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be at least 0, not " + maxErrors);
        }
        Objects.requireNonNull(rejectsFile, "rejectsFile");
        Objects.requireNonNull(progress, "progress");
    }

    public ImportOptions(long maxErrors, Path rejectsFile, ImportProgress progress) {
        this(maxErrors, rejectsFile, progress, true);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(0, DEFAULT_REJECTS, ImportProgress.NONE, true);
    }

    public ImportOptions withMaxErrors(long n) {
        return new ImportOptions(n, rejectsFile, progress, direct);
    }

    public ImportOptions withRejectsFile(Path file) {
        return new ImportOptions(maxErrors, file, progress, direct);
    }

    public ImportOptions withProgress(ImportProgress p) {
        return new ImportOptions(maxErrors, rejectsFile, p, direct);
    }

    public ImportOptions rowByRow() {
        return new ImportOptions(maxErrors, rejectsFile, progress, false);
    }
}
