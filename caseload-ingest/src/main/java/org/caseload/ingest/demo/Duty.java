package org.caseload.ingest.demo;

import java.util.SplittableRandom;

/**
 * Who is on duty for one service line at one clinic on one day, reused across days to keep the hot
 * loop allocation-free. Visits go to someone whose shift covers the scheduled time where possible.
 */
final class Duty {
    private final StaffMember[] staff;
    private final int[] starts;
    private final int[] ends;
    private int size;
    /** Overnight staff: the one finishing last night's shift (until 08:00) and the one starting tonight. */
    private StaffMember nightBefore;
    private StaffMember nightAfter;

    Duty(int capacity) {
        staff = new StaffMember[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    void clear() {
        size = 0;
        nightBefore = null;
        nightAfter = null;
    }

    void add(StaffMember member, int start, int end) {
        staff[size] = member;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    void night(StaffMember before, StaffMember after) {
        nightBefore = before;
        nightAfter = after;
    }

    /** The clinician for a visit at {@code minute}; {@code avoid} is handed a visit only when unavoidable. */
    StaffMember pick(int minute, StaffMember avoid, SplittableRandom random) {
        if (nightAfter != null && OpeningHours.isNight(minute)) {
            return minute < OpeningHours.NIGHT_END ? nightBefore : nightAfter;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            int i = random.nextInt(size);
            if (covers(i, minute) && staff[i] != avoid) {
                return staff[i];
            }
        }
        int offset = random.nextInt(size);
        for (int k = 0; k < size; k++) {
            int i = (offset + k) % size;
            if (covers(i, minute) && staff[i] != avoid) {
                return staff[i];
            }
        }
        // Nobody on shift at that minute (thin days at small sizes): the visit goes to whoever is in.
        StaffMember any = staff[offset];
        return any == avoid && size > 1 ? staff[(offset + 1) % size] : any;
    }

    private boolean covers(int i, int minute) {
        return starts[i] <= minute && minute < ends[i];
    }
}
