package org.caseload.model;

import java.util.Optional;

/** One thing wrong with a model, with where it is and, when we can guess, what was meant. */
public record Problem(SourceLocation location, String message, Optional<String> hint) {
    public static Problem of(SourceLocation location, String message) {
        return new Problem(location, message, Optional.empty());
    }

    public static Problem of(SourceLocation location, String message, Optional<String> hint) {
        return new Problem(location, message, hint);
    }

    @Override
    public String toString() {
        return location + ": " + message + hint.map(h -> " — " + h).orElse("");
    }
}
