package org.caseload.ingest.csv;

/** The file is not CSV the reader can follow (or lacks required columns): no row after it can be trusted. */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long line;

    public CsvFormatException(String fileName, long line, String problem) {
        super(fileName + ":" + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    public long line() {
        return line;
    }
}
