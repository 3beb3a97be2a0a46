package org.caseload.engine.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.model.Grain;

/** The requests whose SQL is kept as golden files per dialect; each shows one feature of the renderer. */
public final class GoldenQueries {
    private GoldenQueries() {}

    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2024, 7, 1);

    public static Map<String, MetricRequest> all() {
        Map<String, MetricRequest> q = new LinkedHashMap<>();
        q.put("single_measure_total", MetricRequest.builder().metrics("visits").build());
        q.put("by_location_month", MetricRequest.builder().metrics("visits", "no_show_rate")
                .dimensions("location").grain(Grain.MONTH).between(JAN, JUL).build());
        q.put("multi_fact_by_location_month", MetricRequest.builder()
                .metrics("visits", "staff_cost", "staff_cost_per_visit").dimensions("location", "service")
                .grain(Grain.MONTH).between(JAN, JUL).build());
        q.put("week_grain_role_group", MetricRequest.builder().metrics("visits_per_clinical_hour", "utilization")
                .dimensions("role_group").grain(Grain.WEEK).between(JAN, LocalDate.of(2024, 2, 1)).build());
        q.put("quarter_region_filters", MetricRequest.builder().metrics("charges", "revenue_per_staff_hour")
                .dimensions("region").grain(Grain.QUARTER)
                .filter(DimensionFilter.in("service", "dental", "Urgent care"))
                .filter(DimensionFilter.notIn("location", "O'Brien Family Clinic"))
                .between(JAN, LocalDate.of(2025, 1, 1)).build());
        q.put("year_patient_age_band", MetricRequest.builder().metrics("patients", "avg_visit_minutes")
                .dimensions("patient_age_band", "patient_sex").grain(Grain.YEAR).build());
        q.put("day_grain_having_order_limit", MetricRequest.builder().metrics("visits", "avg_wait_minutes")
                .dimensions("staff").grain(Grain.DAY).between(JAN, LocalDate.of(2024, 1, 8))
                .having(new MetricFilter("visits", MetricFilter.Op.GT, new java.math.BigDecimal("10")))
                .orderBy(Order.desc("avg_wait_minutes")).limit(20).build());
        q.put("compare_previous_period", MetricRequest.builder().metrics("visits", "staff_cost_share")
                .dimensions("location").between(LocalDate.of(2024, 4, 1), JUL)
                .compare(Comparison.PREVIOUS_PERIOD).build());
        q.put("compare_previous_year_month", MetricRequest.builder().metrics("booked", "no_shows")
                .grain(Grain.MONTH).between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))
                .compare(Comparison.PREVIOUS_YEAR).build());
        q.put("percentiles", MetricRequest.builder().metrics("median_visit_minutes", "p90_wait_minutes")
                .dimensions("service").between(JAN, JUL).build());
        q.put("provider_days", MetricRequest.builder().metrics("visits_per_provider_day", "staff_hours", "clinical_hours")
                .dimensions("location").grain(Grain.MONTH).between(JAN, JUL).build());
        return q;
    }
}
