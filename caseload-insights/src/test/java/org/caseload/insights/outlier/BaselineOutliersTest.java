package org.caseload.insights.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caseload.insights.TestEngine.member;
import static org.caseload.insights.TestEngine.row;
import static org.caseload.insights.outlier.Detection.request;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caseload.insights.EntityRows.Member;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.outlier.Detection.Result;
import org.caseload.model.Grain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The own-baseline method on hand-built monthly and daily series; expected values worked out in the comments. */
class BaselineOutliersTest {
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);

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

    private static LocalDate month(int m) {
        return JAN.plusMonths(m - 1);
    }

    /** One entity L1's monthly series from January 2024; a null leaves the month without a row. */
    private static List<Row> monthly(String metric, Double... xs) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] != null) rows.add(row(member("L1"), Member.ALL, Optional.of(month(i + 1)), metric, xs[i]));
        }
        return rows;
    }

    private static Result monthlyBaseline(String metric, Double... xs) {
        return detection.baseline(request(metric, Method.BASELINE, null, Grain.MONTH, 30), monthly(metric, xs));
    }

    /** Charges Jan–Dec 2024 with spikes in July and November. */
    private static final Double[] SPIKES = {100.0, 102.0, 98.0, 101.0, 99.0, 100.0, 200.0, 101.0, 99.0, 100.0, 250.0, 100.0};

    @Test
    void aSpikeIsFlaggedAndASpikeInTheBaselineDoesNotHideTheNext() {
        Result r = monthlyBaseline("charges", SPIKES);
        // July: baseline Jan–Jun 100, 102, 98, 101, 99, 100 → median 100; deviations 0, 2, 2, 1, 1, 0 → MAD 1
        //   z(200) = 0.6745 · 100 / 1 = 67.45
        // November: baseline May–Oct 99, 100, 200, 101, 99, 100 → median 100; deviations 1, 0, 100, 1, 1, 0
        //   → sorted 0, 0, 1, 1, 1, 100 → MAD 1 → z(250) = 0.6745 · 150 = 101.175
        //   (a mean/SD baseline would not: mean 116.5, SD 40.9 → z = 133.5 / 40.9 = 3.26 < 3.5)
        // August: baseline Feb–Jul → median 100.5, MAD 1.5 → z(101) = 0.225; December: median 100.5, MAD 1
        //   → z(100) = −0.337; May, Jun, Sep, Oct |z| ≤ 1.01
        assertThat(r.flags()).extracting(f -> f.period().orElseThrow()).containsExactly(month(11), month(7));
        assertThat(r.flags().get(0).z()).isCloseTo(101.175, within(1e-9));
        assertThat(r.flags().get(0).expected()).isEqualTo(100.0);
        assertThat(r.flags().get(1).z()).isCloseTo(67.45, within(1e-9));
        assertThat(r.flags().get(1).explanation()).contains("L1", "July 2024", "its usual", "+100%");
        assertThat(r.flags()).allSatisfy(f -> assertThat(f.direction()).isEqualTo("good"));
        // January–April have 0–3 earlier months
        assertThat(r.untested()).extracting(u -> u.period().orElseThrow()).containsExactly(month(1), month(2), month(3), month(4));
        assertThat(r.untested()).extracting(OutlierResult.Untested::reason).containsExactly(
                "only 0 earlier periods to compare with", "only 1 earlier periods to compare with",
                "only 2 earlier periods to compare with", "only 3 earlier periods to compare with");
    }

    @Test
    void fewerThanFourEarlierPeriodsAreNotTested() {
        Result r = monthlyBaseline("charges", 100.0, 100.0, 100.0, 1_000.0);
        assertThat(r.flags()).isEmpty();
        assertThat(r.untested()).hasSize(4);
        assertThat(r.untested().get(3).reason()).isEqualTo("only 3 earlier periods to compare with");
    }

    @Test
    void periodsBeforeFromAreBaselineOnly() {
        OutlierRequest req = new OutlierRequest("charges", "location", Optional.empty(), Optional.of(Grain.MONTH), Method.BASELINE,
                OptionalDouble.empty(), Optional.of(month(7)), Optional.empty(), List.of(), 30);
        Result r = detection.baseline(req, monthly("charges", SPIKES));
        // the same two flags; January–June are read as history but neither tested nor reported
        assertThat(r.flags()).extracting(f -> f.period().orElseThrow()).containsExactly(month(11), month(7));
        assertThat(r.untested()).isEmpty();
    }

    @Test
    void aMonthWithoutRowsIsZeroForASum() {
        Result r = monthlyBaseline("charges", 100.0, 102.0, 98.0, 101.0, 99.0, 100.0, 101.0, null, 99.0);
        // August has no row → 0. Baseline Feb–Jul 102, 98, 101, 99, 100, 101 → sorted 98, 99, 100, 101, 101, 102
        //   → median 100.5; deviations 1.5, 2.5, 0.5, 1.5, 0.5, 0.5 → sorted 0.5, 0.5, 0.5, 1.5, 1.5, 2.5 → MAD 1
        //   z(0) = 0.6745 · (−100.5) = −67.787
        // September: baseline Mar–Aug with the 0 → median 99.5, MAD 1.5 → z(99) = −0.225, not flagged
        assertThat(r.flags()).singleElement().satisfies(f -> {
            assertThat(f.period()).hasValue(month(8));
            assertThat(f.value()).isEqualTo(0.0);
            assertThat(f.z()).isCloseTo(-67.78725, within(1e-9));
            assertThat(f.direction()).isEqualTo("bad");
            assertThat(f.deviationPct()).isCloseTo(-1.0, within(1e-12)); // −100%
        });
    }

    @Test
    void aSeriesThatStopsIsZeroUntilTheLastPeriodOfAnyEntity() {
        List<Row> rows = new ArrayList<>(monthly("charges", 100.0, 102.0, 98.0, 101.0, 99.0, 100.0, 101.0, 100.0));
        // L2 has rows only until June; L1 until August → L2's July and August count as 0
        for (int m = 1; m <= 6; m++) rows.add(row(member("L2"), Member.ALL, Optional.of(month(m)), "charges", 50.0 + m % 2));
        Result r = detection.baseline(request("charges", Method.BASELINE, null, Grain.MONTH, 30), rows);
        // L2 July: baseline Jan–Jun 51, 50, 51, 50, 51, 50 → median 50.5, MAD 0.5 → z(0) = 0.6745 · (−50.5) / 0.5 = −68.1245
        // L2 August: baseline Feb–Jul 50, 51, 50, 51, 50, 0 → median 50, deviations 0, 1, 0, 1, 0, 50 → MAD 0.5
        //   → z(0) = 0.6745 · (−50) / 0.5 = −67.45
        assertThat(r.flags()).extracting(f -> f.entity().key() + " " + f.period().orElseThrow())
                .containsExactly("L2 2024-07-01", "L2 2024-08-01");
        assertThat(r.flags().get(0).z()).isCloseTo(-68.1245, within(1e-9));
        assertThat(r.flags().get(1).z()).isCloseTo(-67.45, within(1e-9));
    }

    @Test
    void aMonthWithoutRowsIsNoValueForAnAverage() {
        List<Row> rows = new ArrayList<>();
        double[] waits = {10, 11, 10, 12, 10, 11, 10, 0, 11};
        for (int m = 1; m <= 9; m++) {
            if (m == 8) continue; // no visits in August: no average wait, not a wait of 0
            rows.add(row(member("L1"), Member.ALL, Optional.of(month(m)), "avg_wait_minutes", waits[m - 1], "visits", 100));
        }
        Result r = detection.baseline(request("avg_wait_minutes", Method.BASELINE, null, Grain.MONTH, 30), rows);
        assertThat(r.flags()).isEmpty();
        // August is neither tested nor reported; September's baseline is Mar–Jul (5 months, no 0 for August)
        assertThat(r.untested()).extracting(u -> u.period().orElseThrow()).containsExactly(month(1), month(2), month(3), month(4));
    }

    @Test
    void lowVolumePeriodsAreNeitherTestedNorPartOfTheBaseline() {
        List<Row> rows = new ArrayList<>();
        double[] waits = {10, 11, 12, 45, 30};
        double[] visits = {100, 100, 100, 10, 100};
        for (int m = 1; m <= 5; m++) {
            rows.add(row(member("L1"), Member.ALL, Optional.of(month(m)), "avg_wait_minutes", waits[m - 1], "visits", visits[m - 1]));
        }
        Result r = detection.baseline(request("avg_wait_minutes", Method.BASELINE, null, Grain.MONTH, 30), rows);
        // April: 10 visits → low volume; May: its baseline Jan–Apr without April has 3 months → untested
        assertThat(r.flags()).isEmpty();
        assertThat(r.untested("L1", Optional.of(month(4)))).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo("low volume: 10 visits (under 30)"));
        assertThat(r.untested("L1", Optional.of(month(5)))).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo("only 3 earlier periods to compare with"));
    }

    @Test
    void countsHaveAPoissonFloorUnderTheirSpread() {
        // visits 100 for six months: MAD 0 and MeanAD 0, but the floor σ = √100 = 10 gives a spread:
        // z(120) = 0.6745 · 20 / (0.6745 · 10) = 2.0 → not flagged
        assertThat(monthlyBaseline("visits", 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 120.0).flags()).isEmpty();
        // z(140) = 40 / 10 = 4.0 → flagged
        Result r = monthlyBaseline("visits", 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 140.0);
        assertThat(r.flags()).singleElement().satisfies(f -> assertThat(f.z()).isCloseTo(4.0, within(1e-9)));
        // a sum (not a count) has no floor: six equal months leave no spread, so nothing can be measured
        assertThat(monthlyBaseline("charges", 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 140.0).flags()).isEmpty();
    }

    @Test
    void dayGrainComparesWithTheSameWeekday() {
        // 1 Jan 2024 is a Monday. Ten weeks of visits: 100 on Mondays, 10 on every other day, and 100 on
        // Tuesday 5 March.
        LocalDate spike = LocalDate.of(2024, 3, 5);
        assertThat(spike.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        List<Row> rows = new ArrayList<>();
        for (LocalDate d = JAN; d.isBefore(LocalDate.of(2024, 3, 11)); d = d.plusDays(1)) {
            double v = d.getDayOfWeek() == DayOfWeek.MONDAY || d.equals(spike) ? 100 : 10;
            rows.add(row(member("L1"), Member.ALL, Optional.of(d), "visits", v));
        }
        Result r = detection.baseline(request("visits", Method.BASELINE, null, Grain.DAY, 30), rows);
        // Mondays: 8 earlier Mondays all 100 → floor √100 = 10 → z(100) = 0: a busy Monday is ordinary.
        // Tuesday 5 March: earlier Tuesdays all 10 → floor √10 = 3.1623 → z(100) = 90 / 3.1623 = 28.46
        assertThat(r.flags()).singleElement().satisfies(f -> {
            assertThat(f.period()).hasValue(spike);
            assertThat(f.expected()).isEqualTo(10.0);
            assertThat(f.z()).isCloseTo(90 / Math.sqrt(10), within(1e-9));
            assertThat(f.explanation()).contains("Tue 5 Mar 2024", "its usual Tuesday 10");
        });
        // the first four weeks have fewer than 4 earlier same weekdays: 28 days untested; 29 Jan (a Monday) has 4
        assertThat(r.untested()).hasSize(28);
        assertThat(r.untested()).allSatisfy(u -> assertThat(u.period().orElseThrow()).isBefore(LocalDate.of(2024, 1, 29)));
    }

    @Test
    void baselinePeriodsAreTheSameWeekdayForDaysAndThePreviousSixOtherwise() {
        LocalDate wed = LocalDate.of(2025, 3, 12);
        assertThat(OutlierDetector.baselinePeriods(wed, Grain.DAY)).containsExactly(
                LocalDate.of(2025, 3, 5), LocalDate.of(2025, 2, 26), LocalDate.of(2025, 2, 19), LocalDate.of(2025, 2, 12),
                LocalDate.of(2025, 2, 5), LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 22), LocalDate.of(2025, 1, 15));
        assertThat(OutlierDetector.baselinePeriods(LocalDate.of(2024, 3, 1), Grain.MONTH)).containsExactly(
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2023, 12, 1), LocalDate.of(2023, 11, 1),
                LocalDate.of(2023, 10, 1), LocalDate.of(2023, 9, 1));
        assertThat(OutlierDetector.baselinePeriods(LocalDate.of(2024, 7, 1), Grain.QUARTER)).containsExactly(
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2023, 10, 1), LocalDate.of(2023, 7, 1),
                LocalDate.of(2023, 4, 1), LocalDate.of(2023, 1, 1));
        assertThat(OutlierDetector.baselinePeriods(LocalDate.of(2024, 1, 15), Grain.WEEK)).hasSize(6)
                .first().isEqualTo(LocalDate.of(2024, 1, 8));
    }
}
