package org.caseload.ingest.load;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load wrote: rows per warehouse table, in schema order (tables the producer did not touch
 * appear with 0, since a replacing load left them empty), and the wall time of the whole transaction.
 */
public record LoadSummary(Map<String, Long> rowsPerTable, Duration elapsed) {
    public LoadSummary {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
