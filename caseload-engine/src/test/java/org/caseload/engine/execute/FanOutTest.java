package org.caseload.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.engine.execute.EngineTestSupport.money;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.engine.query.MetricRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visits and shifts share only dimension keys. Joining the two fact tables before aggregating
 * multiplies each visit by the shifts of its location; the engine must aggregate each fact alone
 * and join the aggregates, so its totals equal each fact summed on its own.
 */
class FanOutTest {
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

    @Test
    void theNaiveJoinReallyWouldMultiplyRows() throws Exception {
        // L1 has 3 completed visits and 3 shifts: the naive join counts 9 visits and triples the cost.
        Map<String, String> naive = query("select v.location_id, count(*) || ' ' || sum(s.cost_amount) from visits v "
                + "join shifts s on s.location_id = v.location_id where v.status = 'completed' group by 1");
        assertThat(naive.get("L1")).isEqualTo("9 3840.00");
    }

    @Test
    void multiFactTotalsEqualEachFactSummedAlone() throws Exception {
        Map<String, String> visits = query("select location_id, count(*) from visits where status = 'completed' group by 1");
        Map<String, String> cost = query("select location_id, sum(cost_amount) from shifts group by 1");
        List<Map<String, Object>> rows = db.rows(MetricRequest.builder()
                .metrics("visits", "staff_cost", "staff_cost_per_visit").dimensions("location").build());
        assertThat(rows).hasSize(3);
        for (Map<String, Object> r : rows) {
            String location = (String) r.get("location");
            assertThat(r.get("visits")).isEqualTo(Long.parseLong(visits.get(location)));
            assertThat(money(r.get("staff_cost"))).isEqualTo(new BigDecimal(cost.get(location)));
            assertThat(((Number) r.get("staff_cost_per_visit")).doubleValue())
                    .isEqualTo(new BigDecimal(cost.get(location)).doubleValue() / Long.parseLong(visits.get(location)));
        }
        // And the grand totals over the location rows are the table totals.
        Map<String, Object> total = db.rows(MetricRequest.builder().metrics("visits", "staff_cost").build()).get(0);
        assertThat(total.get("visits")).isEqualTo(rows.stream().mapToLong(r -> (Long) r.get("visits")).sum());
        assertThat(money(total.get("staff_cost"))).isEqualTo(new BigDecimal(query("select 'all', sum(cost_amount) from shifts").get("all")));
    }

    @Test
    void joiningStaffForRoleGroupsDoesNotDuplicateVisits() throws Exception {
        // Every visit joins exactly one staff row and one role group; the per-role totals add up to all visits.
        List<Map<String, Object>> rows = db.rows(MetricRequest.builder().metrics("visits", "charges").dimensions("role_group").build());
        long visits = rows.stream().mapToLong(r -> (Long) r.get("visits")).sum();
        assertThat(visits).isEqualTo(Long.parseLong(query("select 'all', count(*) from visits where status = 'completed'").get("all")));
    }

    private static Map<String, String> query(String sql) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }
}
