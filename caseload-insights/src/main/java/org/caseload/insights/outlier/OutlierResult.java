package org.caseload.insights.outlier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseload.insights.EntityRows.Member;

/**
 * Flags strongest first, and the entity-periods that were not tested: low volume (a ratio over too
 * few visits), or too few peers or too little history to compare with.
 */
public record OutlierResult(List<Flag> flags, List<Untested> untested, String sql) {
    public OutlierResult {
        flags = List.copyOf(flags);
        untested = List.copyOf(untested);
    }

    public record Untested(Member entity, Member peerGroup, Optional<LocalDate> period, String reason) {}
}
