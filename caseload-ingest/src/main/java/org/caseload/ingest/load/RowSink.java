package org.caseload.ingest.load;

import org.caseload.model.warehouse.Table;

/**
 * Where a producer puts warehouse rows during a load. Values come in the table's column order, as
 * {@code String} (ID, TEXT), {@code Integer}, {@code Boolean}, {@code LocalDateTime} (TIMESTAMP),
 * {@code BigDecimal} (MONEY) or {@code null}.
 */
@FunctionalInterface
public interface RowSink {
    /**
     * Appends one row.
     *
     * @throws IllegalArgumentException if the table is not a warehouse table, or a value does not fit
     *     its column; the message names table, column and the row's 1-based number in this load
     */
    void append(Table table, Object... values);
}
