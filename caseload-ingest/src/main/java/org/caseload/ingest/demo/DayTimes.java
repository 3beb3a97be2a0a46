package org.caseload.ingest.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Timestamps within the day being generated, from cached times of day: the hot loop needs four per
 * visit, and {@code plusMinutes} arithmetic showed up as a hotspot.
 */
final class DayTimes {
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final LocalTime[] TIMES = new LocalTime[MINUTES_PER_DAY];

    static {
        for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
            TIMES[minute] = LocalTime.of(minute / 60, minute % 60);
        }
    }

    private LocalDate date;
    private LocalDateTime midnight;

    void moveTo(int day) {
        date = Demand.date(day);
        midnight = date.atStartOfDay();
    }

    /** The time {@code minute} minutes after midnight; outside the day it rolls into the next or previous. */
    LocalDateTime at(int minute) {
        if (minute >= 0 && minute < MINUTES_PER_DAY) {
            return LocalDateTime.of(date, TIMES[minute]);
        }
        return midnight.plusMinutes(minute);
    }
}
