package org.caseload.ingest.demo;

import java.util.SplittableRandom;

/**
 * Random draws built only from uniform numbers, basic arithmetic and StrictMath, so a seed yields
 * the same data on every JVM (unlike nextGaussian, whose algorithm is not specified).
 */
final class Draws {
    private static final double SQRT_3 = Math.sqrt(3);
    private static final double SMALL_MEAN = 20;

    private Draws() {}

    /** Approximately standard normal: the sum of four uniforms, rescaled; bounded at ±3.46. */
    static double normal(SplittableRandom random) {
        double sum = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble();
        return (sum - 2) * SQRT_3;
    }

    /** A right-skewed factor with mean ≈ 1, for waits and visit lengths. */
    static double logNormalFactor(double sigma, SplittableRandom random) {
        return StrictMath.exp(sigma * normal(random) - sigma * sigma / 2);
    }

    /** Poisson counts: exact for small means, normal approximation beyond. */
    static int poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < SMALL_MEAN) {
            double limit = StrictMath.exp(-mean);
            int k = 0;
            double product = random.nextDouble();
            while (product > limit) {
                k++;
                product *= random.nextDouble();
            }
            return k;
        }
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
    }

    /** Rounds up with probability equal to the fraction, so expected totals are kept exactly. */
    static int randomRound(double value, SplittableRandom random) {
        double floor = Math.floor(value);
        return (int) floor + (random.nextDouble() < value - floor ? 1 : 0);
    }
}
