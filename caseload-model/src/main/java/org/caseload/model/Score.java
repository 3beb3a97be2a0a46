package org.caseload.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A score ranks entities (locations, services, staff) against their peers: each component metric
 * (or other score) is normalized within the peer group, oriented by its direction, and the weighted
 * average is the score, 0–100. Entities below the minimum volume are listed as not scored.
 */
public record Score(
        String name,
        String label,
        String description,
        List<Component> components,
        Optional<String> within,
        Normalization normalization,
        Optional<MinVolume> minVolume,
        SourceLocation location) {

    public Score {
        components = List.copyOf(components);
    }

    /** How a component's raw values become 0–100 within the peer group. */
    public enum Normalization {
        /** Mid-rank percentile: the lowest peer 0, the highest 100, ties share their mean rank. */
        PERCENTILE_RANK,
        /** Robust z (x − median) / (1.4826 · MAD), mapped to 0–100 through the normal distribution. */
        ROBUST_Z;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT); // not the default locale's: in Turkish, "I" lower-cases to "ı"
        }
    }

    /** One part of a score: a metric or another score, its weight, and whether higher is better. */
    public record Component(String name, boolean isScore, double weight, boolean higherIsBetter) {}

    /** Below {@code atLeast} of {@code metric}, an entity is listed as not scored instead of getting a number. */
    public record MinVolume(String metric, BigDecimal atLeast) {}

    public double totalWeight() {
        return components.stream().mapToDouble(Component::weight).sum();
    }
}
