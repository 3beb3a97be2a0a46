package org.caseload.insights.outlier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caseload.engine.query.AccessScope;
import org.caseload.insights.SmallClinic;
import org.caseload.insights.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visits without a staff member (staff_id is optional in the warehouse) form an entity of their own,
 * "(none)", when outliers are sought by staff. Four physicians at Alpha with 100 visits each, and
 * 400 visits without a provider.
 */
class UnknownMemberTest {
    @TempDir
    static Path dir;
    private static TestEngine warehouse;

    @BeforeAll
    static void engine() throws Exception {
        SmallClinic clinic = new SmallClinic().location("LA", "Alpha", "North");
        for (int s = 1; s <= 3; s++) {
            clinic.sql("insert into staff values ('S" + s + "', 'Dr " + s + "', 'physician', 'LA', 100.00)");
        }
        clinic.visits("LA", "2024-01-02 08:00", 100, 10);
        for (int s = 1; s <= 3; s++) {
            clinic.sql("insert into visits select 'V" + s + "-' || i, 'P1', 'LA', 'primary_care', 'S" + s + "',"
                    + " t, t, t + to_minutes(10), t + to_minutes(30), 'completed', 100.00"
                    + " from (select i, timestamp '2024-01-03 08:00' + to_minutes(i * 10) as t from range(100) r(i))");
        }
        clinic.sql("insert into visits select 'VN-' || i, 'P1', 'LA', 'primary_care', null,"
                + " t, t, t + to_minutes(10), t + to_minutes(30), 'completed', 100.00"
                + " from (select i, timestamp '2024-01-04 08:00' + to_minutes(i * 10) as t from range(400) r(i))");
        warehouse = TestEngine.create(dir, clinic.sql());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void theUnknownMemberIsFlaggedAndDrilledDownLikeAnyOther() {
        OutlierRequest req = new OutlierRequest("visits", "staff", Optional.empty(), Optional.empty(), Method.MAD,
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of(), 30);
        OutlierResult r = new OutlierDetector(warehouse.engine).detect(req, AccessScope.UNRESTRICTED);
        // visits by staff: Dr Alpha (SLA) 100, Dr 1–3 100 each, (none) 400 → median 100, MAD 0, MeanAD 300/5 = 60
        // → z(400) = 300 / (1.253314 · 60) = 3.989 > 3.5
        assertThat(r.flags()).singleElement().satisfies(f -> {
            assertThat(f.entity().label()).isEqualTo("(none)");
            assertThat(f.explanation()).startsWith("Visits at (none), all dates: 400 vs peer median 100");
            // Drill-down by role group: (none) has 400 visits without a role group, where the others usually have
            // 0 (median of 0, 0, 0, 0) → +400; and no physician visits, where the others usually have 100 → −100.
            // Total +300, of which the role group "(none)" is 400/300 > 1 → shown as 100%. (By service: primary
            // care 400 − 100 = 300, a share of exactly 1, not larger: the role group stays.)
            assertThat(f.drilldown()).hasValue("mostly (none) (role group): 100% of the difference");
        });
    }
}
