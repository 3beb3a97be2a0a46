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
 */
public record ImportResult(LoadSummary load, long rowsRead, long rejected, Path rejectsFile) {}
