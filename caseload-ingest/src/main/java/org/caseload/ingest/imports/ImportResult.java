package org.caseload.ingest.imports;

import java.nio.file.Path;
import org.caseload.ingest.load.LoadSummary;

/**
 * A committed import.
 *
 * @param load rows written per warehouse table and how many of them were new
 * @param rowsRead input rows read, all files together
 * @param rejected input rows refused (at most the allowed maximum, since more roll the import back)
 * @param rejectsFile where the rejected rows are, or null when there were none
 * @param rowByRowBecause why a direct load was declined and the import ran again row by row, or
 *     null when it was not (see {@link org.caseload.ingest.load.DirectLoad})
 */
public record ImportResult(LoadSummary load, long rowsRead, long rejected, Path rejectsFile, String rowByRowBecause) {}
