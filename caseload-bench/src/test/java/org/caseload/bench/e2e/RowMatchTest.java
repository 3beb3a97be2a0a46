package org.caseload.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison must not pass different rows, or the bench's correctness line means nothing. */
class RowMatchTest {
    @Test
    void numbersOfDifferentTypesCompareByValue() {
        List<Object[]> engine = List.<Object[]>of(new Object[] {"a", LocalDate.of(2024, 1, 1), 3L, 0.1 + 0.2});
        List<Object[]> hand = List.<Object[]>of(
                new Object[] {"a", LocalDateTime.of(2024, 1, 1, 0, 0), 3, new BigDecimal("0.3")});
        assertThat(RowMatch.compare(engine, hand, RowMatch.TOLERANCE).equal()).isTrue();
    }

    @Test
    void aDifferenceBeyondTheToleranceIsReported() {
        List<Object[]> engine = List.<Object[]>of(new Object[] {1000.0});
        List<Object[]> hand = List.<Object[]>of(new Object[] {1000.00001});
        RowMatch.Result r = RowMatch.compare(engine, hand, RowMatch.TOLERANCE);
        assertThat(r.equal()).isFalse();
        assertThat(r.detail()).contains("row 0 column 1");
    }

    @Test
    void nullOnlyEqualsNullAndCountsMustMatch() {
        List<Object[]> nullRow = List.<Object[]>of(new Object[] {null});
        List<Object[]> zeroRow = List.<Object[]>of(new Object[] {0L});
        assertThat(RowMatch.compare(nullRow, zeroRow, RowMatch.TOLERANCE).equal()).isFalse();
        assertThat(RowMatch.compare(zeroRow, List.of(), RowMatch.TOLERANCE).detail()).contains("row counts differ");
    }
}
