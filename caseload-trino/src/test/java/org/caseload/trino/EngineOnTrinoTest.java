package org.caseload.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.execute.QueryResult;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.model.Grain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine on a three-node Trino through the JDBC driver, on the fixture of {@link TrinoWarehouse}.
 * Expected values are worked out by hand from its rows (arithmetic in the comments); they are the
 * engine's DuckDB expectations, since the rows are the same.
 */
class EngineOnTrinoTest {
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2024, 7, 1);
    private static final double EPS = 1e-9;
    static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TrinoWarehouse.engine();
    }

    private static QueryResult run(MetricRequest request) {
        return engine.execute(request, AccessScope.UNRESTRICTED);
    }

    private static List<Map<String, Object>> maps(QueryResult r) {
        return r.rows().stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) m.put(r.columns().get(i).name(), row[i]);
            return m;
        }).toList();
    }

    @Test
    void visitsByLocationAtMonthGrain() {
        QueryResult r = run(MetricRequest.builder().metrics("visits", "no_show_rate")
                .dimensions("location").grain(Grain.MONTH).between(JAN, JUL).build());
        assertThat(r.columns().stream().map(c -> c.name()).toList())
                .containsExactly("location", "location_label", "month", "visits", "no_show_rate");
        // Sorted by label: O'Brien (L2), Riverside (L1), Zoë (L3).
        assertThat(r.rows()).extracting(row -> Arrays.asList(row)).containsExactly(
                List.of("L2", "O'Brien Family Clinic", LocalDate.of(2024, 1, 1), 1L, 0.0),  // V4; booked 1, no-shows 0
                Arrays.asList("L2", "O'Brien Family Clinic", LocalDate.of(2024, 2, 1), 0L, null), // V5 cancelled: booked 0 → null rate
                List.of("L1", "Riverside", LocalDate.of(2024, 1, 1), 2L, 1.0 / 3),         // V1 V2; V3 no-show of 3 booked
                List.of("L1", "Riverside", LocalDate.of(2024, 2, 1), 1L, 0.0),             // V6
                List.of("L3", "Zoë Ørsted Care", LocalDate.of(2024, 3, 1), 1L, 0.0));      // V7
    }

    @Test
    void everyMetricTrinoCanComputeOverTheWholeFixture() {
        Map<String, Object> r = maps(run(MetricRequest.builder().metrics(
                "visits", "booked", "patients", "no_shows", "no_show_rate", "charges", "staff_cost",
                "staff_hours", "clinical_hours", "staff_cost_per_visit", "staff_cost_share",
                "revenue_per_staff_hour", "avg_wait_minutes", "avg_visit_minutes",
                "utilization", "visits_per_provider_day", "visits_per_clinical_hour").build())).get(0);
        assertThat(r.get("visits")).isEqualTo(5L);                  // V1 V2 V4 V6 V7
        assertThat(r.get("booked")).isEqualTo(6L);                  // + no-show V3; V5 cancelled
        assertThat(r.get("patients")).isEqualTo(3L);                // P1 P2 P3
        assertThat(r.get("no_shows")).isEqualTo(1L);
        assertThat(d(r.get("no_show_rate"))).isCloseTo(1.0 / 6, within(EPS));
        assertThat(r.get("charges")).isEqualTo(new BigDecimal("650.49"));    // 100 + 80 + 250 + 120.50 + 99.99
        assertThat(r.get("staff_cost")).isEqualTo(new BigDecimal("2540.00")); // 800 + 80 + 720 + 400 + 540
        assertThat(d(r.get("staff_hours"))).isCloseTo(28, within(EPS));   // 8 + 4 + 6 + 4 + 6
        assertThat(d(r.get("clinical_hours"))).isCloseTo(24, within(EPS)); // front desk SH2 excluded
        assertThat(d(r.get("staff_cost_per_visit"))).isCloseTo(508, within(EPS));  // 2540 / 5
        assertThat(d(r.get("staff_cost_share"))).isCloseTo(2540 / 650.49, within(EPS));
        assertThat(d(r.get("revenue_per_staff_hour"))).isCloseTo(650.49 / 28, within(EPS));
        assertThat(d(r.get("avg_wait_minutes"))).isCloseTo(12, within(EPS));  // (10 + 10 + 20 + 0 + 20) / 5
        assertThat(d(r.get("avg_visit_minutes"))).isCloseTo(49, within(EPS)); // (30 + 20 + 60 + 45 + 90) / 5
        assertThat(d(r.get("utilization"))).isCloseTo(245.0 / 1440, within(EPS)); // visit minutes / 24 clinical hours
        assertThat(d(r.get("visits_per_provider_day"))).isCloseTo(5.0 / 4, within(EPS)); // S1 twice, S2, S4
        assertThat(d(r.get("visits_per_clinical_hour"))).isCloseTo(5.0 / 24, within(EPS));
    }

    /** date_trunc per grain, ISO weeks starting on Monday; every period with a visit row appears, completed or not. */
    @Test
    void timeBucketsAtEveryGrain() {
        assertThat(buckets(Grain.DAY)).containsExactly(
                "2024-01-10=2", "2024-01-11=0", "2024-01-15=1", "2024-02-01=1", "2024-02-05=0", "2024-03-10=1");
        assertThat(buckets(Grain.WEEK)).containsExactly(   // Wed 10th, Mon 15th, Thu 1st, Mon 5th, Sun 10th
                "2024-01-08=2", "2024-01-15=1", "2024-01-29=1", "2024-02-05=0", "2024-03-04=1");
        assertThat(buckets(Grain.MONTH)).containsExactly("2024-01-01=3", "2024-02-01=1", "2024-03-01=1");
        assertThat(buckets(Grain.QUARTER)).containsExactly("2024-01-01=5");
        assertThat(buckets(Grain.YEAR)).containsExactly("2024-01-01=5");
    }

    private static List<String> buckets(Grain g) {
        return run(MetricRequest.builder().metrics("visits").grain(g).build()).rows().stream()
                .map(row -> row[0] + "=" + row[1]).toList();
    }

    @Test
    void filtersByKeyAndLabelWithTheTimeRange() {
        List<Map<String, Object>> rows = maps(run(MetricRequest.builder().metrics("charges", "revenue_per_staff_hour")
                .dimensions("region").grain(Grain.QUARTER)
                .filter(DimensionFilter.in("service", "dental", "Primary care"))      // a key and a label
                .filter(DimensionFilter.notIn("location", "O'Brien Family Clinic"))  // a label with a quote
                .between(JAN, LocalDate.of(2025, 1, 1)).build()));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("region", "North").containsEntry("charges", new BigDecimal("300.50")); // V1 V2 V6
        assertThat(d(rows.get(0).get("revenue_per_staff_hour"))).isCloseTo(300.50 / 16, within(EPS));            // SH1 8 + SH2 4 + SH4 4
        assertThat(rows.get(1)).containsEntry("region", "South").containsEntry("charges", new BigDecimal("99.99")); // V7 (L2 dropped)
        assertThat(d(rows.get(1).get("revenue_per_staff_hour"))).isCloseTo(99.99 / 6, within(EPS));               // SH5
    }

    @Test
    void accessScopeRestrictsEveryFact() {
        QueryResult r = engine.execute(MetricRequest.builder().metrics("visits", "staff_hours").dimensions("location").build(),
                AccessScope.locations(Set.of("L1", "L3")));
        assertThat(r.rows()).extracting(row -> Arrays.asList(row)).containsExactly(
                List.of("L1", "Riverside", 3L, 16.0),        // V1 V2 V6; SH1 SH2 SH4
                List.of("L3", "Zoë Ørsted Care", 1L, 6.0));  // V7; SH5
    }

    /** Month comparison: the earlier period's rows are moved forward with date_add('month', 1, ...) to share buckets. */
    @Test
    void previousPeriodByMonth() {
        Map<String, Object> feb = maps(run(MetricRequest.builder().metrics("visits", "charges").grain(Grain.MONTH)
                .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)).compare(Comparison.PREVIOUS_PERIOD).build())).get(0);
        assertThat(feb).containsEntry("month", LocalDate.of(2024, 2, 1))
                .containsEntry("visits", 1L).containsEntry("visits_previous", 3L).containsEntry("visits_delta", -2L) // V6 vs V1 V2 V4
                .containsEntry("charges", new BigDecimal("120.50")).containsEntry("charges_previous", new BigDecimal("430.00"))
                .containsEntry("charges_delta", new BigDecimal("-309.50"));
        assertThat(d(feb.get("visits_delta_pct"))).isCloseTo(-2.0 / 3, within(EPS));
    }

    /** Day comparison: a one-day shift, date_add('day', 1, ...). */
    @Test
    void previousPeriodByDay() {
        QueryResult r = run(MetricRequest.builder().metrics("visits").grain(Grain.DAY)
                .between(LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 12)).compare(Comparison.PREVIOUS_PERIOD).build());
        assertThat(r.rows()).extracting(row -> Arrays.asList(row))
                .containsExactly(List.of(LocalDate.of(2024, 1, 11), 0L, 2L, -2L, -1.0)); // V3 no-show vs V1 V2
    }

    @Test
    void havingOrderAndLimit() {
        assertThat(run(MetricRequest.builder().metrics("visits").dimensions("location")
                .having(new MetricFilter("visits", MetricFilter.Op.GE, new BigDecimal("1.5"))).build()).rows())
                .extracting(row -> Arrays.asList(row)).containsExactly(List.of("L1", "Riverside", 3L));
        assertThat(run(MetricRequest.builder().metrics("visits", "avg_wait_minutes").dimensions("service")
                .orderBy(Order.desc("avg_wait_minutes")).limit(1).build()).rows())
                .extracting(row -> Arrays.asList(row))
                .containsExactly(List.of("dental", "Dental", 2L, 20.0)); // V4 20, V7 20; primary care (10 + 10 + 0) / 3
    }

    /** Requests covering the renderer's features; each runs three ways that must agree. */
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("location_month", MetricRequest.builder().metrics("visits", "no_show_rate")
                        .dimensions("location").grain(Grain.MONTH).between(JAN, JUL).build()),
                Arguments.of("two_facts_two_dimensions", MetricRequest.builder().metrics("visits", "staff_cost", "staff_cost_per_visit")
                        .dimensions("location", "service").grain(Grain.MONTH).between(JAN, JUL).build()),
                Arguments.of("week_role_group", MetricRequest.builder().metrics("visits_per_clinical_hour", "utilization")
                        .dimensions("role_group").grain(Grain.WEEK).between(JAN, LocalDate.of(2024, 2, 1)).build()),
                Arguments.of("label_filters", MetricRequest.builder().metrics("charges", "revenue_per_staff_hour")
                        .dimensions("region").grain(Grain.QUARTER).filter(DimensionFilter.in("service", "dental", "Primary care"))
                        .filter(DimensionFilter.notIn("location", "O'Brien Family Clinic")).between(JAN, LocalDate.of(2025, 1, 1)).build()),
                Arguments.of("age_band_year", MetricRequest.builder().metrics("patients", "avg_visit_minutes")
                        .dimensions("patient_age_band", "patient_sex").grain(Grain.YEAR).build()),
                Arguments.of("having_decimal_bind", MetricRequest.builder().metrics("visits").dimensions("location")
                        .having(new MetricFilter("visits", MetricFilter.Op.GE, new BigDecimal("1.5"))).build()),
                Arguments.of("limit_bind", MetricRequest.builder().metrics("visits").dimensions("location").limit(2).build()),
                Arguments.of("compare_month", MetricRequest.builder().metrics("visits", "staff_cost_share").dimensions("location")
                        .grain(Grain.MONTH).between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1)).compare(Comparison.PREVIOUS_PERIOD).build()),
                Arguments.of("compare_year", MetricRequest.builder().metrics("booked", "no_shows").grain(Grain.MONTH)
                        .between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1)).compare(Comparison.PREVIOUS_YEAR).build()));
    }

    /**
     * What the engine returns, what {@code inlineSql()} returns pasted into Trino as-is, and what
     * {@code parameterSql()} returns with {@code bindValues()} set on a PreparedStatement (LIMIT and
     * HAVING values included) are the same rows: people may run any of the three by hand.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void engineInlineAndBoundSqlAgree(String name, MetricRequest request) throws Exception {
        CompiledQuery q = engine.compile(request, AccessScope.UNRESTRICTED);
        List<List<Object>> viaEngine = TrinoWarehouse.rows(engine.execute(q).rows());
        try (Connection c = TrinoWarehouse.cluster().connect()) {
            List<List<Object>> inlined;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q.inlineSql())) {
                inlined = TrinoWarehouse.rows(rs);
            }
            List<List<Object>> bound;
            try (PreparedStatement ps = c.prepareStatement(q.parameterSql())) {
                List<Object> binds = q.bindValues();
                for (int i = 0; i < binds.size(); i++) ps.setObject(i + 1, binds.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    bound = TrinoWarehouse.rows(rs);
                }
            }
            assertThat(inlined).isEqualTo(viaEngine);
            assertThat(bound).isEqualTo(viaEngine);
        }
        if (name.equals("limit_bind")) {
            assertThat(q.bindValues()).containsExactly(2);
            assertThat(viaEngine).hasSize(2);
        }
        if (!name.equals("compare_year")) {
            assertThat(viaEngine).isNotEmpty(); // a comparison of all-empty rows would prove nothing
        }
    }

    private static double d(Object v) {
        return ((Number) v).doubleValue();
    }
}
