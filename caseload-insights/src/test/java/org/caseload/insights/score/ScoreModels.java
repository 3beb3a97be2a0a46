package org.caseload.insights.score;

import org.caseload.insights.TestEngine;
import org.caseload.model.SemanticModel;

/** Scores small enough to work out by hand, over the default model's metrics. */
final class ScoreModels {
    private ScoreModels() {}

    static final String SCORES = """
            scores:
              care:
                label: Care
                description: Visits per clinical hour (weight 3) and short waits (weight 1).
                min_volume: { metric: visits, at_least: 30 }
                components:
                  - { metric: visits_per_clinical_hour, weight: 3 }
                  - { metric: avg_wait_minutes, weight: 1 }
              care_z:
                label: Care (robust z)
                description: As care, normalized by robust z.
                normalization: robust_z
                min_volume: { metric: visits, at_least: 30 }
                components:
                  - { metric: visits_per_clinical_hour, weight: 3 }
                  - { metric: avg_wait_minutes, weight: 1 }
              cost:
                label: Cost
                description: Cheap per visit; no minimum volume.
                components:
                  - { metric: staff_cost_per_visit, weight: 1 }
              combined:
                label: Combined
                description: Care and cost, equally weighted.
                min_volume: { metric: visits, at_least: 30 }
                components:
                  - { score: care, weight: 1 }
                  - { score: cost, weight: 1 }
              combined_no_minimum:
                label: Combined without its own minimum
                description: Care and cost; eligibility comes from the sub-scores.
                components:
                  - { score: care, weight: 1 }
                  - { score: cost, weight: 1 }
              expensive:
                label: Expensive
                description: The cost score turned around.
                components:
                  - { score: cost, weight: 1, direction: lower_is_better }
              waits_z:
                label: Waits (robust z)
                description: Short waits, robust z.
                normalization: robust_z
                components:
                  - { metric: avg_wait_minutes, weight: 1 }
              five:
                label: Five components
                description: For the benchmark and the monotonicity property.
                components:
                  - { metric: visits_per_clinical_hour, weight: 0.3 }
                  - { metric: visits_per_provider_day, weight: 0.2 }
                  - { metric: no_show_rate, weight: 0.2 }
                  - { metric: avg_wait_minutes, weight: 0.2 }
                  - { metric: utilization, weight: 0.1 }
              five_z:
                label: Five components (robust z)
                description: As five, robust z.
                normalization: robust_z
                components:
                  - { metric: visits_per_clinical_hour, weight: 0.3 }
                  - { metric: visits_per_provider_day, weight: 0.2 }
                  - { metric: no_show_rate, weight: 0.2 }
                  - { metric: avg_wait_minutes, weight: 0.2 }
                  - { metric: utilization, weight: 0.1 }
            """;

    static SemanticModel model() {
        return TestEngine.modelWithScores(SCORES);
    }
}
