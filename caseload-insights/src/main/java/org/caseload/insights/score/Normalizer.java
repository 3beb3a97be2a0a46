package org.caseload.insights.score;

import java.util.function.DoubleUnaryOperator;
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
     * {@link #normalize} for every value of one peer group: robust z's median and spread are
     * computed once, not once per value (which made scoring quadratic-times-sort in the group size).
     */
    static DoubleUnaryOperator against(double[] peers, Normalization how, boolean higherIsBetter) {
        if (how != Normalization.ROBUST_Z) return x -> normalize(x, peers, how, higherIsBetter);
        double median = RobustStats.median(peers);
        double sigma = sigma(peers);
        return x -> {
            double n = robustZ(x, median, sigma);
            return higherIsBetter ? n : 100 - n;
        };
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
        return robustZ(x, RobustStats.median(peers), sigma(peers));
    }

    private static double robustZ(double x, double median, double sigma) {
        if (!(sigma > 0)) return 50;
        return 100 * STANDARD_NORMAL.cumulativeProbability((x - median) / sigma);
    }

    /** 1.4826 · MAD, or 1.253314 · MeanAD when MAD is 0. */
    private static double sigma(double[] peers) {
        double mad = RobustStats.mad(peers);
        return mad > 0 ? MAD_TO_SIGMA * mad : RobustStats.MEAN_AD_FACTOR * RobustStats.meanAbsoluteDeviation(peers);
    }
}
