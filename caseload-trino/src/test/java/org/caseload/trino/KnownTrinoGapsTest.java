package org.caseload.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.RequestException;
import org.caseload.engine.render.CompiledQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where Trino differs, pinned to the exact behaviour so a change shows up: an output-name clash the
 * renderer now avoids, and the ordered-set aggregates the engine refuses rather than approximates.
 */
class KnownTrinoGapsTest {
    static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TrinoWarehouse.engine();
    }

    /**
     * The staff dimension is named like its table. Trino's ORDER BY resolves a name to an output
     * column before a table, so {@code "staff"."name"} once meant a field of the output column
     * {@code staff} ("Expression staff is not of type ROW"). The renderer now gives label tables
     * aliases no output column uses; this pins the fix with a hand-written query as the expectation.
     */
    @Test
    void dimensionNamedLikeItsTableIsSortedByLabel() throws Exception {
        MetricRequest byStaff = MetricRequest.builder().metrics("visits").dimensions("staff").build();
        CompiledQuery q = engine.compile(byStaff, AccessScope.UNRESTRICTED);
        assertThat(q.sql()).contains("\"staff_labels\".\"name\" asc nulls last");
        java.util.List<java.util.List<Object>> expected;
        try (Connection c = TrinoWarehouse.cluster().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v.staff_id, count(*) filter (where v.status = 'completed')"
                        + " from visits v left join staff st on st.staff_id = v.staff_id"
                        + " group by v.staff_id, st.name order by st.name nulls last, v.staff_id nulls last")) {
            expected = TrinoWarehouse.rows(rs);
        }
        var result = engine.execute(byStaff, AccessScope.UNRESTRICTED);
        assertThat(result.rows()).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.size(); i++) {
            Object[] row = result.rows().get(i);
            assertThat(row[0]).isEqualTo(expected.get(i).get(0));
            assertThat(((Number) row[row.length - 1]).longValue()).isEqualTo(((Number) expected.get(i).get(1)).longValue());
        }
    }

    /** By design, not a bug: Trino has only approx_percentile, and the engine refuses to approximate. */
    @Test
    void medianAndPercentileMetricsAreRefusedAtPlanning() {
        assertThatThrownBy(() -> engine.compile(MetricRequest.builder().metrics("median_visit_minutes").build(), AccessScope.UNRESTRICTED))
                .isInstanceOf(RequestException.class)
                .hasMessageContaining("measure 'visit_minutes_median' needs median, which Trino cannot compute exactly");
        assertThatThrownBy(() -> engine.compile(MetricRequest.builder().metrics("p90_wait_minutes").build(), AccessScope.UNRESTRICTED))
                .isInstanceOf(RequestException.class)
                .hasMessageContaining("measure 'wait_minutes_p90' needs percentile, which Trino cannot compute exactly");
    }
}
