package org.caseload.engine.query;

import java.util.Optional;

/**
 * A request that cannot be answered as asked: names the request field ({@code metrics},
 * {@code dimensions}, {@code filters[0].dimension}, ...) so the CLI can name its flag and the API
 * its JSON field, and gives a hint when one helps.
 */
public final class RequestException extends RuntimeException {
    private final String field;
    private final Optional<String> hint;

    public RequestException(String field, String message, Optional<String> hint) {
        super(message);
        this.field = field;
        this.hint = hint;
    }

    public RequestException(String field, String message) {
        this(field, message, Optional.empty());
    }

    public String field() {
        return field;
    }

    public Optional<String> hint() {
        return hint;
    }

    /** Message and hint on one line, for people. */
    public String describe() {
        return getMessage() + hint.map(h -> " — " + h).orElse("");
    }
}
