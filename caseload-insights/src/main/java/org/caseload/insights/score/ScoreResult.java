package org.caseload.insights.score;

import java.util.List;
import org.caseload.model.Score;

/** Scored entities in peer-group order, best first within each group, not scored last. */
public record ScoreResult(Score score, List<ScoredEntity> entities, String sql, long sqlMillis, long statsMicros) {
    public ScoreResult {
        entities = List.copyOf(entities);
    }
}
