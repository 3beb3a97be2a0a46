package org.caseload.insights.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caseload.insights.TestEngine.member;
import static org.caseload.insights.TestEngine.row;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.TestEngine;
import org.caseload.insights.score.ScoredEntity.ComponentScore;
import org.caseload.model.SemanticModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores of four eligible locations A–D and one under the minimum volume, E:
 * <pre>
 *        visits  visits/clinical hour  avg wait  staff cost/visit
 *   A     100          2.0                10           50
 *   B     200          3.0                20           40
 *   C     150          4.0                30           60
 *   D     120          3.0                20           30
 *   E      10          9.0                 1          500
 * </pre>
 */
class ScorerTest {
    private static final double EPS = 1e-9;

    @TempDir
    static Path dir;
    private static TestEngine warehouse;
    private static SemanticModel model;
    private static Scorer scorer;

    @BeforeAll
    static void engine() throws Exception {
        model = ScoreModels.model();
        warehouse = TestEngine.create(dir, model);
        scorer = new Scorer(warehouse.engine);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static List<Row> locations() {
        return List.of(
                location("A", 100, 2.0, 10.0, 50),
                location("B", 200, 3.0, 20.0, 40),
                location("C", 150, 4.0, 30.0, 60),
                location("D", 120, 3.0, 20.0, 30),
                location("E", 10, 9.0, 1.0, 500));
    }

    private static Row location(String key, double visits, double perHour, Double wait, double costPerVisit) {
        return row(key, "visits", visits, "visits_per_clinical_hour", perHour, "avg_wait_minutes", wait,
                "staff_cost_per_visit", costPerVisit);
    }

    private List<ScoredEntity> score(String name, List<Row> rows) {
        return scorer.score(model.score(name).orElseThrow(), rows);
    }

    private static Map<String, ScoredEntity> byKey(List<ScoredEntity> entities) {
        return entities.stream().collect(Collectors.toMap(e -> e.entity().key(), Function.identity()));
    }

    private static ComponentScore component(ScoredEntity e, String name) {
        return e.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void percentileRanksAreWeightedIntoTheScore() {
        Map<String, ScoredEntity> s = byKey(score("care", locations()));
        // Among the eligible A–D only (E is below the minimum and is no one's peer):
        // visits per clinical hour 2, 3, 4, 3 (higher is better) → A 0, B and D share (1 + 2)/2 = 1.5 of 3 → 50, C 100
        // average wait 10, 20, 30, 20 (lower is better) → ranks A 0, B/D 50, C 100 → flipped: A 100, B/D 50, C 0
        // score = (3 · throughput + 1 · wait) / 4:
        //   A = (0 + 100) / 4 = 25; B = D = (150 + 50) / 4 = 50; C = (300 + 0) / 4 = 75
        assertThat(s.get("A").score().getAsDouble()).isCloseTo(25, within(EPS));
        assertThat(s.get("B").score().getAsDouble()).isCloseTo(50, within(EPS));
        assertThat(s.get("C").score().getAsDouble()).isCloseTo(75, within(EPS));
        assertThat(s.get("D").score().getAsDouble()).isCloseTo(50, within(EPS));

        ComponentScore aWait = component(s.get("A"), "avg_wait_minutes");
        assertThat(aWait.value()).isEqualTo(10.0);
        assertThat(aWait.normalized()).isCloseTo(100, within(EPS));
        assertThat(aWait.contribution()).isCloseTo(25, within(EPS)); // 1 · 100 / 4
        ComponentScore bHour = component(s.get("B"), "visits_per_clinical_hour");
        assertThat(bHour.normalized()).isCloseTo(50, within(EPS));
        assertThat(bHour.contribution()).isCloseTo(37.5, within(EPS)); // 3 · 50 / 4
    }

    @Test
    void contributionsAddUpToTheScore() {
        for (String name : List.of("care", "care_z", "combined", "waits_z", "expensive")) {
            for (ScoredEntity e : score(name, locations())) {
                if (e.score().isEmpty()) continue;
                double sum = e.components().stream().mapToDouble(ComponentScore::contribution).sum();
                assertThat(sum).as(name + " " + e.entity().key()).isCloseTo(e.score().getAsDouble(), within(1e-9));
            }
        }
    }

    @Test
    void tiesShareACompetitionRankAndTheNextRankIsSkipped() {
        List<ScoredEntity> s = score("care", locations());
        // C 75 → 1; B and D 50 → both 2; A 25 → 4 (1224 ranking); best first, ties by label; E last, unranked
        assertThat(s).extracting(e -> e.entity().key()).containsExactly("C", "B", "D", "A", "E");
        assertThat(s.subList(0, 4)).extracting(e -> e.rank().getAsInt()).containsExactly(1, 2, 2, 4);
        assertThat(s.get(4).rank()).isEmpty();
    }

    @Test
    void anEntityUnderTheMinimumVolumeIsListedAsNotScoredWithItsReason() {
        ScoredEntity e = byKey(score("care", locations())).get("E");
        assertThat(e.score()).isEmpty();
        assertThat(e.rank()).isEmpty();
        assertThat(e.notScored()).hasValue("10 visits, below the minimum of 30");
        // its raw values are still shown, without normalized values or contributions
        assertThat(component(e, "visits_per_clinical_hour").value()).isEqualTo(9.0);
        assertThat(component(e, "visits_per_clinical_hour").normalized()).isNull();
        assertThat(component(e, "visits_per_clinical_hour").contribution()).isNull();
    }

    @Test
    void exactlyTheMinimumVolumeIsScored() {
        List<Row> rows = List.of(location("A", 30, 1, 10.0, 1), location("B", 29.5, 2, 10.0, 1), location("C", 100, 3, 10.0, 1));
        Map<String, ScoredEntity> s = byKey(score("care", rows));
        assertThat(s.get("A").score()).isPresent();
        // 29.5 rounds to "30" in the message but is below 30
        assertThat(s.get("B").notScored()).hasValueSatisfying(r -> assertThat(r).endsWith("below the minimum of 30"));
    }

    @Test
    void aMissingComponentValueMeansNotScored() {
        List<Row> rows = List.of(location("A", 100, 2, null, 50), location("B", 100, 3, 20.0, 40), location("C", 100, 4, 30.0, 60));
        ScoredEntity a = byKey(score("care", rows)).get("A");
        assertThat(a.notScored()).hasValue("no value for avg_wait_minutes");
    }

    @Test
    void scoresOfScoresUseTheSubScoresAsComponents() {
        Map<String, ScoredEntity> s = byKey(score("combined", locations()));
        // care (above): A 25, B 50, C 75, D 50; E not scored.
        // cost has no minimum, so all five are its peers: cost/visit 50, 40, 60, 30, 500 (lower is better)
        //   → ranks of 4: D 0, B 1, A 2, C 3, E 4 → 0, 25, 50, 75, 100 → flipped D 100, B 75, A 50, C 25, E 0
        // combined = (care + cost) / 2: A 37.5, B 62.5, C 50, D 75
        assertThat(s.get("A").score().getAsDouble()).isCloseTo(37.5, within(EPS));
        assertThat(s.get("B").score().getAsDouble()).isCloseTo(62.5, within(EPS));
        assertThat(s.get("C").score().getAsDouble()).isCloseTo(50, within(EPS));
        assertThat(s.get("D").score().getAsDouble()).isCloseTo(75, within(EPS));
        ComponentScore aCare = component(s.get("A"), "care");
        assertThat(aCare.value()).isCloseTo(25, within(EPS));
        assertThat(aCare.normalized()).isCloseTo(25, within(EPS));
        assertThat(aCare.contribution()).isCloseTo(12.5, within(EPS));
        assertThat(s.values().stream().filter(e -> e.rank().isPresent()).sorted(java.util.Comparator.comparingInt(e -> e.rank().getAsInt())))
                .extracting(e -> e.entity().key()).containsExactly("D", "B", "C", "A");
        assertThat(s.get("E").notScored()).hasValue("10 visits, below the minimum of 30");
    }

    @Test
    void anEntityNotScoredInASubScoreIsNotScoredInTheScoreBuiltOnIt() {
        Map<String, ScoredEntity> s = byKey(score("combined_no_minimum", locations()));
        assertThat(s.get("E").notScored()).hasValue("care not scored: 10 visits, below the minimum of 30");
        // the others as in "combined"
        assertThat(s.get("D").score().getAsDouble()).isCloseTo(75, within(EPS));
    }

    @Test
    void aLowerIsBetterScoreComponentIsTurnedAround() {
        Map<String, ScoredEntity> s = byKey(score("expensive", locations()));
        // cost: D 100, B 75, A 50, C 25, E 0 → 100 − cost: D 0, B 25, A 50, C 75, E 100
        assertThat(s.get("D").score().getAsDouble()).isCloseTo(0, within(EPS));
        assertThat(s.get("E").score().getAsDouble()).isCloseTo(100, within(EPS));
        assertThat(s.get("E").rank()).hasValue(1);
    }

    @Test
    void robustZNormalizationOnAHandExample() {
        // waits 5.174, 10, 20, 30, 34.826 (lower is better): median 20, MAD 10, σ 14.826
        // z: −1, −0.6745, 0, 0.6745, 1 → Φ: 15.87, 25, 50, 75, 84.13 → flipped 84.13, 75, 50, 25, 15.87
        List<Row> rows = List.of(row("P", "avg_wait_minutes", 5.174), row("Q", "avg_wait_minutes", 10),
                row("R", "avg_wait_minutes", 20), row("S", "avg_wait_minutes", 30), row("T", "avg_wait_minutes", 34.826));
        List<ScoredEntity> s = score("waits_z", rows);
        assertThat(s).extracting(e -> e.entity().key()).containsExactly("P", "Q", "R", "S", "T");
        assertThat(s).extracting(e -> e.score().getAsDouble()).satisfiesExactly(
                p -> assertThat(p).isCloseTo(84.13, within(0.01)),
                q -> assertThat(q).isCloseTo(75.00, within(0.01)),
                r -> assertThat(r).isCloseTo(50.00, within(0.01)),
                x -> assertThat(x).isCloseTo(25.00, within(0.01)),
                t -> assertThat(t).isCloseTo(15.87, within(0.01)));
        assertThat(s).extracting(e -> e.rank().getAsInt()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void robustZOfTheFourLocations() {
        Map<String, ScoredEntity> s = byKey(score("care_z", locations()));
        // visits/clinical hour 2, 3, 4, 3: median 3; deviations 1, 0, 1, 0 → MAD 0.5 → σ 0.7413
        //   A z = −1/0.7413 = −1.349 → Φ = 0.0887; B, D z = 0 → 0.5; C z = 1.349 → 0.9113
        // waits 10, 20, 30, 20: median 20; deviations 10, 0, 10, 0 → MAD 5 → σ 7.413
        //   A z = −1.349 → flipped 1 − 0.0887 = 0.9113; B, D 0.5; C 0.0887
        // A = (3 · 8.87 + 91.13) / 4 = 29.43; B = D = 50; C = (3 · 91.13 + 8.87) / 4 = 70.57
        assertThat(s.get("A").score().getAsDouble()).isCloseTo(29.43, within(0.01));
        assertThat(s.get("B").score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(s.get("D").score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(s.get("C").score().getAsDouble()).isCloseTo(70.57, within(0.01));
    }

    @Test
    void eachPeerGroupIsScoredOnItsOwn() {
        Member north = new Member("n", "North");
        Member south = new Member("s", "South");
        List<Row> rows = List.of(
                row(member("A"), south, Optional.empty(), "avg_wait_minutes", 10),
                row(member("B"), south, Optional.empty(), "avg_wait_minutes", 20),
                row(member("C"), north, Optional.empty(), "avg_wait_minutes", 100),
                row(member("D"), north, Optional.empty(), "avg_wait_minutes", 200),
                row(member("E"), north, Optional.empty(), "avg_wait_minutes", 300));
        List<ScoredEntity> s = score("waits_z", rows);
        // groups in label order: North (C, D, E) then South (A, B)
        assertThat(s).extracting(e -> e.peerGroup().label()).containsExactly("North", "North", "North", "South", "South");
        // North 100, 200, 300: median 200, MAD 100, σ 148.26: C z = −0.6745 → flipped 75; D 50; E 25
        // South 10, 20: median 15, MAD 5, σ 7.413: A z = −0.6745 → flipped 75; B 25 — A is not compared with C
        Map<String, ScoredEntity> k = byKey(s);
        assertThat(k.get("C").score().getAsDouble()).isCloseTo(75, within(0.01));
        assertThat(k.get("A").score().getAsDouble()).isCloseTo(75, within(0.01));
        assertThat(k.get("A").rank()).hasValue(1);
        assertThat(k.get("C").rank()).hasValue(1);
        assertThat(k.get("E").rank()).hasValue(3);
    }

    @Test
    void aPeerGroupOfOneScoresFifty() {
        List<ScoredEntity> s = score("care", List.of(location("A", 100, 2, 10.0, 50)));
        assertThat(s.get(0).score().getAsDouble()).isEqualTo(50.0);
        assertThat(s.get(0).rank()).hasValue(1);
    }
}
