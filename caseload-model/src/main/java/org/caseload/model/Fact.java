package org.caseload.model;

import java.util.List;
import java.util.Optional;

/** A fact table: the rows measures aggregate, its time column, and the joins that reach dimensions. */
public record Fact(String name, String table, String timeColumn, List<Join> joins, SourceLocation location) {
    public Fact {
        joins = List.copyOf(joins);
    }

    public Optional<Join> joinTo(String tableName) {
        return joins.stream().filter(j -> j.table().equals(tableName)).findFirst();
    }

    /** Tables this fact reaches: its own and every joined one. */
    public List<String> reachableTables() {
        List<String> tables = new java.util.ArrayList<>();
        tables.add(table);
        joins.forEach(j -> tables.add(j.table()));
        return tables;
    }
}
