package org.caseload.ingest.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.ColumnType;
import org.caseload.model.warehouse.Table;

/**
 * Checks rows against a table's columns before any database sees them, so every backend rejects the
 * same rows with the same message, and normalizes values to what the DDL stores (money at scale 2,
 * whole-second timestamps), so the staged CSV and every server store the same values.
 */
final class RowValidator {
    private static final int MONEY_PRECISION = 12;
    private static final int MONEY_SCALE = 2;

    private final Table table;
    private final Column[] columns;
    private final int[] maxLengths;

    RowValidator(Table table) {
        this.table = table;
        this.columns = table.columns().toArray(Column[]::new);
        this.maxLengths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            maxLengths[i] = WarehouseDdl.maxLength(columns[i].type());
        }
    }

    /** Returns the row to write: the given array, or a copy when a value had to be normalized. */
    Object[] check(Object[] values, long rowNumber) {
        if (values == null || values.length != columns.length) {
            throw new IllegalArgumentException("table " + table.name() + ", row " + rowNumber + ": expected "
                    + columns.length + " values " + table.columnNames() + ", got "
                    + (values == null ? "none" : values.length));
        }
        Object[] row = values;
        for (int i = 0; i < columns.length; i++) {
            Object value = checkValue(i, values[i], rowNumber);
            if (value != values[i]) {
                if (row == values) {
                    row = values.clone();
                }
                row[i] = value;
            }
        }
        return row;
    }

    private Object checkValue(int index, Object value, long rowNumber) {
        Column column = columns[index];
        if (value == null) {
            if (!column.nullable()) {
                throw invalid(column, rowNumber, "is required but was null");
            }
            return null;
        }
        return switch (column.type()) {
            case ID, TEXT -> text(index, expect(column, value, String.class, rowNumber), rowNumber);
            case INTEGER -> expect(column, value, Integer.class, rowNumber);
            case BOOLEAN -> expect(column, value, Boolean.class, rowNumber);
            case TIMESTAMP -> wholeSeconds(expect(column, value, LocalDateTime.class, rowNumber));
            case MONEY -> money(column, expect(column, value, BigDecimal.class, rowNumber), rowNumber);
        };
    }

    private <T> T expect(Column column, Object value, Class<T> type, long rowNumber) {
        if (!type.isInstance(value)) {
            throw invalid(column, rowNumber, "expects " + javaType(column.type()) + " for " + column.type()
                    + " but got " + value.getClass().getSimpleName() + " (" + value + ")");
        }
        return type.cast(value);
    }

    private String text(int index, String value, long rowNumber) {
        if (value.length() > maxLengths[index]) {
            throw invalid(columns[index], rowNumber, "allows at most " + maxLengths[index]
                    + " characters but got " + value.length());
        }
        return value;
    }

    /** TIMESTAMP columns are TIMESTAMP(0); truncating here keeps all backends identical. */
    private static LocalDateTime wholeSeconds(LocalDateTime value) {
        return value.getNano() == 0 ? value : value.withNano(0);
    }

    private BigDecimal money(Column column, BigDecimal value, long rowNumber) {
        BigDecimal scaled;
        try {
            scaled = value.scale() == MONEY_SCALE ? value : value.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw invalid(column, rowNumber, "allows at most " + MONEY_SCALE + " decimal places but got " + value);
        }
        if (scaled.precision() > MONEY_PRECISION) {
            throw invalid(column, rowNumber, "does not fit DECIMAL(" + MONEY_PRECISION + "," + MONEY_SCALE
                    + "): " + value);
        }
        return scaled;
    }

    private IllegalArgumentException invalid(Column column, long rowNumber, String problem) {
        return new IllegalArgumentException(
                "table " + table.name() + ", column " + column.name() + ", row " + rowNumber + ": " + problem);
    }

    private static String javaType(ColumnType type) {
        return switch (type) {
            case ID, TEXT -> "String";
            case INTEGER -> "Integer";
            case BOOLEAN -> "Boolean";
            case TIMESTAMP -> "LocalDateTime";
            case MONEY -> "BigDecimal";
        };
    }
}
