package org.caseload.insights.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.RequestException;
import org.caseload.insights.SmallClinic;
import org.caseload.insights.TestEngine;
import org.caseload.model.Grain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detect} end to end on a small warehouse. January 2024 average waits:
 * <pre>
 *   Alpha 10 (100 visits), Bravo 20 (150), Charlie 30 (200), Delta 20 (120), Foxtrot 200 (100), Echo 1 (10 visits)
 * </pre>
 * and Alpha's visits per month from January: 100, 100, 100, 100, 100, 100, then 160 in July.
 */
class OutlierDetectorWarehouseTest {
    @TempDir
    static Path dir;
    private static TestEngine warehouse;
    private static OutlierDetector detector;

    @BeforeAll
    static void engine() throws Exception {
        SmallClinic clinic = new SmallClinic()
                .location("LA", "Alpha", "North").location("LB", "Bravo", "North").location("LC", "Charlie", "South")
                .location("LD", "Delta", "South").location("LE", "Echo", "South").location("LF", "Foxtrot", "South")
                .visits("LA", "2024-01-02 08:00", 100, 10)
                .visits("LB", "2024-01-02 08:00", 150, 20)
                .visits("LC", "2024-01-02 08:00", 200, 30)
                .visits("LD", "2024-01-02 08:00", 120, 20)
                .visits("LE", "2024-01-02 08:00", 10, 1)
                .visits("LF", "2024-01-02 08:00", 100, 200);
        for (int m = 2; m <= 7; m++) {
            clinic.visits("LA", String.format("2024-%02d-02 08:00", m), m == 7 ? 160 : 100, 10);
        }
        warehouse = TestEngine.create(dir, clinic.sql());
        detector = new OutlierDetector(warehouse.engine);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static OutlierRequest request(String metric, Optional<Grain> grain, Method method, Optional<LocalDate> from,
                                          Optional<LocalDate> to) {
        return new OutlierRequest(metric, "location", Optional.empty(), grain, method, OptionalDouble.empty(), from, to,
                List.of(), OutlierRequest.DEFAULT_MIN_VOLUME);
    }

    @Test
    void peerOutlierWithLowVolumeUntestedAndADrillDown() {
        OutlierResult r = detector.detect(request("avg_wait_minutes", Optional.empty(), Method.MAD,
                Optional.of(LocalDate.of(2024, 1, 1)), Optional.of(LocalDate.of(2024, 2, 1))), AccessScope.UNRESTRICTED);
        // Echo (10 visits) is low volume; the tested five 10, 20, 30, 20, 200 → median 20;
        // deviations 10, 0, 10, 0, 180 → sorted 0, 0, 10, 10, 180 → MAD 10 → z(200) = 0.6745 · 18 = 12.141
        assertThat(r.flags()).singleElement().satisfies(f -> {
            assertThat(f.entity().key()).isEqualTo("LF");
            assertThat(f.entity().label()).isEqualTo("Foxtrot");
            assertThat(f.value()).isCloseTo(200, within(1e-9));
            assertThat(f.expected()).isCloseTo(20, within(1e-9));
            assertThat(f.z()).isCloseTo(12.141, within(1e-9));
            assertThat(f.direction()).isEqualTo("bad");
            assertThat(f.explanation()).startsWith("Average wait at Foxtrot, Mon 1 Jan 2024 to Wed 31 Jan 2024:")
                    .contains("+900%", "z = 12.1");
            // one role group, service and physician each: the first candidate, the role group, takes it all
            assertThat(f.drilldown()).hasValue("mostly Physician (role group): 100% of the difference");
        });
        assertThat(r.untested()).singleElement().satisfies(u -> {
            assertThat(u.entity().label()).isEqualTo("Echo");
            assertThat(u.reason()).isEqualTo("low volume: 10 visits (under 30)");
        });
    }

    @Test
    void baselineReadsHistoryBeforeFrom() {
        // Only July is asked about; the detector reads back 6 months, so July has Jan–Jun as its baseline:
        // 100 × 6 → MAD 0 and MeanAD 0, Poisson floor √100 = 10 → z(160) = 60 / 10 = 6.0
        OutlierResult r = detector.detect(request("visits", Optional.of(Grain.MONTH), Method.BASELINE,
                Optional.of(LocalDate.of(2024, 7, 1)), Optional.of(LocalDate.of(2024, 8, 1))), AccessScope.UNRESTRICTED);
        assertThat(r.flags()).singleElement().satisfies(f -> {
            assertThat(f.entity().label()).isEqualTo("Alpha");
            assertThat(f.period()).hasValue(LocalDate.of(2024, 7, 1));
            assertThat(f.z()).isCloseTo(6.0, within(1e-9));
            assertThat(f.direction()).isEqualTo("good");
            assertThat(f.explanation()).contains("Alpha", "July 2024", "its usual 100");
        });
        // The other locations have only January. Their July has no row → 0 visits; its baseline Jun … Jan is
        // 0, 0, 0, 0, 0, n (months without rows count as 0) → median 0, MAD 0, floor √0 = 0, MeanAD n/6 > 0
        // → z(0) = 0: tested, not flagged.
        assertThat(r.untested()).isEmpty();
    }

    @Test
    void baselineNeedsAGrainAndThresholdsMustBePositive() {
        assertThatThrownBy(() -> detector.detect(request("visits", Optional.empty(), Method.BASELINE, Optional.empty(),
                Optional.empty()), AccessScope.UNRESTRICTED))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.field()).isEqualTo("grain"));
        OutlierRequest zero = new OutlierRequest("visits", "location", Optional.empty(), Optional.empty(), Method.MAD,
                OptionalDouble.of(0), Optional.empty(), Optional.empty(), List.of(), 30);
        assertThatThrownBy(() -> detector.detect(zero, AccessScope.UNRESTRICTED))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
        OutlierRequest unknown = new OutlierRequest("visit", "location", Optional.empty(), Optional.empty(), Method.MAD,
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of(), 30);
        assertThatThrownBy(() -> detector.detect(unknown, AccessScope.UNRESTRICTED))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.field()).isEqualTo("metric"));
    }
}
