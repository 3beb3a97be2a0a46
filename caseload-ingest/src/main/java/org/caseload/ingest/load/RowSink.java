package org.caseload.ingest.load;

import java.util.List;
import java.util.Optional;
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

    /**
     * Checks one row as {@link #append} would, without writing it.
     *
     * @throws IllegalArgumentException as {@link #append}
     */
    default void check(Table table, Object... values) {
        throw new UnsupportedOperationException("this sink does not check rows on their own");
    }

    /**
     * Starts a {@link DirectLoad} of {@code table} from {@code select} when the database reads files
     * itself (DuckDB) and nothing was appended to the table yet; empty otherwise.
     */
    default Optional<DirectLoad> direct(Table table, String select, List<?> parameters) {
        return Optional.empty();
    }
}
