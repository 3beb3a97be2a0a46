package org.caseload.insights.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.RequestException;
import org.caseload.insights.SmallClinic;
import org.caseload.insights.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "care" score through the engine, on a warehouse built to give the values of {@link ScorerTest}:
 * <pre>
 *   location  region  visits  10-h shifts  visits/clinical hour  wait
 *   Alpha     North    100        5          100/50 = 2.0          10
 *   Bravo     North    150        5          150/50 = 3.0          20
 *   Charlie   South    200        5          200/50 = 4.0          30
 *   Delta     South    120        4          120/40 = 3.0          20
 *   Echo      South     10        1           10/10 = 1.0           1
 * </pre>
 */
class ScorerWarehouseTest {
    @TempDir
    static Path dir;
    private static TestEngine warehouse;
    private static Scorer scorer;

    @BeforeAll
    static void engine() throws Exception {
        SmallClinic clinic = new SmallClinic()
                .location("LA", "Alpha", "North").location("LB", "Bravo", "North").location("LC", "Charlie", "South")
                .location("LD", "Delta", "South").location("LE", "Echo", "South")
                .visits("LA", "2024-01-02 08:00", 100, 10).shifts("LA", "2024-01-02", 5)
                .visits("LB", "2024-01-02 08:00", 150, 20).shifts("LB", "2024-01-02", 5)
                .visits("LC", "2024-01-02 08:00", 200, 30).shifts("LC", "2024-01-02", 5)
                .visits("LD", "2024-01-02 08:00", 120, 20).shifts("LD", "2024-01-02", 4)
                .visits("LE", "2024-01-02 08:00", 10, 1).shifts("LE", "2024-01-02", 1);
        warehouse = TestEngine.create(dir, ScoreModels.model(), clinic.sql());
        scorer = new Scorer(warehouse.engine);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static ScoreRequest request(String score, Optional<String> within) {
        return new ScoreRequest(score, "location", within, Optional.empty(), Optional.empty(), List.of());
    }

    private static Map<String, ScoredEntity> byLabel(ScoreResult r) {
        return r.entities().stream().collect(Collectors.toMap(e -> e.entity().label(), Function.identity()));
    }

    @Test
    void oneQueryFetchesTheComponentsAndTheScoresMatchTheHandComputation() {
        ScoreResult r = scorer.score(request("care", Optional.empty()), AccessScope.UNRESTRICTED);
        // as in ScorerTest: Charlie 75 (1), Bravo and Delta 50 (2), Alpha 25 (4), Echo not scored
        assertThat(r.entities()).extracting(e -> e.entity().label()).containsExactly("Charlie", "Bravo", "Delta", "Alpha", "Echo");
        Map<String, ScoredEntity> s = byLabel(r);
        assertThat(s.get("Charlie").score().getAsDouble()).isCloseTo(75, within(1e-9));
        assertThat(s.get("Bravo").score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(s.get("Delta").score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(s.get("Alpha").score().getAsDouble()).isCloseTo(25, within(1e-9));
        assertThat(s.get("Echo").notScored()).hasValue("10 visits, below the minimum of 30");
        assertThat(s.get("Alpha").entity().key()).isEqualTo("LA");
        assertThat(s.get("Delta").components()).extracting(ScoredEntity.ComponentScore::value).containsExactly(3.0, 20.0);
        assertThat(r.sql()).containsIgnoringCase("select");
    }

    @Test
    void peerGroupsComeFromWithin() {
        ScoreResult r = scorer.score(request("care", Optional.of("region")), AccessScope.UNRESTRICTED);
        // North: Alpha vs Bravo → per hour 0 / 100, wait (flipped) 100 / 0 → Alpha 25, Bravo 75
        // South (Echo not scored): Charlie vs Delta → per hour 100 / 0, wait 0 / 100 → Charlie 75, Delta 25
        assertThat(r.entities()).extracting(e -> e.peerGroup().label() + " " + e.entity().label() + " " + e.rank().orElse(0))
                .containsExactly("North Bravo 1", "North Alpha 2", "South Charlie 1", "South Delta 2", "South Echo 0");
        Map<String, ScoredEntity> s = byLabel(r);
        assertThat(s.get("Alpha").score().getAsDouble()).isCloseTo(25, within(1e-9));
        assertThat(s.get("Delta").score().getAsDouble()).isCloseTo(25, within(1e-9));
    }

    @Test
    void grantsDecideWhoThePeersAre() {
        ScoreResult r = scorer.score(request("care", Optional.empty()), AccessScope.locations(Set.of("LA", "LB", "LC")));
        // Alpha, Bravo, Charlie only: per hour 2, 3, 4 → 0, 50, 100; wait 10, 20, 30 → flipped 100, 50, 0
        // → Alpha 25, Bravo 50, Charlie 75
        assertThat(r.entities()).extracting(e -> e.entity().label()).containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(byLabel(r).get("Bravo").score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(byLabel(r).get("Bravo").rank()).hasValue(2);
    }

    @Test
    void scoresOfScoresFetchTheLeafMetrics() {
        ScoreResult r = scorer.score(request("combined", Optional.empty()), AccessScope.UNRESTRICTED);
        // cost per visit: 5,000/100 = 50, 5,000/150 = 33.3, 5,000/200 = 25, 4,000/120 = 33.3, 1,000/10 = 100
        // lower is better, all five are cost's peers: sorted 25 (C), 33.3 (B, D tie), 50 (A), 100 (E)
        //   ranks of 4: C 0, B/D 1.5, A 3, E 4 → 0, 37.5, 75, 100 → flipped C 100, B/D 62.5, A 25, E 0
        // combined = (care + cost) / 2: A (25 + 25)/2 = 25; B (50 + 62.5)/2 = 56.25; C (75 + 100)/2 = 87.5;
        //   D (50 + 62.5)/2 = 56.25; E not scored
        Map<String, ScoredEntity> s = byLabel(r);
        assertThat(s.get("Alpha").score().getAsDouble()).isCloseTo(25, within(1e-9));
        assertThat(s.get("Bravo").score().getAsDouble()).isCloseTo(56.25, within(1e-9));
        assertThat(s.get("Charlie").score().getAsDouble()).isCloseTo(87.5, within(1e-9));
        assertThat(s.get("Delta").score().getAsDouble()).isCloseTo(56.25, within(1e-9));
        assertThat(s.get("Bravo").rank()).hasValue(2);
        assertThat(s.get("Delta").rank()).hasValue(2);
        assertThat(s.get("Alpha").rank()).hasValue(4);
    }

    @Test
    void badRequestsNameTheirField() {
        assertThatThrownBy(() -> scorer.score(request("car", Optional.empty()), AccessScope.UNRESTRICTED))
                .isInstanceOfSatisfying(RequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("score");
                    assertThat(e.describe()).contains("unknown score 'car'", "care");
                });
        assertThatThrownBy(() -> scorer.score(request("care", Optional.of("location")), AccessScope.UNRESTRICTED))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.field()).isEqualTo("within"));
    }
}
