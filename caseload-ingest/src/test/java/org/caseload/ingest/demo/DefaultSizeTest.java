package org.caseload.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.caseload.ingest.load.LoadSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default 1.5 million visits: the generation time is printed, not asserted (it depends on the
 * machine and on what else runs), and the staffing ratios the docs promise are checked per clinic.
 */
class DefaultSizeTest {
    @TempDir
    static Path dir;
    private static Connection db;
    private static LoadSummary summary;

    @BeforeAll
    static void generate() throws SQLException {
        db = open(dir.resolve("demo.duckdb"));
        long started = System.nanoTime();
        summary = DemoGenerator.generate(db, DemoOptions.defaults());
        System.out.printf("Default demo data (%,d visits, %,d shifts) written in %.1f s%n",
                summary.rows("visits"), summary.rows("shifts"), (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void writesAboutTheRequestedVolume() {
        assertThat(summary.rows("visits")).isBetween(1_470_000L, 1_530_000L);
        assertThat(summary.rows("patients")).isEqualTo(150_000);
        assertThat(summary.rows("staff")).isBetween(230L, 290L);
    }

    /** Completed visits per clinical hour and completed visit minutes per clinical shift minute. */
    @Test
    void everyClinicRunsAtPlausibleThroughputAndUtilization() throws SQLException {
        List<List<String>> perClinic = rows(db, "with v as (select location_id,"
                + "   count(*) filter (where status = 'completed') completed,"
                + "   sum(date_diff('minute', started_at, ended_at)) filter (where status = 'completed') visit_minutes"
                + "   from visits group by 1),"
                + " h as (select s.location_id, sum(date_diff('minute', s.started_at, s.ended_at)) shift_minutes"
                + "   from shifts s join staff using (staff_id) join role_groups r using (role_group_id)"
                + "   where r.clinical group by 1)"
                + " select location_id, completed * 60.0 / shift_minutes, visit_minutes * 1.0 / shift_minutes"
                + " from v join h using (location_id)");

        assertThat(perClinic).hasSize(12).allSatisfy(r -> {
            assertThat(Double.parseDouble(r.get(1))).as("visits per clinical hour at " + r.get(0)).isBetween(1.5, 3.0);
            assertThat(Double.parseDouble(r.get(2))).as("utilization at " + r.get(0)).isBetween(0.5, 0.8);
        });
    }
}
