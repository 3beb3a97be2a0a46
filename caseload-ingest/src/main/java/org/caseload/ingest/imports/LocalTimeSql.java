package org.caseload.ingest.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Whether the SQL converts this instant (it lies within the years the list spans). */
    public static boolean covers(long epochSecond) {
        return epochSecond >= FIRST_SECOND && epochSecond < END_SECOND;
    }

    /**
     * The zone's years as a DuckDB list literal of structs {@code {o0, t1, o1, …}} with
     * {@code transitions} transitions each (missing ones NULL), or null when a year has more than
     * {@value #MAX_TRANSITIONS} (or more than {@code transitions}).
     */
    public static String years(Offsets zone, int transitions) {
        if (transitions > MAX_TRANSITIONS) {
            return null;
        }
        StringBuilder sql = new StringBuilder(64 * (LAST_YEAR - FIRST_YEAR + 1)).append('[');
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int first = zone.firstIn(year);
            int end = zone.endOf(year);
            if (end - first > transitions) {
                return null;
            }
            sql.append(year == FIRST_YEAR ? "" : ",").append("{'o0': ").append(zone.offsets[first]);
            for (int i = 0; i < transitions; i++) {
                int t = first + i;
                String at = t < end ? "TIMESTAMP '" + TIMESTAMP.format(LocalDateTime.ofEpochSecond(zone.transitions[t], 0,
                        ZoneOffset.UTC)) + "'" : "NULL::TIMESTAMP";
                String offset = t < end ? Integer.toString(zone.offsets[t + 1]) : "NULL::INTEGER";
                sql.append(", 't").append(i + 1).append("': ").append(at).append(", 'o").append(i + 1).append("': ").append(offset);
            }
            sql.append('}');
        }
        return sql.append(']').toString();
    }

    /**
     * A zone's UTC offsets over the years covered, as sorted arrays: the one walk through its rules
     * that both the SQL lists ({@link #years}) and conversions in Java ({@link #offset}) read. The
     * offsets are {@link ZoneRules#getOffset(Instant)}'s, which for instants past its stored
     * transitions (2008 on for New York) recomputes the year's transitions through a map on every call.
     */
    public static final class Offsets {
        /** Epoch seconds after {@link #FIRST_SECOND} and before {@link #END_SECOND} at which the offset changes, ascending. */
        private final long[] transitions;
        /** offsets[i]: the offset from transitions[i - 1] on (offsets[0]: from the first year's start). */
        private final int[] offsets;

        public Offsets(ZoneRules rules) {
            List<ZoneOffsetTransition> list = new ArrayList<>();
            // At a transition's own instant the new offset applies, in java.time and in the SQL (>=); one
            // exactly at a year's start is already in that year's starting offset.
            for (ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(FIRST_SECOND));
                    t != null && t.toEpochSecond() < END_SECOND; t = rules.nextTransition(t.getInstant())) {
                list.add(t);
            }
            transitions = new long[list.size()];
            offsets = new int[list.size() + 1];
            offsets[0] = rules.getOffset(Instant.ofEpochSecond(FIRST_SECOND)).getTotalSeconds();
            for (int i = 0; i < list.size(); i++) {
                transitions[i] = list.get(i).toEpochSecond();
                offsets[i + 1] = list.get(i).getOffsetAfter().getTotalSeconds();
            }
        }

        /** The offset in seconds at {@code epochSecond}, which {@link #covers}. */
        public int offset(long epochSecond) {
            return offsets[passed(epochSecond)];
        }

        /** Transitions in one year at most. */
        public int transitionsPerYear() {
            int most = 0;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                most = Math.max(most, endOf(year) - firstIn(year));
            }
            return most;
        }

        /** How many transitions are at or before {@code epochSecond}. */
        private int passed(long epochSecond) {
            int i = Arrays.binarySearch(transitions, epochSecond);
            return i >= 0 ? i + 1 : -i - 1;
        }

        /** Index of the first transition after the start of {@code year} (UTC). */
        private int firstIn(int year) {
            return passed(yearStart(year));
        }

        /** Index of the first transition at or after the start of the next year. */
        private int endOf(int year) {
            int i = Arrays.binarySearch(transitions, yearStart(year + 1));
            return i >= 0 ? i : -i - 1;
        }

        private static long yearStart(int year) {
            return LocalDate.of(year, 1, 1).toEpochDay() * 86_400L;
        }
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
