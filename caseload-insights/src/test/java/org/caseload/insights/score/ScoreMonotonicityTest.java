package org.caseload.insights.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.insights.TestEngine.row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.TestEngine;
import org.caseload.model.Score;
import org.caseload.model.SemanticModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: improving one component of one entity (raising a higher-is-better value, lowering a
 * lower-is-better one) never lowers that entity's score, whatever the peers look like. Data sets
 * mix continuous values with a few repeated ones, so ties and MAD = 0 are exercised too.
 */
class ScoreMonotonicityTest {
    private static final int DATA_SETS = 3_000;

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

    @ParameterizedTest
    @ValueSource(strings = {"five", "five_z"})
    void improvingOneComponentNeverLowersTheScore(String scoreName) {
        Score score = model.score(scoreName).orElseThrow();
        Random random = new Random(20240501L + scoreName.hashCode());
        int checked = 0;
        for (int t = 0; t < DATA_SETS; t++) {
            int n = 1 + random.nextInt(12);
            boolean discrete = random.nextInt(3) == 0; // small integers: many ties, often MAD = 0
            double[][] values = new double[n][score.components().size()];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < values[i].length; c++) values[i][c] = draw(random, discrete);
            }
            int who = random.nextInt(n);
            int which = random.nextInt(values[who].length);
            Score.Component component = score.components().get(which);
            double step = discrete ? 1 + random.nextInt(3) : random.nextDouble() * (random.nextBoolean() ? 0.1 : 10);
            double before = scoreOf(score, values, who);
            values[who][which] += component.higherIsBetter() ? step : -step;
            double after = scoreOf(score, values, who);
            assertThat(after).as("%s, data set %d: entity %d, %s %s by %s", scoreName, t, who, component.name(),
                    component.higherIsBetter() ? "raised" : "lowered", step).isGreaterThanOrEqualTo(before - 1e-9);
            checked++;
        }
        assertThat(checked).isEqualTo(DATA_SETS);
    }

    private static double draw(Random random, boolean discrete) {
        if (discrete) return random.nextInt(4);
        return random.nextInt(10) == 0 ? 5.0 : random.nextGaussian() * 10 + 50; // a shared 5.0 now and then
    }

    private double scoreOf(Score score, double[][] values, int who) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Object[] pairs = new Object[2 * score.components().size()];
            for (int c = 0; c < score.components().size(); c++) {
                pairs[2 * c] = score.components().get(c).name();
                pairs[2 * c + 1] = values[i][c];
            }
            rows.add(row("E" + i, pairs));
        }
        return scorer.score(score, rows).stream().filter(e -> e.entity().key().equals("E" + who)).findFirst()
                .orElseThrow().score().getAsDouble();
    }
}
