package org.caseload.dialects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.model.Grain;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;

/**
 * The requests of the suite. Values are chosen for the demo data of {@link DialectSuite#DATA} (2024–2025, twelve
 * clinics in three regions, six service lines), whose reference tables do not depend on the seed, so the labels
 * below exist whatever the size. Every request is expressible on the command line (no comma or outer blank in a
 * filter value), because the console check runs the SQL that {@code caseload query --sql} prints for it.
 */
public final class GoldenRequests {
    private GoldenRequests() {}

    private static final LocalDate Y2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JUL_2024 = LocalDate.of(2024, 7, 1);
    private static final LocalDate Y2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate APR_2025 = LocalDate.of(2025, 4, 1);
    private static final LocalDate JUL_2025 = LocalDate.of(2025, 7, 1);
    private static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);

    /**
     * Dimensions both facts reach, rotated over the per-metric requests so that each metric is also grouped by
     * something other than the one dimension everybody tests with.
     */
    static final List<String> SHARED_DIMENSIONS = List.of("location", "region", "service", "role_group", "staff");

    /**
     * A value that matches nothing, yet means "Dental" to a MySQL-family server if inlined without doubling the
     * backslash ({@code 'Denta\l'} reads as {@code Dental} there): as a NOT IN value it silently drops the dental
     * line from the result of naively inlined SQL, and from nothing else.
     */
    public static final String BACKSLASH_TRAP = "Denta\\l";
    /** Quote and backslash together, the pair that breaks hand-made escaping in both orders. */
    public static final String QUOTE_AND_BACKSLASH = "Dan \\ O'Neil";
    /**
     * {@code x\'y}: doubling only the quote gives {@code 'x\''y'}, whose {@code \'} a MySQL-family server reads
     * as an escaped quote, so the literal runs on; the backslash must be doubled as well.
     */
    public static final String BACKSLASH_QUOTE = "x\\'y";
    /** A member of the demo roster (fixed: the network does not depend on the seed), among the busiest. */
    public static final String STAFF_MEMBER = "Carlos Castillo";
    /** The demo has no label with a quote: this one matches nothing, next to a label that matches. */
    public static final String QUOTED_LABEL = "O'Brien's Clinic";

    /** The golden requests, per-metric ones first (one per metric of the model, in catalog order). */
    public static List<GoldenRequest> all(SemanticModel model) {
        List<GoldenRequest> out = new ArrayList<>();
        int i = 0;
        for (Metric m : model.metrics().values()) {
            String dimension = SHARED_DIMENSIONS.get(i++ % SHARED_DIMENSIONS.size());
            out.add(new GoldenRequest("metric_" + m.name(), MetricRequest.builder().metrics(m.name())
                    .dimensions(dimension).grain(Grain.MONTH).between(Y2024, JUL_2024).build(),
                    "every metric of the model at least once, by " + dimension + " and month"));
        }

        // --- each grain ---------------------------------------------------------------------------
        out.add(new GoldenRequest("grain_day_dst_month", MetricRequest.builder()
                .metrics("visits", "booked", "no_show_rate", "charges").dimensions("location").grain(Grain.DAY)
                .between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1)).build(),
                "day buckets over the month of the US daylight-saving change (2024-03-10)"));
        out.add(new GoldenRequest("grain_week_across_new_year", MetricRequest.builder()
                .metrics("visits", "avg_wait_minutes", "staff_hours").dimensions("service").grain(Grain.WEEK)
                .between(LocalDate.of(2024, 12, 16), LocalDate.of(2025, 1, 20)).build(),
                "ISO weeks (Monday) where the week of 2024-12-30 spans the new year; two facts"));
        out.add(new GoldenRequest("grain_month_whole_history", MetricRequest.builder()
                .metrics("visits", "staff_cost", "utilization").grain(Grain.MONTH).build(),
                "month buckets with no range at all, two facts, no dimension"));
        out.add(new GoldenRequest("grain_quarter_by_region", MetricRequest.builder()
                .metrics("charges", "revenue_per_staff_hour").dimensions("region").grain(Grain.QUARTER)
                .between(Y2024, Y2026).build(),
                "quarter buckets; region is read through the locations join (rolled-up aggregate)"));
        out.add(new GoldenRequest("grain_year_patient_bands", MetricRequest.builder()
                .metrics("patients", "avg_visit_minutes").dimensions("patient_age_band", "patient_sex")
                .grain(Grain.YEAR).build(),
                "year buckets; a CASE key reading the fact and the patients table; null keys"));

        // --- comparisons --------------------------------------------------------------------------
        out.add(new GoldenRequest("previous_period_whole_months", MetricRequest.builder()
                .metrics("visits", "staff_cost_share").dimensions("location").grain(Grain.MONTH)
                .between(LocalDate.of(2024, 4, 1), JUL_2024).compare(Comparison.PREVIOUS_PERIOD).build(),
                "whole months compare with the same number of whole months before"));
        out.add(new GoldenRequest("previous_period_days", MetricRequest.builder()
                .metrics("visits", "no_show_rate", "staff_hours").grain(Grain.DAY)
                .between(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 17)).compare(Comparison.PREVIOUS_PERIOD).build(),
                "a 14-day range compares with the 14 days before, moved forward by day intervals"));
        out.add(new GoldenRequest("previous_period_no_grain_two_facts", MetricRequest.builder()
                .metrics("visits_per_clinical_hour", "charges").dimensions("region")
                .between(Y2025, JUL_2025).compare(Comparison.PREVIOUS_PERIOD).build(),
                "comparison without a time bucket; key union of two facts in both periods"));
        out.add(new GoldenRequest("previous_year_by_month", MetricRequest.builder()
                .metrics("booked", "no_shows", "charges").grain(Grain.MONTH)
                .between(Y2025, APR_2025).compare(Comparison.PREVIOUS_YEAR).build(),
                "the same months a year earlier"));
        out.add(new GoldenRequest("previous_year_leap_day", MetricRequest.builder()
                .metrics("visits", "staff_hours").grain(Grain.DAY)
                .between(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 3)).compare(Comparison.PREVIOUS_YEAR).build(),
                "2024-02-29 moved forward twelve months lands on 2025-02-28 on every server"));
        out.add(new GoldenRequest("previous_year_ordered_by_delta_pct", MetricRequest.builder()
                .metrics("visits").dimensions("location").between(Y2025, JUL_2025)
                .compare(Comparison.PREVIOUS_YEAR).orderBy(Order.desc("visits_delta_pct")).limit(5).build(),
                "ORDER BY a computed comparison column, LIMIT"));

        // --- filters ------------------------------------------------------------------------------
        out.add(new GoldenRequest("filter_by_key", MetricRequest.builder()
                .metrics("visits", "charges").dimensions("location").filter(DimensionFilter.in("service", "dental"))
                .build(),
                "a filter by member key"));
        out.add(new GoldenRequest("filter_by_label", MetricRequest.builder()
                .metrics("visits", "avg_wait_minutes").dimensions("service").grain(Grain.MONTH)
                .filter(DimensionFilter.in("location", "Riverside Medical Center", "Elm Street Clinic"))
                .between(Y2024, JUL_2024).build(),
                "a filter by member labels"));
        out.add(new GoldenRequest("filter_keys_labels_and_not_in", MetricRequest.builder()
                .metrics("staff_cost", "staff_hours").dimensions("role_group")
                .filter(DimensionFilter.in("service", "urgent_care", "Dental"))
                .filter(DimensionFilter.notIn("location", "Harbor View Health"))
                .between(Y2025, JUL_2025).build(),
                "a key and a label in one filter, and a NOT IN by label, on the shifts fact"));
        out.add(new GoldenRequest("filter_quoted_label", MetricRequest.builder()
                .metrics("visits", "no_shows").dimensions("location")
                .filter(DimensionFilter.in("location", QUOTED_LABEL, "Cedar Park Clinic")).build(),
                "a label with a quote (matching nothing) beside one that matches"));
        out.add(new GoldenRequest("filter_backslash_and_quote", MetricRequest.builder()
                .metrics("visits", "charges").dimensions("service")
                .filter(DimensionFilter.notIn("service", BACKSLASH_TRAP, QUOTE_AND_BACKSLASH, "Zoë Ørsted Care"))
                .between(Y2024, Y2025).build(),
                "backslashes, a quote and non-ASCII letters in values; the backslash trap must keep Dental"));
        out.add(new GoldenRequest("filter_staff_labels_with_escapes", MetricRequest.builder()
                .metrics("visits", "avg_wait_minutes", "staff_hours").dimensions("staff")
                .filter(DimensionFilter.in("staff", STAFF_MEMBER, QUOTE_AND_BACKSLASH, BACKSLASH_QUOTE)).build(),
                "a real staff label next to values ending a literal early if a backslash escaped the quote"));
        out.add(new GoldenRequest("filter_region_and_patient_sex", MetricRequest.builder()
                .metrics("visits", "patients").dimensions("service")
                .filter(DimensionFilter.in("region", "East", "Mountain"))
                .filter(DimensionFilter.notIn("patient_sex", "female")).build(),
                "filters on dimensions that are not grouped by, through two different joins"));

        // --- having -------------------------------------------------------------------------------
        out.add(new GoldenRequest("having_count", MetricRequest.builder()
                .metrics("visits", "charges").dimensions("location")
                .having(new MetricFilter("visits", MetricFilter.Op.GT, new BigDecimal("400"))).build(),
                "HAVING on a count"));
        out.add(new GoldenRequest("having_decimal_ratio", MetricRequest.builder()
                .metrics("no_show_rate", "booked").dimensions("service").grain(Grain.QUARTER)
                .having(new MetricFilter("no_show_rate", MetricFilter.Op.LT, new BigDecimal("0.085"))).build(),
                "HAVING with a decimal value on a ratio"));
        out.add(new GoldenRequest("having_two_conditions_compared", MetricRequest.builder()
                .metrics("charges", "visits").dimensions("location").grain(Grain.MONTH)
                .between(Y2025, APR_2025).compare(Comparison.PREVIOUS_PERIOD)
                .having(new MetricFilter("charges", MetricFilter.Op.GE, new BigDecimal("1500.50")))
                .having(new MetricFilter("visits", MetricFilter.Op.NE, new BigDecimal("20"))).build(),
                "two HAVING conditions, one on money with cents, in a comparison"));

        // --- order and limit ----------------------------------------------------------------------
        out.add(new GoldenRequest("order_by_metric_limit", MetricRequest.builder()
                .metrics("charges", "visits").dimensions("staff").between(Y2024, Y2025)
                .orderBy(Order.desc("charges")).limit(10).build(),
                "top ten by a money metric; staff labels"));
        out.add(new GoldenRequest("order_by_dimension_desc", MetricRequest.builder()
                .metrics("visits").dimensions("location", "service")
                .orderBy(Order.desc("location")).limit(7).build(),
                "ORDER BY a dimension (its label) descending, then the rest ascending"));
        out.add(new GoldenRequest("order_by_time_desc", MetricRequest.builder()
                .metrics("visits", "staff_cost").grain(Grain.WEEK).between(Y2025, Y2026)
                .orderBy(Order.desc("week")).limit(4).build(),
                "ORDER BY the time bucket descending, two facts"));

        // --- several facts ------------------------------------------------------------------------
        out.add(new GoldenRequest("two_facts_location_service_month", MetricRequest.builder()
                .metrics("visits", "staff_cost", "staff_cost_per_visit").dimensions("location", "service")
                .grain(Grain.MONTH).between(Y2024, JUL_2024).build(),
                "visits and shifts metrics together by two dimensions"));
        out.add(new GoldenRequest("two_facts_totals", MetricRequest.builder()
                .metrics("visits", "staff_hours", "clinical_hours", "utilization", "revenue_per_staff_hour",
                        "staff_cost_share", "visits_per_clinical_hour", "visits_per_provider_day").build(),
                "two facts without keys: one row each, cross joined"));
        out.add(new GoldenRequest("two_facts_by_staff", MetricRequest.builder()
                .metrics("visits", "staff_hours", "utilization").dimensions("staff")
                .between(LocalDate.of(2025, 4, 1), JUL_2025).build(),
                "two facts by staff (a nullable key on visits: IS NOT DISTINCT FROM)"));
        out.add(new GoldenRequest("two_facts_role_group_week", MetricRequest.builder()
                .metrics("visits_per_clinical_hour", "utilization").dimensions("role_group").grain(Grain.WEEK)
                .between(Y2024, LocalDate.of(2024, 2, 1)).build(),
                "ratios across facts by a dimension two joins away (staff then role_groups)"));

        // --- ordered-set aggregates ---------------------------------------------------------------
        out.add(new GoldenRequest("median_and_p90_by_service", MetricRequest.builder()
                .metrics("median_visit_minutes", "p90_wait_minutes").dimensions("service")
                .between(Y2024, JUL_2024).build(),
                "median and 90th percentile"));
        out.add(new GoldenRequest("median_filtered_by_label_month", MetricRequest.builder()
                .metrics("median_visit_minutes", "avg_visit_minutes").dimensions("location").grain(Grain.MONTH)
                .filter(DimensionFilter.in("service", "Dental")).between(Y2025, JUL_2025).build(),
                "a median next to an average, filtered by label"));
        out.add(new GoldenRequest("p90_with_shifts", MetricRequest.builder()
                .metrics("p90_wait_minutes", "staff_hours").dimensions("region").build(),
                "a percentile next to a shifts metric"));
        return List.copyOf(out);
    }
}
