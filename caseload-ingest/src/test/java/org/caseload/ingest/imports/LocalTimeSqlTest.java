package org.caseload.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.caseload.ingest.DuckDbTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DuckDB's evaluation of {@link LocalTimeSql} against java.time ({@link Values#localIn}) for every
 * set of zone rules the JDK knows: at each transition, one second before it, and at random instants.
 */
class LocalTimeSqlTest {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @TempDir
    Path dir;

    @Test
    void everyZoneConvertsAsJavaTimeDoesAtEveryTransition() throws Exception {
        Random random = new Random(20261201);
        long first = LocalDate.of(LocalTimeSql.FIRST_YEAR, 1, 1).toEpochDay() * 86_400L;
        long end = LocalDate.of(LocalTimeSql.LAST_YEAR + 1, 1, 1).toEpochDay() * 86_400L;
        int zones = 0;
        long instants = 0;
        try (Connection c = DuckDbTestSupport.open(dir.resolve("t.duckdb")); Statement s = c.createStatement()) {
            // One zone per distinct set of rules (links and aliases share theirs).
            java.util.Map<ZoneRules, String> distinct = new java.util.LinkedHashMap<>();
            for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
                distinct.putIfAbsent(ZoneId.of(id).getRules(), id);
            }
            for (var zone : distinct.entrySet()) {
                ZoneRules rules = zone.getKey();
                String id = zone.getValue();
                List<Long> seconds = new ArrayList<>(List.of(first, end - 1));
                for (ZoneOffsetTransition t = rules.nextTransition(java.time.Instant.ofEpochSecond(first));
                        t != null && t.getInstant().getEpochSecond() < end; t = rules.nextTransition(t.getInstant())) {
                    seconds.add(t.getInstant().getEpochSecond());
                    seconds.add(t.getInstant().getEpochSecond() - 1);
                }
                for (int i = 0; i < 20; i++) {
                    seconds.add(first + (long) (random.nextDouble() * (end - first)));
                }
                int transitions = new LocalTimeSql.Offsets(rules).transitionsPerYear();
                String years = LocalTimeSql.years(new LocalTimeSql.Offsets(rules), transitions);
                assertThat(years).as(id).isNotNull();
                StringBuilder list = new StringBuilder();
                for (long second : seconds) {
                    list.append(list.length() == 0 ? "" : ", ").append("TIMESTAMP '").append(utc(second)).append('\'');
                }
                String sql = "select cast(" + LocalTimeSql.local("e.ts", "e.z", transitions) + " as varchar)"
                        + " from (select ts, " + LocalTimeSql.yearEntry(years, "ts") + " as z"
                        + " from (select unnest([" + list + "]) as ts)) e";
                List<String> expected = new ArrayList<>();
                for (long second : seconds) {
                    assertThat(LocalTimeSql.covers(second)).isTrue();
                    expected.add(TIMESTAMP.format(Values.localIn(second, rules)));
                }
                List<String> actual = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        actual.add(rs.getString(1));
                    }
                }
                assertThat(actual).as(id).isEqualTo(expected);
                zones++;
                instants += seconds.size();
            }
        }
        assertThat(zones).isGreaterThan(300);
        assertThat(instants).isGreaterThan(50_000);
        assertThat(LocalTimeSql.covers(first - 1)).isFalse();
        assertThat(LocalTimeSql.covers(end)).isFalse();
    }

    @Test
    void transitionsPerYearAreCountedFromTheRules() {
        assertThat(new LocalTimeSql.Offsets(ZoneOffset.UTC.getRules()).transitionsPerYear()).isZero();
        assertThat(new LocalTimeSql.Offsets(ZoneId.of("America/New_York").getRules()).transitionsPerYear()).isEqualTo(2);
        // 1947: British Double Summer Time, on and off twice in one year.
        assertThat(new LocalTimeSql.Offsets(ZoneId.of("Europe/London").getRules()).transitionsPerYear()).isEqualTo(4);
        assertThat(LocalTimeSql.years(new LocalTimeSql.Offsets(ZoneId.of("Europe/London").getRules()), 2)).isNull();
    }

    private static String utc(long second) {
        return TIMESTAMP.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
    }

    /** Zones with no transitions, US and EU rules, half-hour DST, and Morocco's several a year. */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Africa/Casablanca",
        "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Apia"})
    void offsetsAreTheZoneRulesOwnAtTransitionsAndBetween(String zone) {
        ZoneRules rules = ZoneId.of(zone).getRules();
        LocalTimeSql.Offsets offsets = new LocalTimeSql.Offsets(rules);
        long first = LocalDate.of(LocalTimeSql.FIRST_YEAR, 1, 1).toEpochDay() * 86_400L;
        long end = LocalDate.of(LocalTimeSql.LAST_YEAR + 1, 1, 1).toEpochDay() * 86_400L;
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(first));
        while (next != null && next.toEpochSecond() < end) {
            for (long s = next.toEpochSecond() - 1; s <= next.toEpochSecond() + 1; s++) {
                assertThat(offsets.offset(s)).isEqualTo(rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
            }
            next = rules.nextTransition(next.getInstant());
        }
        Random random = new Random(zone.hashCode());
        for (int i = 0; i < 20_000; i++) {
            long s = first + (long) (random.nextDouble() * (end - first));
            assertThat(offsets.offset(s)).isEqualTo(rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
        }
        assertThat(offsets.offset(first)).isEqualTo(rules.getOffset(Instant.ofEpochSecond(first)).getTotalSeconds());
        assertThat(offsets.offset(end - 1)).isEqualTo(rules.getOffset(Instant.ofEpochSecond(end - 1)).getTotalSeconds());
    }
}
