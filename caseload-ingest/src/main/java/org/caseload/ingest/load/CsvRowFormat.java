package org.caseload.ingest.load;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.ColumnType;
import org.caseload.model.warehouse.Table;

/**
 * Validated warehouse rows as CSV that DuckDB's {@code read_csv} and PostgreSQL's {@code COPY … (FORMAT
 * csv, NULL '\\N')} read back exactly: every text value quoted (inner quotes doubled), NULL an
 * unquoted {@code \\N} (a quoted {@code "\\N"} stays text in both readers), timestamps {@code
 * yyyy-MM-dd HH:mm:ss}, money plain with two decimals, booleans {@code true}/{@code false}.
 */
final class CsvRowFormat {
    private static final byte[] NULL = {'\\', 'N'};

    private final ColumnType[] types;
    private final byte[] scratch = new byte[32];

    CsvRowFormat(Table table) {
        this.types = table.columns().stream().map(Column::type).toArray(ColumnType[]::new);
    }

    void write(Object[] row, OutputStream out) throws IOException {
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeValue(types[i], row[i], out);
        }
        out.write('\n');
    }

    private void writeValue(ColumnType type, Object value, OutputStream out) throws IOException {
        if (value == null) {
            out.write(NULL);
            return;
        }
        switch (type) {
            case ID, TEXT -> writeText((String) value, out);
            case INTEGER -> writeAscii(Integer.toString((Integer) value), out);
            case BOOLEAN -> writeAscii((Boolean) value ? "true" : "false", out);
            case TIMESTAMP -> writeTimestamp((LocalDateTime) value, out);
            case MONEY -> writeMoney((BigDecimal) value, out);
        }
    }

    private static void writeText(String value, OutputStream out) throws IOException {
        out.write('"');
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            // A quote byte never occurs inside a multi-byte UTF-8 sequence, so bytes can be scanned directly.
            if (bytes[i] == '"') {
                out.write(bytes, from, i - from + 1);
                out.write('"');
                from = i + 1;
            }
        }
        out.write(bytes, from, bytes.length - from);
        out.write('"');
    }

    private static void writeAscii(String value, OutputStream out) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            out.write(value.charAt(i));
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, by hand: the validator has already dropped fractions of a second. */
    private void writeTimestamp(LocalDateTime t, OutputStream out) throws IOException {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            writeAscii(t.toString().replace('T', ' '), out);
            return;
        }
        byte[] b = scratch;
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, t.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, t.getDayOfMonth(), 2);
        b[10] = ' ';
        digits(b, 11, t.getHour(), 2);
        b[13] = ':';
        digits(b, 14, t.getMinute(), 2);
        b[16] = ':';
        digits(b, 17, t.getSecond(), 2);
        out.write(b, 0, 19);
    }

    /** Scale 2 already (the validator set it); the unscaled value fits a long for DECIMAL(12,2). */
    private static void writeMoney(BigDecimal value, OutputStream out) throws IOException {
        long cents = value.unscaledValue().longValueExact();
        if (cents < 0) {
            out.write('-');
            cents = -cents;
        }
        writeAscii(Long.toString(cents / 100), out);
        out.write('.');
        out.write((int) ('0' + cents % 100 / 10));
        out.write((int) ('0' + cents % 10));
    }

    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
