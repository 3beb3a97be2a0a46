package org.caseload.model.expr;

/** A model expression that does not parse; {@code offset} is where in the text it went wrong. */
public final class ExprSyntaxException extends RuntimeException {
    private final int offset;

    public ExprSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
