package org.caseload.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads and checks the {@code scores:} section; problems go to the loader's list. */
final class ScoreReader {
    private static final Set<String> SCORE_KEYS =
            Set.of("label", "description", "components", "within", "normalization", "min_volume");
    private static final Set<String> COMPONENT_KEYS = Set.of("metric", "score", "weight", "direction");
    private static final Set<String> MIN_VOLUME_KEYS = Set.of("metric", "at_least");

    private final YamlNodes nodes;
    private final Map<String, Metric> metrics;
    private final Map<String, Dimension> dimensions;

    ScoreReader(YamlNodes nodes, Map<String, Metric> metrics, Map<String, Dimension> dimensions) {
        this.nodes = nodes;
        this.metrics = metrics;
        this.dimensions = dimensions;
    }

    Map<String, Score> read(Node scoresNode) {
        Map<String, Node> entries = nodes.namedEntries(scoresNode, "scores");
        Map<String, Score> scores = new LinkedHashMap<>();
        entries.forEach((name, node) -> readScore(name, node, entries.keySet()).ifPresent(s -> scores.put(name, s)));
        Set<String> done = new HashSet<>();
        for (Score s : scores.values()) {
            findCycle(s.name(), scores, new ArrayList<>(), done).ifPresent(cycle -> nodes.problem(entries.get(cycle.get(0)),
                    "scores form a cycle: " + String.join(" → ", cycle)));
        }
        return scores;
    }

    private Optional<Score> readScore(String name, Node node, Set<String> scoreNames) {
        String what = "score '" + name + "'";
        Map<String, Node> map = nodes.mapping(node, what, SCORE_KEYS).orElse(null);
        if (map == null) return Optional.empty();
        String label = nodes.requiredScalar(map, node, "label", what).orElse(name);
        String description = nodes.requiredScalar(map, node, "description", what).orElse("");
        Optional<String> within = nodes.optionalScalar(map, "within", what);
        within.ifPresent(w -> {
            if (!dimensions.containsKey(w)) {
                nodes.problem(map.get("within"), "unknown dimension '" + w + "' in 'within' of " + what,
                        Suggestions.didYouMean(w, dimensions.keySet()));
            }
        });
        Score.Normalization normalization = nodes.optionalScalar(map, "normalization", what).flatMap(n -> {
            for (Score.Normalization x : Score.Normalization.values()) {
                if (x.yamlName().equals(n)) return Optional.of(x);
            }
            nodes.problem(map.get("normalization"), "unknown normalization '" + n + "'",
                    Optional.of("one of percentile_rank, robust_z"));
            return Optional.empty();
        }).orElse(Score.Normalization.PERCENTILE_RANK);
        Optional<Score.MinVolume> minVolume = Optional.ofNullable(map.get("min_volume")).flatMap(v -> minVolume(v, what));
        List<Score.Component> components = new ArrayList<>();
        Node list = map.get("components");
        if (list == null) {
            nodes.problem(node, what + " needs 'components'");
        } else {
            List<Node> items = nodes.sequence(list, "components of " + what);
            if (items.isEmpty() && list instanceof SequenceNode) {
                nodes.problem(list, what + " needs at least one component");
            }
            for (Node c : items) {
                component(c, what, scoreNames).ifPresent(components::add);
            }
            if (components.isEmpty() && !items.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Score(name, label, description, components, within, normalization, minVolume, nodes.at(node)));
    }

    private Optional<Score.MinVolume> minVolume(Node node, String what) {
        String w = "'min_volume' of " + what;
        Map<String, Node> map = nodes.mapping(node, w, MIN_VOLUME_KEYS).orElse(null);
        if (map == null) return Optional.empty();
        Optional<String> metric = nodes.requiredScalar(map, node, "metric", w);
        Optional<BigDecimal> atLeast = nodes.requiredScalar(map, node, "at_least", w).flatMap(a -> number(a, map.get("at_least")));
        if (metric.isPresent() && !metrics.containsKey(metric.get())) {
            nodes.problem(map.get("metric"), "unknown metric '" + metric.get() + "'", Suggestions.didYouMean(metric.get(), metrics.keySet()));
            return Optional.empty();
        }
        return metric.isPresent() && atLeast.isPresent() ? Optional.of(new Score.MinVolume(metric.get(), atLeast.get())) : Optional.empty();
    }

    private Optional<Score.Component> component(Node node, String what, Set<String> scoreNames) {
        String w = "a component of " + what;
        Map<String, Node> map = nodes.mapping(node, w, COMPONENT_KEYS).orElse(null);
        if (map == null) return Optional.empty();
        Optional<String> metric = nodes.optionalScalar(map, "metric", w);
        Optional<String> score = nodes.optionalScalar(map, "score", w);
        if (metric.isPresent() == score.isPresent()) {
            nodes.problem(node, w + " needs exactly one of 'metric' or 'score'");
            return Optional.empty();
        }
        double weight = nodes.optionalScalar(map, "weight", w).flatMap(x -> number(x, map.get("weight")))
                .map(BigDecimal::doubleValue).orElse(1.0);
        if (!(weight > 0)) {
            nodes.problem(map.get("weight"), "weight must be greater than 0");
            return Optional.empty();
        }
        Optional<Boolean> higher = nodes.optionalScalar(map, "direction", w).flatMap(d -> switch (d) {
            case "higher_is_better" -> Optional.of(true);
            case "lower_is_better" -> Optional.of(false);
            default -> {
                nodes.problem(map.get("direction"), "unknown direction '" + d + "'",
                        Optional.of("one of higher_is_better, lower_is_better"));
                yield Optional.<Boolean>empty();
            }
        });
        if (score.isPresent()) {
            if (!scoreNames.contains(score.get())) {
                nodes.problem(map.get("score"), "unknown score '" + score.get() + "'", Suggestions.didYouMean(score.get(), scoreNames));
                return Optional.empty();
            }
            // A score is always "higher is better"; a lower_is_better component inverts it.
            return Optional.of(new Score.Component(score.get(), true, weight, higher.orElse(true)));
        }
        Metric m = metrics.get(metric.get());
        if (m == null) {
            nodes.problem(map.get("metric"), "unknown metric '" + metric.get() + "'", Suggestions.didYouMean(metric.get(), metrics.keySet()));
            return Optional.empty();
        }
        if (map.containsKey("direction") && higher.isEmpty()) {
            return Optional.empty(); // a bad direction, reported above: not also "must say its direction"
        }
        if (higher.isEmpty() && m.direction() == Direction.NEUTRAL) {
            nodes.problem(node, "metric '" + m.name() + "' is neutral, so " + w + " must say its direction",
                    Optional.of("add direction: higher_is_better or lower_is_better"));
            return Optional.empty();
        }
        return Optional.of(new Score.Component(m.name(), false, weight,
                higher.orElse(m.direction() == Direction.HIGHER_IS_BETTER)));
    }

    private Optional<BigDecimal> number(String text, Node node) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            nodes.problem(node, "'" + text + "' is not a number");
            return Optional.empty();
        }
    }

    private static Optional<List<String>> findCycle(String name, Map<String, Score> scores, List<String> path, Set<String> done) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        Score s = scores.get(name);
        if (s == null || done.contains(name)) return Optional.empty();
        path.add(name);
        for (Score.Component c : s.components()) {
            if (c.isScore()) {
                Optional<List<String>> found = findCycle(c.name(), scores, path, done);
                if (found.isPresent()) {
                    // Everything on the path is settled, so the cycle is reported once, at its first score.
                    path.remove(path.size() - 1);
                    done.add(name);
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return Optional.empty();
    }
}
