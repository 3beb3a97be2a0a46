package org.caseload.ingest.load;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a load wrote: rows per warehouse table, in schema order (tables the producer did not touch
 * appear with 0), how many of them were not in the table before (all of them for a replacing load;
 * an upsert's others replaced stored rows with the same key), which tables DuckDB filled from the
 * export's files itself ({@link DirectLoad}), and the wall time of the transaction.
 */
public record LoadSummary(Map<String, Long> rowsPerTable, Map<String, Long> newRowsPerTable, Set<String> directTables,
        Duration elapsed) {
    public LoadSummary {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        newRowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(newRowsPerTable));
        directTables = Collections.unmodifiableSet(new LinkedHashSet<>(directTables));
    }

    public LoadSummary(Map<String, Long> rowsPerTable, Duration elapsed) {
        this(rowsPerTable, rowsPerTable, Set.of(), elapsed);
    }

    public long newRows(String table) {
        return newRowsPerTable.getOrDefault(table, 0L);
    }

    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
