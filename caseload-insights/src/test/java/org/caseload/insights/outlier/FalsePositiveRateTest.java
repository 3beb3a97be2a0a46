package org.caseload.insights.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.insights.TestEngine.row;
import static org.caseload.insights.outlier.Detection.request;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.outlier.Detection.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On clean data (no entity different from the others) flags are false positives. With 50 peers
 * drawn from one normal distribution, the MAD method at its default threshold 3.5 must flag at most
 * 1% of them. (For a known σ, P(|Z| > 3.5) = 0.047%; MAD estimated from 50 values widens the tails a little.)
 */
class FalsePositiveRateTest {
    private static final int ENTITIES = 50;
    private static final int TRIALS = 1_000;

    @TempDir
    static Path dir;
    private static Detection detection;

    @BeforeAll
    static void setUp() throws Exception {
        detection = new Detection(dir);
    }

    @AfterAll
    static void tearDown() {
        detection.close();
    }

    @Test
    void madMethodFlagsAtMostOnePercentOfCleanNormalData() {
        NormalDistribution clean = new NormalDistribution(new Well19937c(12345), 1_000, 50);
        OutlierRequest req = request("charges", Method.MAD); // default threshold
        assertThat(req.effectiveThreshold()).isEqualTo(3.5);
        long flagged = 0;
        int trialsWithAFlag = 0;
        for (int t = 0; t < TRIALS; t++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < ENTITIES; i++) rows.add(row("E" + i, "charges", clean.sample()));
            Result r = detection.peers(req, rows);
            assertThat(r.untested()).isEmpty();
            flagged += r.flags().size();
            if (!r.flags().isEmpty()) trialsWithAFlag++;
        }
        double fpr = (double) flagged / (ENTITIES * TRIALS);
        System.out.printf("false-positive rate, MAD at 3.5, %d normal peers x %d trials: %.4f%% of entities (%d flags; %d of %d trials with any flag)%n",
                ENTITIES, TRIALS, 100 * fpr, flagged, trialsWithAFlag, TRIALS);
        assertThat(fpr).isLessThanOrEqualTo(0.01);
    }
}
