package org.caseload.dialects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.model.Format;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import org.junit.jupiter.api.Test;

/**
 * The comparison rules themselves: a suite that compares too loosely passes everywhere and proves nothing, so each
 * rule is shown to reject what it must (a count off by one, a cent, a ratio in the eighth digit, rows swapped).
 */
class ResultComparisonTest {
    private static final SemanticModel MODEL = ModelLoader.loadDefault();

    private static OutputColumn metric(String name) {
        var m = MODEL.metric(name).orElseThrow();
        return new OutputColumn(name, m.label(), OutputColumn.Role.METRIC, Optional.of(m.format()), Optional.of(m),
                Optional.empty());
    }

    private static final List<OutputColumn> COLUMNS = List.of(
            new OutputColumn("location", "Location", OutputColumn.Role.DIMENSION_KEY, Optional.empty(), Optional.empty(),
                    MODEL.dimension("location")),
            new OutputColumn("month", "Month", OutputColumn.Role.TIME, Optional.empty(), Optional.empty(), Optional.empty()),
            metric("visits"), metric("charges"), metric("no_show_rate"));

    private static List<ValueKind> kinds() {
        return COLUMNS.stream().map(c -> ValueKind.of(c, MODEL)).toList();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static final List<Object> REF = row("L1", LocalDate.of(2024, 1, 1), 12L, new BigDecimal("100.10"), 0.1);

    private static List<String> diff(List<Object> actual) {
        return ResultComparison.differences(COLUMNS, kinds(), List.of(REF), List.of(actual));
    }

    @Test
    void kindsFollowWhatTheColumnMeans() {
        assertThat(kinds()).containsExactly(ValueKind.TEXT, ValueKind.DATE, ValueKind.COUNT, ValueKind.MONEY,
                ValueKind.APPROXIMATE);
        assertThat(ValueKind.of(metric("staff_cost_per_visit"), MODEL)).as("a money formula divides")
                .isEqualTo(ValueKind.APPROXIMATE);
        assertThat(ValueKind.of(metric("staff_hours"), MODEL)).isEqualTo(ValueKind.APPROXIMATE);
        assertThat(ValueKind.of(metric("patients"), MODEL)).isEqualTo(ValueKind.COUNT);
        assertThat(metric("charges").format().orElseThrow().kind()).isEqualTo(Format.Kind.CURRENCY);
    }

    @Test
    void driverTypesOfTheSameValueAreEqual() {
        assertThat(diff(row("L1", java.sql.Date.valueOf("2024-01-01"), new BigDecimal("12"), new BigDecimal("100.1000"),
                0.1 * (1 + 1e-12)))).isEmpty();
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), BigInteger.valueOf(12), new BigDecimal("100.10"), 0.1)))
                .isEmpty();
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), 12, new BigDecimal("100.1"), 0.1))).isEmpty();
    }

    @Test
    void differentValuesAreDifferences() {
        assertThat(diff(row("L2", LocalDate.of(2024, 1, 1), 12L, new BigDecimal("100.10"), 0.1))).hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 2), 12L, new BigDecimal("100.10"), 0.1))).hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), 13L, new BigDecimal("100.10"), 0.1))).hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), new BigDecimal("12.5"), new BigDecimal("100.10"), 0.1)))
                .as("a count must be whole").hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), 12L, new BigDecimal("100.11"), 0.1))).as("a cent").hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), 12L, new BigDecimal("100.10"), 0.1 * (1 + 1e-8))))
                .as("the eighth digit of a ratio").hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1), 12L, null, 0.1))).as("null is not a value").hasSize(1);
        assertThat(diff(row("L1", LocalDate.of(2024, 1, 1).atStartOfDay(), 12L, new BigDecimal("100.10"), 0.1)))
                .as("a timestamp is not a date").hasSize(1);
    }

    @Test
    void rowsInAnotherOrderOrMissingAreDifferences() {
        List<Object> other = row("L2", LocalDate.of(2024, 1, 1), 1L, BigDecimal.ONE, 0.5);
        assertThat(ResultComparison.differences(COLUMNS, kinds(), List.of(REF, other), List.of(other, REF))).hasSize(2);
        assertThat(ResultComparison.differences(COLUMNS, kinds(), List.of(REF, other), List.of(REF)))
                .anySatisfy(d -> assertThat(d).contains("expected 2 rows but got 1"))
                .anySatisfy(d -> assertThat(d).startsWith("first missing row: [L2"));
    }

    @Test
    void printedTextIsReadByKind() {
        List<List<String>> printed = List.of(Arrays.asList("L1", "2024-01-01", "12", "100.1", "1.0000000000000001e-01"));
        assertThat(ResultComparison.textDifferences(COLUMNS, kinds(), List.of(REF), printed)).isEmpty();
        List<List<String>> wrong = List.of(Arrays.asList("L1", "2024-01-01", "12", "100.1", null));
        assertThat(ResultComparison.textDifferences(COLUMNS, kinds(), List.of(REF), wrong)).hasSize(1);
        List<List<String>> unreadable = List.of(Arrays.asList("L1", "{d '2024-01-01'}", "12", "100.1", "0.1"));
        assertThat(ResultComparison.textDifferences(COLUMNS, kinds(), List.of(REF), unreadable))
                .anySatisfy(d -> assertThat(d).contains("cannot read"));
    }

    @Test
    void typeNotesNameTheColumn() {
        assertThat(ResultComparison.typeNotes(COLUMNS, List.of(REF),
                List.of(row("L1", LocalDate.of(2024, 1, 1), new BigDecimal("12"), new BigDecimal("100.10"), 0.1))))
                .containsExactly("visits (METRIC): Long on the reference, BigDecimal here");
    }
}
