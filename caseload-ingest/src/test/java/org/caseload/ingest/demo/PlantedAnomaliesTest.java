package org.caseload.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.queryDouble;
import static org.caseload.ingest.DuckDbTestSupport.queryLong;
import static org.caseload.ingest.DuckDbTestSupport.rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each planted anomaly, found with hand-written SQL that compares the member and period with its
 * peers, and nothing else standing out the same way. A mid-size run keeps monthly noise low.
 */
class PlantedAnomaliesTest {
    private static final int VISITS = 300_000;
    private static final double STANDS_OUT = 1.5;

    @TempDir
    static Path dir;
    private static Connection db;
    private static Map<String, PlantedAnomaly> planted;

    @BeforeAll
    static void generate() throws SQLException {
        db = open(dir.resolve("demo.duckdb"));
        DemoGenerator.generate(db, new DemoOptions(DemoOptions.DEFAULT_SEED, VISITS));
        planted = DemoGenerator.plantedAnomalies().stream()
                .collect(Collectors.toMap(PlantedAnomaly::name, Function.identity()));
        // Per location and month: the measures the anomalies move.
        try (var s = db.createStatement()) {
            s.execute("create temp table monthly as"
                    + " with v as (select location_id, date_trunc('month', scheduled_at) m,"
                    + "   count(*) booked, count(*) filter (where status = 'completed') completed,"
                    + "   count(*) filter (where status = 'no_show') no_shows,"
                    + "   avg(date_diff('minute', checked_in_at, started_at)) wait from visits group by all),"
                    + " h as (select sh.location_id, date_trunc('month', sh.started_at) m,"
                    + "   sum(date_diff('minute', sh.started_at, sh.ended_at)) filter (where r.clinical) / 60.0 clinical_hours,"
                    + "   sum(sh.cost_amount) cost from shifts sh join staff using (staff_id) join role_groups r"
                    + "   using (role_group_id) group by all)"
                    + " select location_id, m, booked, completed, no_shows * 1.0 / booked no_show_rate, wait,"
                    + "   clinical_hours / completed hours_per_visit, cost / completed cost_per_visit"
                    + " from v join h using (location_id, m)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    /** The member's value in its month divided by the median of its own other months. */
    private static double againstOwnMonths(String measure, PlantedAnomaly a) throws SQLException {
        return queryDouble(db, "select max(" + measure + ") filter (where m = '" + a.from() + "')"
                + " / median(" + measure + ") filter (where m <> '" + a.from() + "')"
                + " from monthly where location_id = '" + a.memberKey() + "'");
    }

    /** The member's value in its month divided by the median of the other clinics that month. */
    private static double againstPeers(String measure, PlantedAnomaly a) throws SQLException {
        return queryDouble(db, "select max(" + measure + ") filter (where location_id = '" + a.memberKey() + "')"
                + " / median(" + measure + ") filter (where location_id <> '" + a.memberKey() + "')"
                + " from monthly where m = '" + a.from() + "'");
    }

    /** Location-months whose value is at least {@code factor} times that location's median month. */
    private static List<List<String>> standingOut(String measure, double factor) throws SQLException {
        return rows(db, "select location_id, cast(m as date) from monthly join (select location_id, median(" + measure
                + ") med from monthly group by 1) using (location_id) where " + measure + " >= " + factor + " * med");
    }

    @Test
    void overstaffedMonthCostsMorePerVisitWithMoreClinicalHours() throws SQLException {
        PlantedAnomaly a = planted.get("overstaffed_month");

        assertThat(againstOwnMonths("hours_per_visit", a)).isGreaterThan(STANDS_OUT);
        assertThat(againstPeers("hours_per_visit", a)).isGreaterThan(STANDS_OUT);
        assertThat(againstOwnMonths("cost_per_visit", a)).isGreaterThan(STANDS_OUT);
        assertThat(againstOwnMonths("completed", a)).isBetween(0.8, 1.2);
        assertThat(standingOut("hours_per_visit", 1.3)).containsExactly(List.of(a.memberKey(), a.from().toString()));
    }

    @Test
    void slowProviderTakesMuchLongerThanPrimaryCarePeersIn2025() throws SQLException {
        PlantedAnomaly a = planted.get("slow_provider");
        String perClinician = "select staff_id, avg(date_diff('minute', started_at, ended_at)) avg_minutes, count(*) n"
                + " from visits where status = 'completed' and service_id = 'primary_care'"
                + " and scheduled_at >= '%s' and scheduled_at < '%s' group by staff_id having count(*) >= 100";
        String in2025 = String.format(perClinician, a.from(), a.to());
        String in2024 = String.format(perClinician, "2024-01-01", a.from());
        String ratio = "select max(avg_minutes) filter (where staff_id = '" + a.memberKey() + "')"
                + " / median(avg_minutes) filter (where staff_id <> '" + a.memberKey() + "') from (%s)";

        assertThat(queryDouble(db, String.format(ratio, in2025))).isGreaterThan(2.0);
        assertThat(queryDouble(db, String.format(ratio, in2024))).isBetween(0.85, 1.15);
        assertThat(rows(db, "select staff_id from (" + in2025 + ") where avg_minutes >= " + STANDS_OUT
                + " * (select median(avg_minutes) from (" + in2025 + "))")).containsExactly(List.of(a.memberKey()));
        assertThat(rows(db, "select role_group_id from staff where staff_id = '" + a.memberKey() + "'"))
                .containsExactly(List.of("physician"));
    }

    @Test
    void outageDayHasNoVisitsWhileShiftsWereWorked() throws SQLException {
        PlantedAnomaly a = planted.get("outage_day");
        String day = "cast(scheduled_at as date) = '" + a.from() + "'";

        assertThat(queryLong(db, "select count(*) from visits where location_id = '" + a.memberKey() + "' and " + day))
                .isZero();
        assertThat(queryLong(db, "select count(*) from shifts where location_id = '" + a.memberKey()
                + "' and cast(started_at as date) = '" + a.from() + "'")).isPositive();
        assertThat(queryLong(db, "select count(distinct location_id) from visits where " + day)).isEqualTo(11);
        // The same weekday in the weeks around it is ordinary.
        assertThat(rows(db, "select count(*) from visits where location_id = '" + a.memberKey() + "'"
                + " and dayofweek(scheduled_at) = dayofweek(date '" + a.from() + "')"
                + " and scheduled_at between date '" + a.from() + "' - 28 and date '" + a.from() + "' + 29"
                + " group by cast(scheduled_at as date)"))
                .hasSize(8).allSatisfy(r -> assertThat(Long.parseLong(r.get(0))).isGreaterThan(10));
    }

    @Test
    void noShowSpikeTriplesTheRateForOneMonth() throws SQLException {
        PlantedAnomaly a = planted.get("no_show_spike");

        assertThat(againstOwnMonths("no_show_rate", a)).isGreaterThan(2.5);
        assertThat(againstPeers("no_show_rate", a)).isGreaterThan(2.5);
        assertThat(standingOut("no_show_rate", STANDS_OUT)).containsExactly(List.of(a.memberKey(), a.from().toString()));
    }

    @Test
    void longWaitsTripleTheWaitForOneMonth() throws SQLException {
        PlantedAnomaly a = planted.get("long_waits");

        assertThat(againstOwnMonths("wait", a)).isGreaterThan(2.5);
        assertThat(againstPeers("wait", a)).isGreaterThan(2.0);
        assertThat(standingOut("wait", STANDS_OUT)).containsExactly(List.of(a.memberKey(), a.from().toString()));
    }

    @Test
    void everyOtherMonthStaysClean() throws SQLException {
        // Utilization moves only where an anomaly moved it (overstaffing; the no-show spike empties slots).
        List<List<String>> lowUtilization = rows(db, "select location_id, cast(m as date) from monthly join"
                + " (select location_id, median(1 / hours_per_visit) med from monthly group by 1) using (location_id)"
                + " where 1 / hours_per_visit < 0.75 * med");
        assertThat(lowUtilization).containsExactly(
                List.of(planted.get("overstaffed_month").memberKey(), planted.get("overstaffed_month").from().toString()));
        // Cost per completed visit also rises where no-shows leave paid slots empty, never elsewhere.
        List<String> overstaffed = List.of(planted.get("overstaffed_month").memberKey(),
                planted.get("overstaffed_month").from().toString());
        List<String> noShows = List.of(planted.get("no_show_spike").memberKey(), planted.get("no_show_spike").from().toString());
        assertThat(standingOut("cost_per_visit", 1.3)).contains(overstaffed).isSubsetOf(overstaffed, noShows);
    }
}
