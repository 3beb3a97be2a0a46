package org.caseload.model;

/**
 * A many-to-one join from a fact (or from a table already joined to it) to a dimension table:
 * {@code from.column = table.<primary key>}. Declared per fact, so reachability is explicit.
 */
public record Join(String table, String from, String column, SourceLocation location) {}
