package org.caseload.model.warehouse;

import java.util.List;
import java.util.Optional;

/** A warehouse table: its name, its columns in load order, and its single-column primary key. */
public record Table(String name, String primaryKey, List<Column> columns) {
    public Table {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
