package org.caseload.insights.score;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseload.engine.query.DimensionFilter;

/** Score entities of {@code by} against the peers that share their {@code within} member (or all of them). */
public record ScoreRequest(String score, String by, Optional<String> within, Optional<LocalDate> from,
                           Optional<LocalDate> to, List<DimensionFilter> filters) {
    public ScoreRequest {
        filters = List.copyOf(filters);
    }
}
