package org.caseload.insights.score;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.caseload.insights.EntityRows.Member;

/**
 * One entity's score within its peer group: 0–100, its rank (1 = best; ties share a rank), and per
 * component the raw value, the normalized value (0–100, oriented so higher is better) and the
 * weighted contribution (contributions add up to the score). Not scored entities carry the reason.
 */
public record ScoredEntity(Member entity, Member peerGroup, OptionalDouble score, OptionalInt rank,
                           List<ComponentScore> components, Optional<String> notScored) {
    public ScoredEntity {
        components = List.copyOf(components);
    }

    public record ComponentScore(String name, Double value, Double normalized, Double contribution) {}
}
