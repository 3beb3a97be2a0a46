package org.caseload.ingest.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A CSV file's column names, looked up without regard to case. */
public final class CsvHeader {
    private final String fileName;
    private final List<String> names;

    CsvHeader(String fileName, List<String> names) {
        this.fileName = fileName;
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    /** Index of a column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Indexes of the required columns, in the order asked for.
     *
     * @throws CsvFormatException naming every missing column at once (extra columns are fine)
     */
    public int[] require(String... columns) {
        int[] indexes = new int[columns.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            indexes[i] = indexOf(columns[i]);
            if (indexes[i] < 0) {
                missing.add(columns[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new CsvFormatException(fileName, 1, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the header has " + String.join(",", names) + ")");
        }
        return indexes;
    }

    @Override
    public String toString() {
        return String.join(",", names).toLowerCase(Locale.ROOT);
    }
}
