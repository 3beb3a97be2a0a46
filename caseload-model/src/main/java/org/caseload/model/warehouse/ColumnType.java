package org.caseload.model.warehouse;

/** Portable column types of the warehouse; each dialect maps them in the engine's DDL. */
public enum ColumnType {
    /** Identifiers: EMR ids are UUIDs or other source strings, never numbers. */
    ID,
    /** Short human text: names, cities, status codes. */
    TEXT,
    INTEGER,
    BOOLEAN,
    /** Local wall-clock time of the location, without time zone. */
    TIMESTAMP,
    /** Money: DECIMAL(12,2). */
    MONEY;

    /** True for types whose values compare and sum as numbers. */
    public boolean numeric() {
        return this == INTEGER || this == MONEY;
    }
}
