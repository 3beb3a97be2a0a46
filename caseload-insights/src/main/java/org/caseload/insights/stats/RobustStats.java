package org.caseload.insights.stats;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Robust location and spread of a small sample (the aggregated rows of one peer group or one
 * baseline), on commons-math's order statistics. Quantiles use the R-7 definition (linear
 * interpolation between order statistics), the default of R, NumPy and spreadsheets.
 */
public final class RobustStats {
    /** Iglewicz and Hoaglin's constant: 0.6745 · (x − median) / MAD is about a standard normal z. */
    public static final double MODIFIED_Z = 0.6745;
    /** With MAD = 0, the mean absolute deviation times this stands in for MAD / 0.6745 (Iglewicz–Hoaglin). */
    public static final double MEAN_AD_FACTOR = 1.253314;

    private RobustStats() {}

    public static double median(double[] values) {
        return new Median().withEstimationType(EstimationType.R_7).evaluate(values);
    }

    /** Quantile {@code q} in (0, 1]. */
    public static double quantile(double[] values, double q) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, q * 100);
    }

    /** Median absolute deviation from the median (not scaled). */
    public static double mad(double[] values) {
        double m = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - m)).toArray());
    }

    public static double meanAbsoluteDeviation(double[] values) {
        double m = median(values);
        return Arrays.stream(values).map(v -> Math.abs(v - m)).average().orElse(0);
    }

    /**
     * The modified z-score of {@code x} against {@code sample}: 0.6745 · (x − median) / MAD.
     * When MAD is 0 (more than half the sample is one value) the mean absolute deviation is used
     * instead, scaled so both estimate the same spread; when that is 0 too, every value is equal
     * and there is no spread to measure: empty, never a division by zero.
     */
    public static OptionalDouble modifiedZ(double x, double[] sample) {
        return modifiedZ(x, sample, 0);
    }

    /**
     * As {@link #modifiedZ(double, double[])}, with a floor under the spread: {@code minSigma} is
     * the smallest standard deviation the data can have (for counts, Poisson noise √median), so a
     * short sample that happens to be tight cannot make an ordinary value look extreme.
     */
    public static OptionalDouble modifiedZ(double x, double[] sample, double minSigma) {
        double median = median(sample);
        double mad = Math.max(mad(sample), MODIFIED_Z * minSigma);
        if (mad > 0) {
            return OptionalDouble.of(MODIFIED_Z * (x - median) / mad);
        }
        double meanAd = meanAbsoluteDeviation(sample);
        if (meanAd > 0) {
            return OptionalDouble.of((x - median) / (MEAN_AD_FACTOR * meanAd));
        }
        return OptionalDouble.empty();
    }
}
