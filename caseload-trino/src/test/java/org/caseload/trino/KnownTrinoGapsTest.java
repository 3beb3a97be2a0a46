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
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the engine cannot do on Trino today, pinned to the exact behaviour so a change shows up:
 * when the engine is fixed, the first test here fails and should become a positive test in
 * {@link EngineOnTrinoTest}.
 */
class KnownTrinoGapsTest {
    static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TrinoWarehouse.engine();
    }

    /**
     * The staff dimension is named like its table. The final SELECT outputs the key as "staff" and
     * sorts by the label as "staff"."name"; Trino's ORDER BY sees output aliases first, takes
     * "staff" for the varchar output column and tries a ROW field access on it. DuckDB and
     * PostgreSQL resolve the qualifier to the joined table. No other default dimension has this
     * clash (location/locations, service/services, role_group/role_groups).
     */
    @Test
    void dimensionNamedLikeItsTableCannotBeSortedByLabel() throws Exception {
        MetricRequest byStaff = MetricRequest.builder().metrics("visits").dimensions("staff").build();
        assertThatThrownBy(() -> engine.execute(byStaff, AccessScope.UNRESTRICTED))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("Expression \"staff\" is not of type ROW");
        CompiledQuery q = engine.compile(byStaff, AccessScope.UNRESTRICTED);
        assertThat(q.sql()).contains("order by \"staff\".\"name\" asc nulls last");
        try (Connection c = TrinoWarehouse.cluster().connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery(q.inlineSql()))
                    .hasMessageContaining("Expression \"staff\" is not of type ROW");
            // The same in a few words, and the fix: a label-table alias no output column uses.
            assertThatThrownBy(() -> s.executeQuery("select v.staff_id as staff, staff.name from visits v"
                    + " left join staff on staff.staff_id = v.staff_id order by staff.name"))
                    .hasMessageContaining("Expression staff is not of type ROW");
            try (ResultSet rs = s.executeQuery("select v.staff_id as staff, staff_labels.name from visits v"
                    + " left join staff as staff_labels on staff_labels.staff_id = v.staff_id order by staff_labels.name")) {
                assertThat(TrinoWarehouse.rows(rs)).hasSize(7);
            }
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
