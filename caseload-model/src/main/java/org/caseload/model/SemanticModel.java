package org.caseload.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated metrics model: facts with their joins and measures, metrics, dimensions, scores. Immutable;
 * every name it holds resolves, formulas have no cycles, and every table it names exists.
 * Maps keep declaration order, which is the catalog's order.
 */
public record SemanticModel(
        String name,
        String file,
        String currency,
        Map<String, Fact> facts,
        Map<String, Measure> measures,
        Map<String, Metric> metrics,
        Map<String, Dimension> dimensions,
        Map<String, Score> scores) {

    public SemanticModel {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        measures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measures));
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    public Optional<Dimension> dimension(String name) {
        return Optional.ofNullable(dimensions.get(name));
    }

    public Optional<Score> score(String name) {
        return Optional.ofNullable(scores.get(name));
    }

    public List<Metric> catalog() {
        return List.copyOf(metrics.values());
    }

    /** The measures a metric is built from, each once, in first-use order (formulas expanded). */
    public List<Measure> measuresOf(Metric metric) {
        java.util.LinkedHashSet<Measure> out = new java.util.LinkedHashSet<>();
        collect(metric, out);
        return List.copyOf(out);
    }

    private void collect(Metric metric, java.util.Set<Measure> out) {
        metric.measure().ifPresent(m -> out.add(measures.get(m)));
        metric.formula().ifPresent(f -> org.caseload.model.expr.Exprs.refs(f).forEach(r -> {
            Metric other = metrics.get(r.name());
            if (other != null) {
                collect(other, out);
            } else {
                out.add(measures.get(r.name()));
            }
        }));
    }
}
