package org.caseload.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.caseload.engine.execute.EngineTestSupport.d;
import static org.caseload.engine.execute.EngineTestSupport.money;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.engine.query.RequestException;
import org.caseload.model.Grain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results on the {@link Fixture} clinic, each expected value worked out by hand from the fixture
 * rows (the arithmetic is in the comments).
 */
class EngineResultTest {
    @TempDir
    static Path dir;
    static EngineTestSupport db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new EngineTestSupport(dir);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static final double EPS = 1e-9;

    @Test
    void everyDefaultMetricOverTheWholeFixture() {
        Map<String, Object> r = db.rows(MetricRequest.builder().metrics(
                "visits", "booked", "patients", "no_shows", "no_show_rate", "charges", "staff_cost",
                "staff_hours", "clinical_hours", "staff_cost_per_visit", "staff_cost_share",
                "revenue_per_staff_hour", "avg_wait_minutes", "avg_visit_minutes", "median_visit_minutes",
                "p90_wait_minutes", "utilization", "visits_per_provider_day", "visits_per_clinical_hour").build()).get(0);
        assertThat(r.get("visits")).isEqualTo(5L);                  // V1 V2 V4 V6 V7
        assertThat(r.get("booked")).isEqualTo(6L);                  // + no-show V3; V5 cancelled
        assertThat(r.get("patients")).isEqualTo(3L);                // P1 P2 P3
        assertThat(r.get("no_shows")).isEqualTo(1L);
        assertThat(d(r.get("no_show_rate"))).isCloseTo(1.0 / 6, within(EPS));
        assertThat(money(r.get("charges"))).isEqualTo(new BigDecimal("650.49")); // 100 + 80 + 250 + 120.50 + 99.99
        assertThat(money(r.get("staff_cost"))).isEqualTo(new BigDecimal("2540.00")); // 800 + 80 + 720 + 400 + 540
        assertThat(d(r.get("staff_hours"))).isCloseTo(28, within(EPS));   // 8 + 4 + 6 + 4 + 6
        assertThat(d(r.get("clinical_hours"))).isCloseTo(24, within(EPS)); // front desk SH2 excluded
        assertThat(d(r.get("staff_cost_per_visit"))).isCloseTo(508, within(EPS));  // 2540 / 5
        assertThat(d(r.get("staff_cost_share"))).isCloseTo(2540 / 650.49, within(EPS));
        assertThat(d(r.get("revenue_per_staff_hour"))).isCloseTo(650.49 / 28, within(EPS));
        assertThat(d(r.get("avg_wait_minutes"))).isCloseTo(12, within(EPS));  // (10 + 10 + 20 + 0 + 20) / 5
        assertThat(d(r.get("avg_visit_minutes"))).isCloseTo(49, within(EPS)); // (30 + 20 + 60 + 45 + 90) / 5
        assertThat(d(r.get("median_visit_minutes"))).isCloseTo(45, within(EPS)); // 20 30 [45] 60 90
        assertThat(d(r.get("p90_wait_minutes"))).isCloseTo(20, within(EPS));  // 0 10 10 20 20 → rank 3.6 → 20
        assertThat(d(r.get("utilization"))).isCloseTo(245.0 / 1440, within(EPS)); // visit minutes / 24 clinical hours
        assertThat(d(r.get("visits_per_provider_day"))).isCloseTo(5.0 / 4, within(EPS)); // S1 twice, S2, S4
        assertThat(d(r.get("visits_per_clinical_hour"))).isCloseTo(5.0 / 24, within(EPS));
    }

    @Test
    void byLocationAndMonthAggregatesEachFactThenJoins() {
        List<Map<String, Object>> rows = db.rows(MetricRequest.builder()
                .metrics("visits", "no_show_rate", "staff_cost", "staff_cost_per_visit", "utilization")
                .dimensions("location").grain(Grain.MONTH)
                .between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)).build());
        // Ordered by label: "O'Brien Family Clinic" before "Riverside".
        assertThat(rows).extracting(r -> r.get("location_label") + " " + r.get("month")).containsExactly(
                "O'Brien Family Clinic 2024-01-01", "O'Brien Family Clinic 2024-02-01",
                "Riverside 2024-01-01", "Riverside 2024-02-01");
        Map<String, Object> l2jan = rows.get(0);
        assertThat(l2jan.get("location")).isEqualTo("L2");
        assertThat(l2jan.get("visits")).isEqualTo(1L);
        assertThat(d(l2jan.get("staff_cost_per_visit"))).isCloseTo(720, within(EPS));
        assertThat(d(l2jan.get("utilization"))).isCloseTo(60.0 / 360, within(EPS));
        Map<String, Object> l2feb = rows.get(1); // only the cancelled V5, no shifts
        assertThat(l2feb.get("visits")).isEqualTo(0L);
        assertThat(l2feb.get("no_show_rate")).isNull();          // 0 / 0 booked → null, not an error
        assertThat(l2feb.get("staff_cost")).isNull();
        assertThat(l2feb.get("staff_cost_per_visit")).isNull();
        Map<String, Object> l1jan = rows.get(2);
        assertThat(l1jan.get("visits")).isEqualTo(2L);
        assertThat(d(l1jan.get("no_show_rate"))).isCloseTo(1.0 / 3, within(EPS));
        assertThat(money(l1jan.get("staff_cost"))).isEqualTo(new BigDecimal("880.00"));
        assertThat(d(l1jan.get("staff_cost_per_visit"))).isCloseTo(440, within(EPS));
        assertThat(d(l1jan.get("utilization"))).isCloseTo(50.0 / 480, within(EPS));
        Map<String, Object> l1feb = rows.get(3); // V6 at midnight belongs to February
        assertThat(l1feb.get("visits")).isEqualTo(1L);
        assertThat(d(l1feb.get("no_show_rate"))).isCloseTo(0, within(EPS));
        assertThat(d(l1feb.get("utilization"))).isCloseTo(45.0 / 240, within(EPS));
    }

    @Test
    void weeksStartOnMondayAndEveryGrainNamesItsFirstDay() {
        List<Map<String, Object>> weeks = db.rows(MetricRequest.builder().metrics("visits").grain(Grain.WEEK).build());
        // Wed 2024-01-10 → Mon 01-08; Mon 01-15; Thu 02-01 → 01-29; Mon 02-05 (cancelled only); Sun 03-10 → 03-04.
        assertThat(weeks).extracting(r -> r.get("week") + "=" + r.get("visits")).containsExactly(
                "2024-01-08=2", "2024-01-15=1", "2024-01-29=1", "2024-02-05=0", "2024-03-04=1");
        assertThat(db.rows(MetricRequest.builder().metrics("visits").grain(Grain.DAY)
                .between(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 2)).build()))
                .extracting(r -> r.get("day") + "=" + r.get("visits")).containsExactly("2024-02-01=1");
        assertThat(db.rows(MetricRequest.builder().metrics("visits").grain(Grain.QUARTER).build()))
                .extracting(r -> r.get("quarter") + "=" + r.get("visits")).containsExactly("2024-01-01=5");
        assertThat(db.rows(MetricRequest.builder().metrics("visits").grain(Grain.YEAR).build()))
                .extracting(r -> r.get("year") + "=" + r.get("visits")).containsExactly("2024-01-01=5");
        assertThat(weeks.get(0).get("week")).isInstanceOf(LocalDate.class);
    }

    @Test
    void roleGroupReachesBothFactsThroughStaff() {
        List<Map<String, Object>> rows = db.rows(MetricRequest.builder()
                .metrics("visits", "staff_hours").dimensions("role_group").build());
        // Front desk has shifts (SH2, 4 h) but no visits: its row comes from the shifts aggregate, visits 0.
        assertThat(rows).extracting(r -> r.get("role_group_label") + " " + r.get("visits") + " " + d(r.get("staff_hours")))
                .containsExactly("Front desk 0 4.0", "Physician 5 24.0");
    }

    @Test
    void patientAgeBandIsTheAgeInTheYearOfTheVisit() {
        // P1 born 1980 → 44 in 2024; P2 born 2010 → 14; P3 has no birth year.
        assertThat(db.rows(MetricRequest.builder().metrics("visits").dimensions("patient_age_band").build()))
                .extracting(r -> r.get("patient_age_band") + "=" + r.get("visits"))
                .containsExactly("0-17=2", "35-49=2", "unknown=1");
        assertThat(db.rows(MetricRequest.builder().metrics("visits").dimensions("patient_sex").build()))
                .extracting(r -> r.get("patient_sex") + "=" + r.get("visits"))
                .containsExactly("female=2", "male=2", "null=1");
    }

    @Test
    void filtersTakeKeysOrLabels() {
        MetricRequest.Builder base = MetricRequest.builder().metrics("visits");
        assertThat(db.rows(base.filter(DimensionFilter.in("service", "Dental")).build()).get(0).get("visits")).isEqualTo(2L);
        assertThat(db.rows(MetricRequest.builder().metrics("visits").filter(DimensionFilter.in("service", "dental")).build())
                .get(0).get("visits")).isEqualTo(2L);
        // Not O'Brien (L2): V1 V2 V6 at L1 and V7 at L3.
        assertThat(db.rows(MetricRequest.builder().metrics("visits")
                .filter(DimensionFilter.notIn("location", "O'Brien Family Clinic")).build()).get(0).get("visits")).isEqualTo(4L);
        assertThat(db.rows(MetricRequest.builder().metrics("visits", "staff_cost")
                .filter(DimensionFilter.in("location", "L1", "Zoë Ørsted Care")).build()).get(0))
                .satisfies(r -> {
                    assertThat(r.get("visits")).isEqualTo(4L);
                    assertThat(money(r.get("staff_cost"))).isEqualTo(new BigDecimal("1820.00")); // 800+80+400+540
                });
    }

    @Test
    void havingOrderAndLimit() {
        // Visits by location: L1 3, L2 1, L3 1.
        assertThat(db.rows(MetricRequest.builder().metrics("visits").dimensions("location")
                .having(new MetricFilter("visits", MetricFilter.Op.GT, BigDecimal.ONE)).build()))
                .extracting(r -> r.get("location")).containsExactly("L1");
        // Ties on visits are broken by label: "O'Brien Family Clinic" < "Zoë Ørsted Care".
        assertThat(db.rows(MetricRequest.builder().metrics("visits").dimensions("location")
                .orderBy(Order.desc("visits")).limit(2).build()))
                .extracting(r -> r.get("location")).containsExactly("L1", "L2");
    }

    @Test
    void comparesWithThePreviousPeriodOfTheSameLength() {
        // February vs January, by location. L3 has nothing in February, so no row.
        List<Map<String, Object>> rows = db.rows(MetricRequest.builder().metrics("visits").dimensions("location")
                .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)).compare(Comparison.PREVIOUS_PERIOD).build());
        assertThat(rows).extracting(r -> r.get("location") + " " + r.get("visits") + " " + r.get("visits_previous")
                + " " + r.get("visits_delta")).containsExactly("L2 0 1 -1", "L1 1 2 -1");
        assertThat(d(rows.get(0).get("visits_delta_pct"))).isCloseTo(-1.0, within(EPS));
        assertThat(d(rows.get(1).get("visits_delta_pct"))).isCloseTo(-0.5, within(EPS));
    }

    @Test
    void comparisonBucketsLineUpWithTheCurrentPeriod() {
        // [Feb, Apr) vs [Dec, Feb): December had nothing; January (V1 V2 V4) lines up with March.
        List<Map<String, Object>> rows = db.rows(MetricRequest.builder().metrics("visits").grain(Grain.MONTH)
                .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1)).compare(Comparison.PREVIOUS_PERIOD).build());
        assertThat(rows).extracting(r -> r.get("month") + " " + r.get("visits") + " " + r.get("visits_previous")
                + " " + r.get("visits_delta")).containsExactly("2024-02-01 1 null null", "2024-03-01 1 3 -2");
        assertThat(d(rows.get(1).get("visits_delta_pct"))).isCloseTo(-2.0 / 3, within(EPS));
    }

    @Test
    void grantsRestrictEveryFactAndTheComparisonPeriod() {
        AccessScope onlyL1 = AccessScope.locations(Set.of("L1"));
        Map<String, Object> total = db.rows(MetricRequest.builder().metrics("visits", "staff_cost").build(), onlyL1).get(0);
        assertThat(total.get("visits")).isEqualTo(3L);
        assertThat(money(total.get("staff_cost"))).isEqualTo(new BigDecimal("1280.00")); // 800 + 80 + 400
        // Asking for another location by filter cannot widen the grant.
        assertThat(db.rows(MetricRequest.builder().metrics("visits").dimensions("location")
                .filter(DimensionFilter.in("location", "L2")).build(), onlyL1)).isEmpty();
        List<Map<String, Object>> compared = db.rows(MetricRequest.builder().metrics("visits").dimensions("location")
                .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)).compare(Comparison.PREVIOUS_PERIOD).build(), onlyL1);
        assertThat(compared).extracting(r -> r.get("location") + " " + r.get("visits_previous")).containsExactly("L1 2");
    }

    @Test
    void aDimensionAMetricCannotReachNamesTheMissingJoin() {
        assertThatThrownBy(() -> db.rows(MetricRequest.builder().metrics("staff_hours").dimensions("patient_sex").build()))
                .isInstanceOf(RequestException.class)
                .hasMessageContaining("dimension 'patient_sex' cannot be reached from metric 'staff_hours'")
                .hasMessageContaining("no join to table patients")
                .extracting(e -> ((RequestException) e).field()).isEqualTo("dimensions");
    }

    @Test
    void unknownNamesGetSuggestions() {
        assertThatThrownBy(() -> db.rows(MetricRequest.builder().metrics("vists").build()))
                .isInstanceOf(RequestException.class).hasMessage("unknown metric 'vists'")
                .satisfies(e -> assertThat(((RequestException) e).hint()).contains("did you mean 'visits'?"));
        assertThatThrownBy(() -> db.rows(MetricRequest.builder().metrics("visits").dimensions("locaton").build()))
                .satisfies(e -> assertThat(((RequestException) e).hint()).contains("did you mean 'location'?"));
    }
}
