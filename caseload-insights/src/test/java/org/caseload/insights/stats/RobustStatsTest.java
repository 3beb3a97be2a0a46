package org.caseload.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Every expected value below is worked out by hand in the comment next to it. */
class RobustStatsTest {
    private static final double EPS = 1e-9;

    @Test
    void medianOfOddSampleIsTheMiddleValue() {
        // sorted 1, 2, 3 → 2
        assertThat(RobustStats.median(new double[] {3, 1, 2})).isEqualTo(2.0);
    }

    @Test
    void medianOfEvenSampleAveragesTheTwoMiddleValues() {
        // sorted 1, 2, 3, 4 → (2 + 3) / 2 = 2.5
        assertThat(RobustStats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void quartilesFollowR7Interpolation() {
        // h = (n − 1)·p + 1, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (1-based order statistics)
        double[] eight = {8, 1, 7, 2, 6, 3, 5, 4};
        // n = 8, Q1: h = 7·0.25 + 1 = 2.75 → 2 + 0.75·(3 − 2) = 2.75
        assertThat(RobustStats.quantile(eight, 0.25)).isCloseTo(2.75, within(EPS));
        // Q3: h = 7·0.75 + 1 = 6.25 → 6 + 0.25·(7 − 6) = 6.25
        assertThat(RobustStats.quantile(eight, 0.75)).isCloseTo(6.25, within(EPS));
        // median through the quantile: h = 4.5 → 4 + 0.5 = 4.5
        assertThat(RobustStats.quantile(eight, 0.5)).isCloseTo(4.5, within(EPS));
        // q = 1 is the maximum
        assertThat(RobustStats.quantile(eight, 1.0)).isEqualTo(8.0);

        double[] five = {1, 2, 3, 4, 100};
        // n = 5, Q1: h = 4·0.25 + 1 = 2 → x[2] = 2; Q3: h = 4 → x[4] = 4 (the 100 does not move them)
        assertThat(RobustStats.quantile(five, 0.25)).isEqualTo(2.0);
        assertThat(RobustStats.quantile(five, 0.75)).isEqualTo(4.0);

        double[] six = {2, 4, 6, 8, 10, 20};
        // n = 6, Q1: h = 5·0.25 + 1 = 2.25 → 4 + 0.25·2 = 4.5; Q3: h = 4.75 → 8 + 0.75·2 = 9.5
        assertThat(RobustStats.quantile(six, 0.25)).isCloseTo(4.5, within(EPS));
        assertThat(RobustStats.quantile(six, 0.75)).isCloseTo(9.5, within(EPS));
    }

    @Test
    void madIsTheMedianAbsoluteDeviationFromTheMedian() {
        // median 3; |x − 3| = 2, 1, 0, 1, 97 → sorted 0, 1, 1, 2, 97 → MAD 1
        assertThat(RobustStats.mad(new double[] {1, 2, 3, 4, 100})).isEqualTo(1.0);
        // median 30; deviations 20, 10, 0, 10, 20 → sorted 0, 10, 10, 20, 20 → MAD 10
        assertThat(RobustStats.mad(new double[] {10, 20, 30, 40, 50})).isEqualTo(10.0);
    }

    @Test
    void modifiedZOfAnExtremeValueIsLargeAndOfOrdinaryValuesSmall() {
        double[] sample = {1, 2, 3, 4, 100};
        // median 3, MAD 1: z(100) = 0.6745 · 97 / 1 = 65.4265
        assertThat(RobustStats.modifiedZ(100, sample).getAsDouble()).isCloseTo(65.4265, within(1e-9));
        // z(1) = 0.6745 · (1 − 3) / 1 = −1.349
        assertThat(RobustStats.modifiedZ(1, sample).getAsDouble()).isCloseTo(-1.349, within(1e-9));
        // z(3) = 0
        assertThat(RobustStats.modifiedZ(3, sample).getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void zeroMadFallsBackToTheMeanAbsoluteDeviation() {
        double[] sample = {5, 5, 5, 5, 9};
        // median 5; deviations 0, 0, 0, 0, 4 → MAD 0 (more than half the sample is 5)
        assertThat(RobustStats.mad(sample)).isEqualTo(0.0);
        // MeanAD = (0 + 0 + 0 + 0 + 4) / 5 = 0.8
        assertThat(RobustStats.meanAbsoluteDeviation(sample)).isCloseTo(0.8, within(EPS));
        // z(9) = (9 − 5) / (1.253314 · 0.8) = 4 / 1.0026512 = 3.98942…
        assertThat(RobustStats.modifiedZ(9, sample).getAsDouble()).isCloseTo(3.98942, within(1e-4));
        // z(5) = 0
        assertThat(RobustStats.modifiedZ(5, sample).getAsDouble()).isEqualTo(0.0);
        // a value outside the sample, 3: (3 − 5) / 1.0026512 = −1.99471…
        assertThat(RobustStats.modifiedZ(3, sample).getAsDouble()).isCloseTo(-1.99471, within(1e-4));
    }

    @Test
    void allEqualValuesHaveNoSpreadSoNoZ() {
        double[] sample = {7, 7, 7, 7};
        // MAD 0 and MeanAD 0: nothing to scale by → empty, never ±Infinity or NaN
        assertThat(RobustStats.modifiedZ(7, sample)).isEmpty();
        assertThat(RobustStats.modifiedZ(100, sample)).isEmpty();
    }

    @Test
    void negativeValuesAreHandledLikeAnyOther() {
        double[] sample = {-10, -4, -3, -2, -1};
        // median −3; deviations 7, 1, 0, 1, 2 → sorted 0, 1, 1, 2, 7 → MAD 1
        assertThat(RobustStats.median(sample)).isEqualTo(-3.0);
        assertThat(RobustStats.mad(sample)).isEqualTo(1.0);
        // z(−10) = 0.6745 · (−10 + 3) / 1 = −4.7215
        assertThat(RobustStats.modifiedZ(-10, sample).getAsDouble()).isCloseTo(-4.7215, within(1e-9));
        // R-7 Q1: h = 2 → −4; Q3: h = 4 → −2
        assertThat(RobustStats.quantile(sample, 0.25)).isEqualTo(-4.0);
        assertThat(RobustStats.quantile(sample, 0.75)).isEqualTo(-2.0);
    }

    @Test
    void poissonFloorKeepsATightSampleFromMakingOrdinaryCountsExtreme() {
        double[] tight = {100, 101, 99, 100, 100, 101, 99, 100};
        // median 100; deviations 0, 1, 1, 0, 0, 1, 1, 0 → sorted 0,0,0,0,1,1,1,1 → MAD (0 + 1) / 2 = 0.5
        assertThat(RobustStats.mad(tight)).isEqualTo(0.5);
        // without a floor: z(120) = 0.6745 · 20 / 0.5 = 26.98
        assertThat(RobustStats.modifiedZ(120, tight).getAsDouble()).isCloseTo(26.98, within(1e-9));
        // floor σ = √100 = 10 → MAD replaced by 0.6745 · 10 = 6.745: z(120) = 0.6745 · 20 / 6.745 = 2.0
        assertThat(RobustStats.modifiedZ(120, tight, 10).getAsDouble()).isCloseTo(2.0, within(1e-9));
        // z(140) = 0.6745 · 40 / 6.745 = 4.0
        assertThat(RobustStats.modifiedZ(140, tight, 10).getAsDouble()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void floorBelowTheActualSpreadChangesNothing() {
        double[] sample = {10, 20, 30, 40, 50};
        // MAD 10 > 0.6745 · 1 → unchanged: z(50) = 0.6745 · 20 / 10 = 1.349
        assertThat(RobustStats.modifiedZ(50, sample, 1).getAsDouble()).isCloseTo(1.349, within(1e-9));
        assertThat(RobustStats.modifiedZ(50, sample).getAsDouble()).isCloseTo(1.349, within(1e-9));
    }

    @Test
    void floorGivesAConstantSampleASpread() {
        double[] constant = {4, 4, 4, 4};
        // MAD 0, MeanAD 0, but floor σ = 2 → MAD 0.6745 · 2 = 1.349: z(8) = 0.6745 · 4 / 1.349 = 2.0
        OptionalDouble z = RobustStats.modifiedZ(8, constant, 2);
        assertThat(z).isPresent();
        assertThat(z.getAsDouble()).isCloseTo(2.0, within(1e-9));
        // floor 0 on the same sample → empty
        assertThat(RobustStats.modifiedZ(8, constant, 0)).isEmpty();
    }

    @Test
    void floorAlsoAppliesWhenMadIsZeroButMeanAdIsNot() {
        double[] sample = {5, 5, 5, 5, 9};
        // MAD 0 → max(0, 0.6745 · 2) = 1.349 takes precedence over the MeanAD fallback:
        // z(9) = 0.6745 · 4 / 1.349 = 2.0
        assertThat(RobustStats.modifiedZ(9, sample, 2).getAsDouble()).isCloseTo(2.0, within(1e-9));
    }
}
