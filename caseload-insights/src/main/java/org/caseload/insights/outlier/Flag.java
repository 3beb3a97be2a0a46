package org.caseload.insights.outlier;

import java.time.LocalDate;
import java.util.Optional;
import org.caseload.insights.EntityRows.Member;

/**
 * One value that stands out: what, where, when, by how much, whether that is good or bad news for
 * this metric, a sentence a manager can read, and the member of another dimension that contributes
 * most to the deviation.
 */
public record Flag(String metric, Member entity, Member peerGroup, Optional<LocalDate> period, double value,
                   double expected, Double deviationPct, Double z, String direction, String explanation,
                   Optional<String> drilldown) {

    public double deviation() {
        return value - expected;
    }

    /** How far out, for ranking: |z|, or for fence flags without a z the relative deviation. */
    public double strength() {
        return z != null ? Math.abs(z) : deviationPct != null ? Math.abs(deviationPct) : 0;
    }

    public Flag withDrilldown(String text) {
        return new Flag(metric, entity, peerGroup, period, value, expected, deviationPct, z, direction,
                explanation + " — " + text, Optional.of(text));
    }
}
