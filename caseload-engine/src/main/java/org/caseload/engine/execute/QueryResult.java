package org.caseload.engine.execute;

import java.util.List;
import org.caseload.engine.plan.OutputColumn;

/**
 * Rows of a query in output column order, values typed: text keys and labels as String, time
 * buckets as LocalDate, counts as Long, money and other decimals as BigDecimal, ratios as Double.
 */
public record QueryResult(List<OutputColumn> columns, List<Object[]> rows, String sql, long durationMillis) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = java.util.Collections.unmodifiableList(rows);
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        throw new IllegalArgumentException("no column " + name + " in " + columns.stream().map(OutputColumn::name).toList());
    }
}
