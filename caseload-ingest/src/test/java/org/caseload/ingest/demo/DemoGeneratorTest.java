package org.caseload.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.ingest.DuckDbTestSupport.checksums;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.queryLong;
import static org.caseload.ingest.DuckDbTestSupport.rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseload.ingest.load.LoadSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shape and invariants of the generated data, on a small run. */
class DemoGeneratorTest {
    private static final int VISITS = 20_000;

    @TempDir
    static Path dir;
    private static Connection db;
    private static LoadSummary summary;
    private static final List<Long> progress = new ArrayList<>();

    @BeforeAll
    static void generate() throws SQLException {
        db = open(dir.resolve("demo.duckdb"));
        summary = DemoGenerator.generate(db, new DemoOptions(42, VISITS), progress::add);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static long count(String sql) throws SQLException {
        return queryLong(db, sql);
    }

    @Test
    void sameSeedAndSizeGiveIdenticalTables() throws SQLException {
        try (Connection again = open(dir.resolve("again.duckdb"))) {
            DemoGenerator.generate(again, new DemoOptions(42, VISITS));

            assertThat(checksums(again)).isEqualTo(checksums(db));
        }
    }

    @Test
    void anotherSeedGivesOtherActivityOnTheSameNetwork() throws SQLException {
        try (Connection other = open(dir.resolve("other.duckdb"))) {
            DemoGenerator.generate(other, new DemoOptions(7, VISITS));

            Map<String, String> mine = checksums(db);
            Map<String, String> theirs = checksums(other);
            for (String fact : List.of("patients", "visits", "shifts")) {
                assertThat(theirs.get(fact)).as(fact).isNotEqualTo(mine.get(fact));
            }
            for (String network : List.of("locations", "services", "role_groups", "staff")) {
                assertThat(theirs.get(network)).as(network).isEqualTo(mine.get(network));
            }
        }
    }

    @Test
    void summaryAndProgressMatchTheTables() throws SQLException {
        for (Map.Entry<String, Long> entry : summary.rowsPerTable().entrySet()) {
            assertThat(count("select count(*) from " + entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(summary.rows("visits")).isBetween((long) (VISITS * 0.97), (long) (VISITS * 1.03));
        assertThat(progress).isSorted().hasSize(731).last().isEqualTo(summary.rows("visits"));
    }

    @Test
    void networkHasTwelveClinicsInThreeRegionsWithRealTimeZones() throws SQLException {
        List<List<String>> locations = rows(db, "select name, city, region, time_zone from locations");
        assertThat(locations).hasSize(12).allSatisfy(l -> assertThat(l).doesNotContainNull());
        assertThat(locations.stream().map(l -> l.get(2)).distinct()).containsExactlyInAnyOrder("East", "Central", "Mountain");
        assertThat(locations).allSatisfy(l -> assertThat(ZoneId.of(l.get(3))).isNotNull());
        assertThat(locations.stream().map(l -> l.get(3)).distinct())
                .containsExactlyInAnyOrder("America/New_York", "America/Chicago", "America/Denver");

        double[] sizes = rows(db, "select count(*) from visits group by location_id").stream()
                .mapToDouble(r -> Double.parseDouble(r.get(0))).sorted().toArray();
        assertThat(sizes[sizes.length - 1] / sizes[0]).isBetween(3.0, 5.5);
    }

    @Test
    void servicesAndRoleGroupsAreTheDocumentedOnes() throws SQLException {
        assertThat(rows(db, "select service_id, name from services order by service_id")).containsExactly(
                List.of("behavioral_health", "Behavioral health"), List.of("dental", "Dental"),
                List.of("pediatrics", "Pediatrics"), List.of("physical_therapy", "Physical therapy"),
                List.of("primary_care", "Primary care"), List.of("urgent_care", "Urgent care"));
        assertThat(rows(db, "select role_group_id, cast(clinical as varchar) from role_groups order by 1")).containsExactly(
                List.of("dentist", "true"), List.of("front_desk", "false"), List.of("nurse", "true"),
                List.of("nurse_practitioner", "true"), List.of("physician", "true"), List.of("therapist", "true"));
    }

    @Test
    void eachClinicOffersThreeToSixServicesAndSomeOfferUrgentCare() throws SQLException {
        assertThat(rows(db, "select count(distinct service_id) from visits group by location_id"))
                .allSatisfy(r -> assertThat(Integer.parseInt(r.get(0))).isBetween(3, 6));
        assertThat(count("select count(distinct location_id) from visits where service_id = 'urgent_care'"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void staffHaveNamesRolesHomesAndCostsByRole() throws SQLException {
        assertThat(count("select count(*) from staff")).isBetween(200L, 320L);
        assertThat(count("select count(*) from staff where name is null or role_group_id is null"
                + " or home_location_id not in (select location_id from locations)")).isZero();
        assertThat(count("select count(distinct name) from staff")).isEqualTo(count("select count(*) from staff"));
        assertThat(rows(db, "select role_group_id, min(hourly_cost) >= lo and max(hourly_cost) <= hi from staff"
                + " join (values ('physician', 110, 160), ('nurse_practitioner', 70, 90), ('nurse', 40, 55),"
                + " ('therapist', 45, 65), ('dentist', 90, 130), ('front_desk', 18, 25)) r(role_group_id, lo, hi)"
                + " using (role_group_id) group by role_group_id, lo, hi"))
                .hasSize(6).allSatisfy(r -> assertThat(r.get(1)).as(r.get(0)).isEqualTo("true"));
    }

    @Test
    void patientsArePseudonymousWithPlausibleAgesAndSexes() throws SQLException {
        assertThat(rows(db, "select column_name from information_schema.columns where table_name = 'patients'"
                + " order by ordinal_position")).containsExactly(List.of("patient_id"), List.of("birth_year"), List.of("sex"));
        assertThat(count("select count(*) from patients")).isEqualTo(VISITS / 10);
        assertThat(count("select count(*) from patients where birth_year not between 1930 and 2024")).isZero();
        assertThat(rows(db, "select sex from patients group by sex order by count(*) desc"))
                .containsExactly(List.of("female"), List.of("male"), List.of("other"));
        assertThat(count("select count(*) from visits join patients using (patient_id)"
                + " where service_id = 'pediatrics' and birth_year < 2007")).isZero();
    }

    @Test
    void statusesAreTheThreeKnownValuesInRealisticShares() throws SQLException {
        assertThat(rows(db, "select status from visits group by status order by count(*) desc"))
                .containsExactly(List.of("completed"), List.of("no_show"), List.of("cancelled"));
        double completed = queryLong(db, "select count(*) from visits where status = 'completed'") / (double) summary.rows("visits");
        assertThat(completed).isBetween(0.85, 0.91);
    }

    @Test
    void completedVisitsHaveOrderedTimesAndOthersNone() throws SQLException {
        assertThat(count("select count(*) from visits where status = 'completed' and not (checked_in_at is not null"
                + " and started_at is not null and ended_at is not null and charge_amount is not null"
                + " and checked_in_at <= started_at and started_at <= ended_at)")).isZero();
        assertThat(count("select count(*) from visits where status = 'completed'"
                + " and abs(date_diff('minute', scheduled_at, checked_in_at)) > 10")).isZero();
        assertThat(count("select count(*) from visits where status <> 'completed' and (checked_in_at is not null"
                + " or started_at is not null or ended_at is not null or charge_amount is not null)")).isZero();
        assertThat(count("select count(*) from visits where charge_amount not between 60 and 450")).isZero();
    }

    @Test
    void visitsFollowTheCalendarAndOpeningHours() throws SQLException {
        assertThat(count("select count(*) from visits where scheduled_at < '2024-01-01' or scheduled_at >= '2026-01-01'"))
                .isZero();
        assertThat(count("select count(*) from visits where dayofweek(scheduled_at) = 0 and service_id <> 'urgent_care'"))
                .isZero();
        assertThat(count("select count(*) from visits where service_id <> 'urgent_care'"
                + " and (hour(scheduled_at) < 8 or hour(scheduled_at) >= 18)")).isZero();
        assertThat(count("select count(*) from visits where hour(scheduled_at) >= 22")).isPositive();
    }

    @Test
    void everyVisitGoesToAClinicianOnShiftThereThatDay() throws SQLException {
        assertThat(count("select count(*) from visits v join staff s using (staff_id) join role_groups r using"
                + " (role_group_id) where not r.clinical")).isZero();
        assertThat(count("select count(*) from visits v where not exists (select 1 from shifts s"
                + " where s.staff_id = v.staff_id and s.location_id = v.location_id and s.service_id = v.service_id"
                + " and cast(s.started_at as date) = cast(v.scheduled_at as date))")).isZero();
    }

    @Test
    void staffWorkOnlyAtTheirHomeClinic() throws SQLException {
        assertThat(count("select count(*) from shifts join staff using (staff_id) where home_location_id <> location_id"))
                .isZero();
    }

    @Test
    void noShiftRowCrossesMidnight() throws SQLException {
        assertThat(count("select count(*) from shifts")).isPositive();
        assertThat(count("select count(*) from shifts"
                + " where cast(started_at as date) <> cast(ended_at - interval 1 second as date)")).isZero();
        assertThat(count("select count(*) from shifts where ended_at <= started_at")).isZero();
    }

    @Test
    void overnightShiftsAreSplitIntoOneRowPerCalendarDay() throws SQLException {
        String evenings = "select staff_id, location_id, cast(started_at as date) d from shifts"
                + " where strftime(started_at, '%H:%M') = '20:00' and ended_at = cast(cast(started_at as date) + 1 as timestamp)";
        String mornings = "select staff_id, location_id, cast(started_at as date) d from shifts"
                + " where strftime(started_at, '%H:%M') = '00:00' and strftime(ended_at, '%H:%M') = '08:00'";
        assertThat(count("select count(*) from (" + evenings + ")")).isEqualTo(731);
        assertThat(count("select count(*) from (" + mornings + ")")).isEqualTo(731);
        assertThat(count("select count(*) from (" + evenings + ") e left join (" + mornings + ") m"
                + " on m.staff_id = e.staff_id and m.location_id = e.location_id and m.d = e.d + 1"
                + " where e.d < '2025-12-31' and m.staff_id is null")).isZero();
        assertThat(count("select count(distinct location_id) from (" + evenings + ")")).isEqualTo(1);
    }

    @Test
    void shiftsLastAtMostTenHoursAndCostHoursTimesRateToTheCent() throws SQLException {
        assertThat(count("select count(*) from shifts where date_diff('minute', started_at, ended_at) > 600"))
                .isZero();
        assertThat(count("select count(*) from shifts join staff using (staff_id)"
                + " where abs(cost_amount * 60 - date_diff('minute', started_at, ended_at) * hourly_cost) > 0.30"))
                .isZero();
    }

    @Test
    void plantedAnomaliesNameMembersOfTheNetwork() throws SQLException {
        List<PlantedAnomaly> anomalies = DemoGenerator.plantedAnomalies();
        assertThat(anomalies).extracting(PlantedAnomaly::name)
                .containsExactly("overstaffed_month", "slow_provider", "outage_day", "no_show_spike", "long_waits");
        assertThat(DemoGenerator.plantedAnomalies()).isEqualTo(anomalies);
        for (PlantedAnomaly a : anomalies) {
            String table = a.dimension().equals("staff") ? "staff" : "locations";
            String key = a.dimension().equals("staff") ? "staff_id" : "location_id";
            assertThat(rows(db, "select name from " + table + " where " + key + " = '" + a.memberKey() + "'"))
                    .as(a.name()).containsExactly(List.of(a.memberLabel()));
            assertThat(a.from()).isBefore(a.to());
        }
    }
}
