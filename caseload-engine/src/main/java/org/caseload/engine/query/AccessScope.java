package org.caseload.engine.query;

import java.util.Optional;
import java.util.Set;

/**
 * Row-level grants of whoever asks. The planner adds the restriction to every fact it reads, so
 * no entry point (query, comparison period, export, dashboard tile) can bypass it.
 */
public record AccessScope(Optional<Set<String>> locationIds) {
    public static final AccessScope UNRESTRICTED = new AccessScope(Optional.empty());

    public AccessScope {
        locationIds = locationIds.map(Set::copyOf);
    }

    public static AccessScope locations(Set<String> ids) {
        return new AccessScope(Optional.of(ids));
    }
}
