package org.caseload.insights.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caseload.insights.TestEngine.member;
import static org.caseload.insights.TestEngine.row;
import static org.caseload.insights.outlier.Detection.request;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.outlier.Detection.Result;
import org.caseload.model.Grain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peer comparison (MAD and IQR) on hand-built rows; expected values worked out in the comments. */
class PeerOutliersTest {
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

    /** Entities L1, L2, … with one value each of {@code metric}, all peers of each other, no period. */
    private static List<Row> values(String metric, double... xs) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) rows.add(row("L" + (i + 1), metric, xs[i]));
        return rows;
    }

    private static Result mad(String metric, double... xs) {
        return detection.peers(request(metric, Method.MAD), values(metric, xs));
    }

    @Test
    void twoPeersAreNotComparedAndSayWhy() {
        Result r = mad("charges", 10, 1_000);
        assertThat(r.flags()).isEmpty();
        assertThat(r.untested()).extracting(u -> u.entity().key()).containsExactly("L1", "L2");
        assertThat(r.untested()).allSatisfy(u -> assertThat(u.reason()).isEqualTo("only 2 comparable peers"));
        assertThat(mad("charges", 10).untested().get(0).reason()).isEqualTo("only 1 comparable peer");
    }

    @Test
    void threePeersAreEnough() {
        // median 11; deviations 1, 0, 989 → MAD 1 → z(1000) = 0.6745 · 989 = 667.08
        Result r = mad("charges", 10, 11, 1_000);
        assertThat(r.flaggedKeys()).containsExactly("L3");
        assertThat(r.flags().get(0).z()).isCloseTo(667.0805, within(1e-6));
        assertThat(r.untested()).isEmpty();
    }

    @Test
    void madOfZeroFallsBackToMeanAbsoluteDeviation() {
        // median 5, MAD 0, MeanAD 0.8 → z(9) = 4 / (1.253314 · 0.8) = 3.989 > 3.5; the 5s have z = 0
        Result r = mad("charges", 5, 5, 5, 5, 9);
        assertThat(r.flaggedKeys()).containsExactly("L5");
        Flag f = r.flags().get(0);
        assertThat(f.z()).isCloseTo(3.98942, within(1e-4));
        assertThat(f.expected()).isEqualTo(5.0);
        assertThat(f.value()).isEqualTo(9.0);
        // (9 − 5) / 5 = +80%
        assertThat(f.deviationPct()).isCloseTo(0.8, within(1e-12));
        assertThat(f.direction()).isEqualTo("good"); // charges: higher is better
        assertThat(f.explanation()).contains("L5", "all dates", "+80%", "z = 4.0", "peer median");
    }

    @Test
    void allEqualPeersFlagNothing() {
        Result r = mad("charges", 7, 7, 7, 7);
        assertThat(r.flags()).isEmpty();
        assertThat(r.untested()).isEmpty();
    }

    @Test
    void tiedValuesDoNotStandOut() {
        // median 12; deviations 2, 2, 0, 0, 18 → sorted 0, 0, 2, 2, 18 → MAD 2
        // z(10) = 0.6745 · (−2) / 2 = −0.6745; z(30) = 0.6745 · 18 / 2 = 6.0705
        Result r = mad("charges", 10, 10, 12, 12, 30);
        assertThat(r.flaggedKeys()).containsExactly("L5");
        assertThat(r.flags().get(0).z()).isCloseTo(6.0705, within(1e-9));
    }

    @Test
    void negativeValuesAreFlaggedOnTheirOwnScale() {
        // median −3; deviations 7, 1, 0, 1, 2 → MAD 1 → z(−10) = 0.6745 · (−7) = −4.7215
        Result r = mad("charges", -10, -4, -3, -2, -1);
        assertThat(r.flaggedKeys()).containsExactly("L1");
        Flag f = r.flags().get(0);
        assertThat(f.z()).isCloseTo(-4.7215, within(1e-9));
        assertThat(f.expected()).isEqualTo(-3.0);
        // relative to |expected|: (−10 − (−3)) / 3 = −2.333 (below the median, whatever the sign)
        assertThat(f.deviationPct()).isCloseTo(-7.0 / 3, within(1e-12));
        assertThat(f.direction()).isEqualTo("bad");
    }

    @Test
    void directionFollowsTheMetric() {
        // avg_wait_minutes is lower is better: a long wait is bad news, a short one good
        List<Row> rows = new ArrayList<>();
        double[] waits = {10, 11, 12, 13, 14, 60, 0.5};
        for (int i = 0; i < waits.length; i++) rows.add(row("L" + (i + 1), "avg_wait_minutes", waits[i], "visits", 100));
        // median 12; deviations 2, 1, 0, 1, 2, 48, 11.5 → sorted 0, 1, 1, 2, 2, 11.5, 48 → MAD 2
        // z(60) = 0.6745 · 48 / 2 = 16.19 → bad; z(0.5) = 0.6745 · (−11.5) / 2 = −3.878 → good
        Result r = detection.peers(request("avg_wait_minutes", Method.MAD), rows);
        assertThat(r.flaggedKeys()).containsExactly("L6", "L7");
        assertThat(r.flags()).extracting(Flag::direction).containsExactly("bad", "good");
        assertThat(r.flags().get(1).z()).isCloseTo(-3.878375, within(1e-9));
    }

    @Test
    void thresholdIsConfigurable() {
        // median 30; deviations 20, 10, 0, 10, 40 → sorted 0, 10, 10, 20, 40 → MAD 10
        // z: 10 → −1.349, 20 → −0.6745, 40 → 0.6745, 70 → 2.698
        double[] xs = {10, 20, 30, 40, 70};
        List<Row> rows = values("charges", xs);
        assertThat(detection.peers(request("charges", Method.MAD, null, null, 30), rows).flags()).isEmpty(); // 3.5
        assertThat(detection.peers(request("charges", Method.MAD, 2.5, null, 30), rows).flaggedKeys()).containsExactly("L5");
        assertThat(detection.peers(request("charges", Method.MAD, 1.0, null, 30), rows).flaggedKeys()).containsExactly("L5", "L1");
        // strictly greater: at exactly |z| = 0.6745 (L2, L4) nothing more is flagged
        assertThat(detection.peers(request("charges", Method.MAD, 0.6745, null, 30), rows).flaggedKeys()).containsExactly("L5", "L1");
    }

    @Test
    void tukeyFencesWithK15AndK3() {
        // sorted 2, 4, 6, 8, 10, 20 (n = 6), R-7: Q1 h = 2.25 → 4.5; Q3 h = 4.75 → 9.5; IQR 5
        // k = 1.5: fences 4.5 − 7.5 = −3 and 9.5 + 7.5 = 17 → 20 is out
        // k = 3:   fences 4.5 − 15 = −10.5 and 9.5 + 15 = 24.5 → nothing is out
        List<Row> rows = values("visits", 2, 4, 6, 8, 10, 20);
        Result k15 = detection.peers(request("visits", Method.IQR), rows);
        assertThat(k15.flaggedKeys()).containsExactly("L6");
        Flag f = k15.flags().get(0);
        // median 7: (20 − 7) / 7 = +186%
        assertThat(f.expected()).isEqualTo(7.0);
        assertThat(f.explanation()).contains("outside -3–17", "+186%");
        assertThat(detection.peers(request("visits", Method.IQR, 3.0, null, 30), rows).flags()).isEmpty();
    }

    @Test
    void aValueOnTheFenceIsInside() {
        // 2, 4, 6, 8, 10, 17: the quartiles use positions 2–5 only, so Q1 4.5, Q3 9.5 and the upper
        // fence 17 as above; 17 is not beyond it
        assertThat(detection.peers(request("visits", Method.IQR), values("visits", 2, 4, 6, 8, 10, 17)).flags()).isEmpty();
        // 17.5 is
        assertThat(detection.peers(request("visits", Method.IQR), values("visits", 2, 4, 6, 8, 10, 17.5)).flaggedKeys())
                .containsExactly("L6");
    }

    @Test
    void tukeyFencesFlagLowValuesToo() {
        // sorted 1, 30, 32, 34, 36, 38, 40 (n = 7): Q1 h = 2.5 → 31; Q3 h = 5.5 → 37; IQR 6
        // k = 1.5: fences 22 and 46 → 1 is out
        Result r = detection.peers(request("visits", Method.IQR), values("visits", 30, 32, 34, 36, 38, 40, 1));
        assertThat(r.flaggedKeys()).containsExactly("L7");
        assertThat(r.flags().get(0).direction()).isEqualTo("bad");
        assertThat(r.flags().get(0).explanation()).contains("outside 22–46");
    }

    @Test
    void zeroInterquartileRangeFlagsNothing() {
        // 5, 5, 5, 5, 5, 5, 50: Q1 h = 2.5 → 5, Q3 h = 5.5 → 5: IQR 0 → no fences, no flags
        List<Row> rows = values("visits", 5, 5, 5, 5, 5, 5, 50);
        assertThat(detection.peers(request("visits", Method.IQR), rows).flags()).isEmpty();
        // the MAD method still sees it: MAD 0, MeanAD 45/7 → z(50) = 45 / (1.253314 · 45/7) = 7 / 1.253314 = 5.585
        Result mad = detection.peers(request("visits", Method.MAD), rows);
        assertThat(mad.flaggedKeys()).containsExactly("L7");
        assertThat(mad.flags().get(0).z()).isCloseTo(5.5852, within(1e-4));
    }

    @Test
    void lowVolumeRatiosAreNotTested() {
        // average waits of five locations; L5's 90 minutes come from 29 visits only
        List<Row> rows = List.of(
                row("L1", "avg_wait_minutes", 10, "visits", 100),
                row("L2", "avg_wait_minutes", 11, "visits", 100),
                row("L3", "avg_wait_minutes", 12, "visits", 30), // exactly the minimum: tested
                row("L4", "avg_wait_minutes", 13, "visits", 100),
                row("L5", "avg_wait_minutes", 90, "visits", 29));
        Result r = detection.peers(request("avg_wait_minutes", Method.MAD), rows);
        // L5 untested; the other four: median 11.5, deviations 1.5, 0.5, 0.5, 1.5 → MAD 1 → |z| ≤ 1.01
        assertThat(r.flags()).isEmpty();
        assertThat(r.untested()).singleElement().satisfies(u -> {
            assertThat(u.entity().key()).isEqualTo("L5");
            assertThat(u.reason()).isEqualTo("low volume: 29 visits (under 30)");
        });
        // a lower minimum tests it: median 12; deviations 2, 1, 0, 1, 78 → MAD 1 → z(90) = 0.6745 · 78 = 52.61
        Result lower = detection.peers(request("avg_wait_minutes", Method.MAD, null, null, 20), rows);
        assertThat(lower.flaggedKeys()).containsExactly("L5");
        assertThat(lower.flags().get(0).z()).isCloseTo(52.611, within(1e-9));
        assertThat(lower.untested()).isEmpty();
    }

    @Test
    void theVolumeThatGuardsAMetric() {
        // a ratio over a count guards by that count; other ratios and averages by visits; counts and sums not at all
        assertThat(detection.detector.volumeMetric(detection.model.metric("no_show_rate").orElseThrow())).hasValue("booked");
        assertThat(detection.detector.volumeMetric(detection.model.metric("staff_cost_per_visit").orElseThrow())).hasValue("visits");
        assertThat(detection.detector.volumeMetric(detection.model.metric("utilization").orElseThrow())).hasValue("visits");
        assertThat(detection.detector.volumeMetric(detection.model.metric("avg_wait_minutes").orElseThrow())).hasValue("visits");
        assertThat(detection.detector.volumeMetric(detection.model.metric("visits").orElseThrow())).isEmpty();
        assertThat(detection.detector.volumeMetric(detection.model.metric("charges").orElseThrow())).isEmpty();
    }

    @Test
    void aRatioOverTooFewOfItsDenominatorIsLowVolume() {
        // no-show rate is guarded by booked visits: 12 of 20 booked is 60% but says little
        List<Row> rows = List.of(
                row("L1", "no_show_rate", 0.05, "booked", 400),
                row("L2", "no_show_rate", 0.06, "booked", 300),
                row("L3", "no_show_rate", 0.07, "booked", 500),
                row("L4", "no_show_rate", 0.60, "booked", 20));
        Result r = detection.peers(request("no_show_rate", Method.MAD), rows);
        assertThat(r.flags()).isEmpty();
        assertThat(r.untested()).singleElement().satisfies(u -> assertThat(u.reason()).isEqualTo("low volume: 20 booked (under 30)"));
    }

    @Test
    void countsAreNeverLowVolume() {
        // five locations' visits; a count of 0 is news, not noise: sorted 0, 97, 99, 100, 102 → median 99;
        // deviations 1, 3, 0, 2, 99 → sorted 0, 1, 2, 3, 99 → MAD 2 → z(0) = 0.6745 · (−99) / 2 = −33.38775
        Result r = mad("visits", 100, 102, 99, 97, 0);
        assertThat(r.flaggedKeys()).containsExactly("L5");
        assertThat(r.flags().get(0).z()).isCloseTo(-33.38775, within(1e-9));
        assertThat(r.untested()).isEmpty();
    }

    @Test
    void aMissingValueIsNotTested() {
        List<Row> rows = new ArrayList<>(values("charges", 1, 2, 3));
        rows.add(row("L4", "charges", null));
        Result r = detection.peers(request("charges", Method.MAD), rows);
        assertThat(r.untested()).singleElement().satisfies(u -> {
            assertThat(u.entity().key()).isEqualTo("L4");
            assertThat(u.reason()).isEqualTo("no value");
        });
    }

    @Test
    void eachPeerGroupAndPeriodIsComparedOnItsOwn() {
        Member north = new Member("N", "North");
        Member south = new Member("S", "South");
        LocalDate jan = LocalDate.of(2024, 1, 1);
        LocalDate feb = LocalDate.of(2024, 2, 1);
        List<Row> rows = new ArrayList<>();
        // North, January: 10, 11, 12, 13, 50 → median 12, deviations 2, 1, 0, 1, 38 → MAD 1 → z(50) = 25.63
        // North, February: 50, 51, 52, 53, 50 → nothing stands out (the 50 is ordinary in February)
        // South, January: 50, 50, 51 → median 50, MAD 0, MeanAD 1/3 → z(51) = 1 / (1.253314 / 3) = 2.394
        double[][] north12 = {{10, 11, 12, 13, 50}, {50, 51, 52, 53, 50}};
        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < 5; i++) {
                rows.add(row(member("N" + i), north, Optional.of(m == 0 ? jan : feb), "charges", north12[m][i]));
            }
        }
        rows.add(row(member("S0"), south, Optional.of(jan), "charges", 50));
        rows.add(row(member("S1"), south, Optional.of(jan), "charges", 50));
        rows.add(row(member("S2"), south, Optional.of(jan), "charges", 51));
        Result r = detection.peers(request("charges", Method.MAD, null, Grain.MONTH, 30), rows);
        assertThat(r.flags()).singleElement().satisfies(f -> {
            assertThat(f.entity().key()).isEqualTo("N4");
            assertThat(f.period()).hasValue(jan);
            assertThat(f.peerGroup()).isEqualTo(north);
            assertThat(f.z()).isCloseTo(25.631, within(1e-9));
            assertThat(f.explanation()).contains("N4, North", "January 2024");
        });
        assertThat(r.untested()).isEmpty();
    }
}
