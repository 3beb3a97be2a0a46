package org.caseload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model shipped as clinic.yaml has everything the product shows. */
class DefaultModelTest {
    private static final SemanticModel MODEL = ModelLoader.loadDefault();

    static final List<String> REQUIRED_METRICS = List.of(
            "visits", "booked", "patients", "visits_per_clinical_hour", "visits_per_provider_day",
            "no_shows", "no_show_rate", "avg_wait_minutes", "avg_visit_minutes", "utilization",
            "staff_hours", "clinical_hours", "staff_cost", "staff_cost_per_visit", "charges",
            "staff_cost_share", "revenue_per_staff_hour");

    static final List<String> REQUIRED_DIMENSIONS = List.of(
            "location", "region", "service", "role_group", "staff", "patient_sex", "patient_age_band");

    @Test
    void loadsWithoutProblems() {
        assertThat(MODEL.name()).isEqualTo("clinic");
        assertThat(MODEL.currency()).isEqualTo("USD");
        assertThat(MODEL.file()).isEqualTo("clinic.yaml");
        assertThat(MODEL.facts()).containsOnlyKeys("visits", "shifts");
    }

    @Test
    void hasEveryMetricTheProductRequires() {
        assertThat(MODEL.metrics()).containsKeys(REQUIRED_METRICS.toArray(String[]::new));
    }

    @Test
    void everyMetricHasALabelAndADescription() {
        assertThat(MODEL.catalog()).allSatisfy(m -> {
            assertThat(m.label()).as("label of %s", m.name()).isNotBlank();
            assertThat(m.description()).as("description of %s", m.name()).isNotBlank();
        });
    }

    @Test
    void hasEveryDimensionTheProductRequires() {
        assertThat(MODEL.dimensions()).containsKeys(REQUIRED_DIMENSIONS.toArray(String[]::new));
        assertThat(MODEL.dimensions().values()).allSatisfy(d -> {
            assertThat(d.label()).as("label of %s", d.name()).isNotBlank();
            assertThat(d.description()).as("description of %s", d.name()).isNotBlank();
        });
    }

    @Test
    void everyMetricResolvesToMeasures() {
        assertThat(MODEL.catalog()).allSatisfy(m ->
                assertThat(MODEL.measuresOf(m)).as("measures of %s", m.name()).isNotEmpty().doesNotContainNull());
    }

    @Test
    void ratiosAreFormulasOfSums() {
        Metric rate = MODEL.metric("no_show_rate").orElseThrow();
        assertThat(rate.formulaText()).contains("no_shows / booked");
        assertThat(rate.format()).isEqualTo(new Format(Format.Kind.PERCENT, 1, Optional.empty()));
        assertThat(rate.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(MODEL.measuresOf(rate)).extracting(Measure::name).containsExactly("no_show_visits", "booked_visits");
    }

    @Test
    void utilizationDividesVisitMinutesByClinicalShiftMinutesAcrossFacts() {
        Metric utilization = MODEL.metric("utilization").orElseThrow();
        assertThat(MODEL.measuresOf(utilization)).extracting(Measure::name, Measure::fact).containsExactly(
                tuple("visit_minutes_total", "visits"),
                tuple("clinical_shift_minutes", "shifts"));
    }

    @Test
    void moneyMetricsAreInTheModelsCurrency() {
        assertThat(MODEL.metric("staff_cost_per_visit").orElseThrow().format())
                .isEqualTo(new Format(Format.Kind.CURRENCY, 2, Optional.of("USD")));
        assertThat(MODEL.metric("staff_cost_per_visit").orElseThrow().format().format(12.5)).isEqualTo("$12.50");
    }

    @Test
    void theAgeBandReadsThePatientAndTheVisitDate() {
        Dimension ageBand = MODEL.dimension("patient_age_band").orElseThrow();
        assertThat(ModelLoader.tablesOf(ageBand)).containsExactly("patients", "visits");
        assertThat(ageBand.hasDisplay()).isFalse();
    }

    @Test
    void theWait90thPercentileIsAPercentile() {
        Measure p90 = MODEL.measures().get("wait_minutes_p90");
        assertThat(p90.agg()).isEqualTo(Aggregation.PERCENTILE);
        assertThat(p90.percentile()).contains(0.9);
    }

    @Test
    void roleGroupsAreJoinedThroughStaff() {
        assertThat(MODEL.facts().get("visits").joinTo("role_groups").orElseThrow().from()).isEqualTo("staff");
        assertThat(MODEL.facts().get("shifts").joinTo("role_groups").orElseThrow().from()).isEqualTo("staff");
    }
}
