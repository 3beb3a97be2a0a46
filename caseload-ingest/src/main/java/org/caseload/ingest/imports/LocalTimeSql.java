package org.caseload.ingest.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock time in a zone of a UTC timestamp, as DuckDB SQL that follows java.time's rules for the
 * zone exactly, so that a {@link org.caseload.ingest.load.DirectLoad} converts as
 * {@link Values#localIn} does (DuckDB's own ICU zones could differ in tzdata version).
 *
 * <p>The rules become a constant list with one entry per year from {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR}: the offset at the start of the (UTC) year and the transitions within it
 * (up to {@value #MAX_TRANSITIONS}), each an instant and the offset from then on. A row picks its
 * year's entry by index and the last transition it has passed; the expression tests only as many
 * transitions as the zones have in a year at most (none for UTC, two for daylight saving), since it
 * runs for every row. Instants outside those years, and zones with a year of more transitions, are
 * for the row-by-row path ({@link #covers}, {@link #years}).
 */
public final class LocalTimeSql {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;
    static final int MAX_TRANSITIONS = 4;
    private static final long FIRST_SECOND = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay() * 86_400L;
    private static final long END_SECOND = LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() * 86_400L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private LocalTimeSql() {}

    /** The first epoch second of {@link #FIRST_YEAR} (UTC). */
    public static long firstSecond() {
        return FIRST_SECOND;
    }

    /** The first epoch second after {@link #LAST_YEAR} (UTC). */
    public static long endSecond() {
        return END_SECOND;
    }

    /** Whether the SQL converts this instant (it lies within the years the list spans). */
    public static boolean covers(long epochSecond) {
        return epochSecond >= FIRST_SECOND && epochSecond < END_SECOND;
    }

    /** Transitions the zone has in one year at most within the years covered. */
    public static int transitionsPerYear(ZoneRules rules) {
        int most = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            most = Math.max(most, transitions(rules, year).size());
        }
        return most;
    }

    /**
     * The zone's years as a DuckDB list literal of structs {@code {o0, t1, o1, …}} with
     * {@code transitions} transitions each (missing ones NULL), or null when a year has more than
     * {@value #MAX_TRANSITIONS} (or more than {@code transitions}).
     */
    public static String years(ZoneRules rules, int transitions) {
        if (transitions > MAX_TRANSITIONS) {
            return null;
        }
        StringBuilder sql = new StringBuilder(64 * (LAST_YEAR - FIRST_YEAR + 1)).append('[');
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            List<ZoneOffsetTransition> within = transitions(rules, year);
            if (within.size() > transitions) {
                return null;
            }
            Instant start = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            sql.append(year == FIRST_YEAR ? "" : ",").append("{'o0': ").append(rules.getOffset(start).getTotalSeconds());
            for (int i = 0; i < transitions; i++) {
                String at = i < within.size()
                        ? "TIMESTAMP '" + TIMESTAMP.format(LocalDateTime.ofInstant(within.get(i).getInstant(), ZoneOffset.UTC)) + "'"
                        : "NULL::TIMESTAMP";
                String offset = i < within.size() ? Integer.toString(within.get(i).getOffsetAfter().getTotalSeconds())
                        : "NULL::INTEGER";
                sql.append(", 't").append(i + 1).append("': ").append(at).append(", 'o").append(i + 1).append("': ").append(offset);
            }
            sql.append('}');
        }
        return sql.append(']').toString();
    }

    /** The transitions after the start of {@code year} (UTC) and before the next year's. */
    private static List<ZoneOffsetTransition> transitions(ZoneRules rules, int year) {
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<ZoneOffsetTransition> within = new ArrayList<>();
        // At a transition's own instant the new offset applies, in java.time and below (>=); one exactly
        // at the year's start is already in the year's starting offset.
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end);
                t = rules.nextTransition(t.getInstant())) {
            within.add(t);
        }
        return within;
    }

    /** The entry of {@code utc}'s year in {@code years} (a list from {@link #years}). */
    public static String yearEntry(String years, String utc) {
        return years + "[year(" + utc + ") - " + (FIRST_YEAR - 1) + "]";
    }

    /** Local time of the UTC timestamp {@code utc}, given its year's entry {@code entry} with {@code transitions}. */
    public static String local(String utc, String entry, int transitions) {
        if (transitions == 0) {
            return "(" + utc + " + to_seconds(" + entry + ".o0))";
        }
        StringBuilder offset = new StringBuilder("case");
        for (int i = transitions; i >= 1; i--) {
            offset.append(" when ").append(utc).append(" >= ").append(entry).append(".t").append(i)
                    .append(" then ").append(entry).append(".o").append(i);
        }
        offset.append(" else ").append(entry).append(".o0 end");
        return "(" + utc + " + to_seconds(" + offset + "))";
    }
}
