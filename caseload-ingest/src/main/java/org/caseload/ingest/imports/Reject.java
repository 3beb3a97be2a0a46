package org.caseload.ingest.imports;

/**
 * One input row refused by an importer.
 *
 * @param file the input file's name
 * @param line 1-based line the row starts on (the CSV header is line 1; NDJSON resources are one per line)
 * @param column the input column or JSON field at fault, or "" when the row as a whole is
 * @param value the offending value as read (possibly empty), trimmed for display
 * @param reason what is wrong, in words a data steward can act on
 */
public record Reject(String file, long line, String column, String value, String reason) {
    private static final int VALUE_SHOWN = 60;

    public Reject {
        value = value == null ? "" : value.length() > VALUE_SHOWN ? value.substring(0, VALUE_SHOWN) + "…" : value;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (column.isEmpty() ? "" : column + ": ") + reason
                + (value.isEmpty() ? "" : " (value '" + value + "')");
    }
}
