package org.caseload.insights.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.insights.EntityRows;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.score.ScoredEntity.ComponentScore;
import org.caseload.model.Dimension;
import org.caseload.model.Score;
import org.caseload.model.SemanticModel;
import org.caseload.model.Suggestions;

/**
 * Computes a score for every entity: one engine query fetches every component metric by entity
 * and peer group (so grants and filters apply as to any query), then each peer group is scored on
 * its own. Scores built from scores are evaluated bottom-up over the same rows.
 */
public final class Scorer {
    private final Engine engine;
    private final SemanticModel model;

    public Scorer(Engine engine) {
        this.engine = engine;
        this.model = engine.model();
    }

    public ScoreResult score(ScoreRequest request, AccessScope scope) {
        Score score = model.score(request.score()).orElseThrow(() -> new RequestException("score",
                "unknown score '" + request.score() + "'", Suggestions.didYouMean(request.score(), model.scores().keySet())
                        .or(() -> Optional.of("scores: " + String.join(", ", model.scores().keySet())))));
        Dimension by = EntityRows.dimension(model, request.by(), "by");
        Optional<Dimension> within = request.within().or(score::within).map(w -> EntityRows.dimension(model, w, "within"));
        if (within.isPresent() && within.get().equals(by)) {
            throw new RequestException("within", "an entity cannot be its own peer group", Optional.of("drop --within or choose another dimension"));
        }
        List<String> metrics = new ArrayList<>(inputs(score));
        List<String> dims = within.map(w -> List.of(by.name(), w.name())).orElse(List.of(by.name()));
        MetricRequest mr = new MetricRequest(metrics, dims, Optional.empty(), request.from(), request.to(),
                request.filters(), List.of(), List.of(), OptionalInt.empty(), Optional.empty());
        long t0 = System.nanoTime();
        QueryResult result = engine.execute(mr, scope);
        long t1 = System.nanoTime();
        List<ScoredEntity> entities = score(score, EntityRows.of(result, by, within, Optional.empty(), metrics));
        long t2 = System.nanoTime();
        return new ScoreResult(score, entities, result.sql(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000);
    }

    /** Scores rows already fetched: public so the statistics can be tested and benchmarked without SQL. */
    public List<ScoredEntity> score(Score score, List<Row> rows) {
        Map<Member, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(Row::peer, LinkedHashMap::new, Collectors.toList()));
        List<ScoredEntity> out = new ArrayList<>();
        groups.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().label()))
                .forEach(e -> out.addAll(scoreGroup(score, e.getValue())));
        return out;
    }

    private List<ScoredEntity> scoreGroup(Score score, List<Row> peers) {
        Map<Row, Evaluation> eval = evaluate(score, peers);
        List<ScoredEntity> scored = new ArrayList<>();
        List<ScoredEntity> notScored = new ArrayList<>();
        List<Double> all = eval.values().stream().filter(v -> v.reason == null).map(v -> v.score).toList();
        for (Row r : peers) {
            Evaluation v = eval.get(r);
            if (v.reason != null) {
                notScored.add(new ScoredEntity(r.entity(), r.peer(), OptionalDouble.empty(), OptionalInt.empty(), v.components, Optional.of(v.reason)));
            } else {
                // Competition ranking: 1 + the number of peers strictly better; ties share a rank.
                int rank = 1 + (int) all.stream().filter(s -> s > v.score + 1e-9).count();
                scored.add(new ScoredEntity(r.entity(), r.peer(), OptionalDouble.of(v.score), OptionalInt.of(rank), v.components, Optional.empty()));
            }
        }
        scored.sort(Comparator.comparingInt((ScoredEntity s) -> s.rank().getAsInt()).thenComparing(s -> s.entity().label()));
        notScored.sort(Comparator.comparing(s -> s.entity().label()));
        scored.addAll(notScored);
        return scored;
    }

    private static final class Evaluation {
        double score;
        String reason;
        List<ComponentScore> components = new ArrayList<>();
    }

    /** Score of each peer, or why it has none; components first, so eligibility is known before normalizing. */
    private Map<Row, Evaluation> evaluate(Score score, List<Row> peers) {
        Map<String, Map<Row, Evaluation>> subScores = new LinkedHashMap<>();
        for (Score.Component c : score.components()) {
            if (c.isScore()) subScores.put(c.name(), evaluate(model.score(c.name()).orElseThrow(), peers));
        }
        Map<Row, Evaluation> out = new LinkedHashMap<>();
        List<Row> eligible = new ArrayList<>();
        for (Row r : peers) {
            Evaluation e = new Evaluation();
            e.reason = ineligibility(score, r, subScores);
            out.put(r, e);
            if (e.reason == null) eligible.add(r);
        }
        double total = score.totalWeight();
        for (Score.Component c : score.components()) {
            double[] values = c.isScore() ? null : eligible.stream().mapToDouble(r -> r.value(c.name())).toArray();
            DoubleUnaryOperator normalizer = c.isScore() ? null : Normalizer.against(values, score.normalization(), c.higherIsBetter());
            for (Row r : peers) {
                Evaluation e = out.get(r);
                Double raw = c.isScore() ? Optional.ofNullable(subScores.get(c.name()).get(r)).filter(x -> x.reason == null)
                        .map(x -> x.score).orElse(null) : r.value(c.name());
                if (e.reason != null) {
                    e.components.add(new ComponentScore(c.name(), raw, null, null));
                    continue;
                }
                double normalized = c.isScore() ? (c.higherIsBetter() ? raw : 100 - raw)
                        : normalizer.applyAsDouble(raw);
                double contribution = c.weight() * normalized / total;
                e.score += contribution;
                e.components.add(new ComponentScore(c.name(), raw, normalized, contribution));
            }
        }
        return out;
    }

    private String ineligibility(Score score, Row r, Map<String, Map<Row, Evaluation>> subScores) {
        if (score.minVolume().isPresent()) {
            Score.MinVolume mv = score.minVolume().get();
            Double v = r.value(mv.metric());
            if (v == null || v < mv.atLeast().doubleValue()) {
                return String.format(java.util.Locale.ENGLISH, "%s %s, below the minimum of %s", v == null ? "no" : String.format(java.util.Locale.ENGLISH, "%,.0f", v),
                        mv.metric(), mv.atLeast().stripTrailingZeros().toPlainString());
            }
        }
        for (Score.Component c : score.components()) {
            if (c.isScore()) {
                Evaluation sub = subScores.get(c.name()).get(r);
                if (sub.reason != null) return c.name() + " not scored: " + sub.reason;
            } else if (r.value(c.name()) == null) {
                return "no value for " + c.name();
            }
        }
        return null;
    }

    /** Every metric the score reads: leaf components and minimum volumes, through sub-scores. */
    private Set<String> inputs(Score score) {
        Set<String> out = new LinkedHashSet<>();
        for (Score.Component c : score.components()) {
            if (c.isScore()) out.addAll(inputs(model.score(c.name()).orElseThrow()));
            else out.add(c.name());
        }
        score.minVolume().ifPresent(mv -> out.add(mv.metric()));
        return out;
    }

}
