package org.caseload.insights.score;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.caseload.insights.stats.RobustStats;
import org.caseload.model.Score.Normalization;

/** Turns a component's raw value into 0–100 among its peers, higher always better after orientation. */
final class Normalizer {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** 1.4826 · MAD estimates the standard deviation of normal data. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private Normalizer() {}

    static double normalize(double x, double[] peers, Normalization how, boolean higherIsBetter) {
        double n = how == Normalization.ROBUST_Z ? robustZ(x, peers) : percentileRank(x, peers);
        return higherIsBetter ? n : 100 - n;
    }

    /**
     * Mid-rank percentile scaled so the lowest peer gets 0 and the highest 100; tied peers share
     * the mean of their ranks; a peer group of one gets 50 (nothing to compare with).
     */
    static double percentileRank(double x, double[] peers) {
        if (peers.length < 2) return 50;
        int below = 0;
        int equal = 0;
        for (double v : peers) {
            if (v < x) below++;
            else if (v == x) equal++;
        }
        return 100.0 * (below + (equal - 1) / 2.0) / (peers.length - 1);
    }

    /** 100 · Φ(z) for the robust z of x; 50 when the peers have no spread. */
    static double robustZ(double x, double[] peers) {
        double median = RobustStats.median(peers);
        double mad = RobustStats.mad(peers);
        double sigma = mad > 0 ? MAD_TO_SIGMA * mad : RobustStats.MEAN_AD_FACTOR * RobustStats.meanAbsoluteDeviation(peers);
        if (!(sigma > 0)) return 50;
        return 100 * STANDARD_NORMAL.cumulativeProbability((x - median) / sigma);
    }
}
