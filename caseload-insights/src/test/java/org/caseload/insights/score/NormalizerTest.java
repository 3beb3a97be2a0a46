package org.caseload.insights.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.caseload.model.Score.Normalization;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    @Test
    void percentileRankPutsTheLowestPeerAtZeroAndTheHighestAtHundred() {
        double[] peers = {10, 20, 30, 40};
        // (number below + (number equal − 1)/2) / (n − 1): 10 → 0/3, 20 → 1/3, 30 → 2/3, 40 → 3/3
        assertThat(Normalizer.percentileRank(10, peers)).isEqualTo(0.0);
        assertThat(Normalizer.percentileRank(20, peers)).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(Normalizer.percentileRank(30, peers)).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(Normalizer.percentileRank(40, peers)).isEqualTo(100.0);
    }

    @Test
    void tiedPeersShareTheirMeanRank() {
        double[] peers = {10, 20, 20, 40};
        // the two 20s hold ranks 1 and 2 (0-based) → mean 1.5 → 100 · 1.5 / 3 = 50
        assertThat(Normalizer.percentileRank(20, peers)).isEqualTo(50.0);
        // all tied: mean rank (0 + 1 + 2) / 3 = 1 of 2 → 50
        assertThat(Normalizer.percentileRank(7, new double[] {7, 7, 7})).isEqualTo(50.0);
    }

    @Test
    void aSinglePeerGetsFifty() {
        assertThat(Normalizer.percentileRank(3, new double[] {3})).isEqualTo(50.0);
        assertThat(Normalizer.normalize(3, new double[] {3}, Normalization.PERCENTILE_RANK, false)).isEqualTo(50.0);
    }

    @Test
    void lowerIsBetterFlipsTheScale() {
        double[] peers = {10, 20, 30, 40};
        // 10 is the best of a lower-is-better metric: 100 − 0 = 100
        assertThat(Normalizer.normalize(10, peers, Normalization.PERCENTILE_RANK, false)).isEqualTo(100.0);
        assertThat(Normalizer.normalize(40, peers, Normalization.PERCENTILE_RANK, false)).isEqualTo(0.0);
    }

    @Test
    void robustZMapsThroughTheNormalDistribution() {
        // peers 5.174, 10, 20, 30, 34.826: median 20; deviations 14.826, 10, 0, 10, 14.826
        // → sorted 0, 10, 10, 14.826, 14.826 → MAD 10 → σ = 1.4826 · 10 = 14.826
        double[] peers = {5.174, 10, 20, 30, 34.826};
        // 34.826: z = 14.826 / 14.826 = 1 → 100 · Φ(1) = 84.1345
        assertThat(Normalizer.robustZ(34.826, peers)).isCloseTo(84.1345, within(1e-3));
        // 5.174: z = −1 → 100 · Φ(−1) = 15.8655
        assertThat(Normalizer.robustZ(5.174, peers)).isCloseTo(15.8655, within(1e-3));
        // the median → 50
        assertThat(Normalizer.robustZ(20, peers)).isCloseTo(50.0, within(1e-9));
        // 30: z = 10 / 14.826 = 0.67449 → Φ(0.6745) = 0.75 (0.6745 is the normal quartile) → 75.0
        assertThat(Normalizer.robustZ(30, peers)).isCloseTo(75.0, within(1e-2));
        // lower is better: 100 − 84.1345 = 15.8655
        assertThat(Normalizer.normalize(34.826, peers, Normalization.ROBUST_Z, false)).isCloseTo(15.8655, within(1e-3));
    }

    @Test
    void robustZWithZeroMadUsesTheMeanAbsoluteDeviation() {
        double[] peers = {5, 5, 5, 5, 9};
        // MAD 0; MeanAD 0.8 → σ = 1.253314 · 0.8 = 1.0026512; z(9) = 4 / 1.0026512 = 3.989
        // → 100 · Φ(3.989) = 100 · (1 − 3.31e-5) = 99.9967
        assertThat(Normalizer.robustZ(9, peers)).isCloseTo(99.9967, within(1e-3));
        assertThat(Normalizer.robustZ(5, peers)).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void robustZWithoutSpreadIsFifty() {
        assertThat(Normalizer.robustZ(4, new double[] {4, 4, 4})).isEqualTo(50.0);
    }

    @Test
    void normalizingAWholePeerGroupAtOnceGivesTheSameValues() {
        double[][] groups = {{5.174, 10, 20, 30, 34.826}, {5, 5, 5, 5, 9}, {4, 4, 4}, {10, 20, 20, 40}, {3}};
        for (double[] peers : groups) {
            for (Normalization how : Normalization.values()) {
                for (boolean higher : new boolean[] {true, false}) {
                    var all = Normalizer.against(peers, how, higher);
                    for (double x : peers) {
                        assertThat(all.applyAsDouble(x)).isEqualTo(Normalizer.normalize(x, peers, how, higher));
                    }
                }
            }
        }
    }
}
