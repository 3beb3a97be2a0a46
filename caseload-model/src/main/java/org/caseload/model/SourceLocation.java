package org.caseload.model;

/** Where something was written: file, 1-based line and column. Printed as {@code file:line:column}. */
public record SourceLocation(String file, int line, int column) {
    public static SourceLocation unknown(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The location {@code offset} characters further on the same line (for positions inside a scalar). */
    public SourceLocation plusColumns(int offset) {
        return new SourceLocation(file, line, column + offset);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
