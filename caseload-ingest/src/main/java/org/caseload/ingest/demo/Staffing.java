package org.caseload.ingest.demo;

import static org.caseload.model.warehouse.WarehouseSchema.SHIFTS;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.caseload.ingest.load.RowSink;

/**
 * Rosters each day's shifts from expected demand and writes them. Pools rotate, so everyone on a
 * pool works a similar share of days. Overnight shifts are written as one row per calendar day:
 * 20:00–24:00 on the first day and 00:00–08:00 on the next, each with its own id and cost.
 */
final class Staffing {
    private static final int MIN_SHIFT_MINUTES = 8 * 60;
    private static final int MIN_SESSION_MINUTES = 4 * 60;
    private static final int SHIFT_STEP_MINUTES = 30;
    private static final int SHIFT_STEPS = 5;
    private static final int MIDNIGHT = 24 * 60;

    private final Network network;
    private final RowSink sink;
    private final int[] clinicalRotation;
    private final int[] frontDeskRotation;
    private final IdSequence ids;

    Staffing(Network network, long seed, RowSink sink) {
        this.network = network;
        this.sink = sink;
        this.ids = new IdSequence(seed, Ids.SHIFT);
        int slots = network.locations().size() * ServiceLine.values().length;
        this.clinicalRotation = new int[slots];
        this.frontDeskRotation = new int[slots];
    }

    /** Writes the day's shifts for one service line at one clinic and fills {@code duty} with its clinicians. */
    void roster(int day, DayTimes times, Location location, ServiceLine service, double bookedVisits,
            SplittableRandom random, Duty duty) {
        duty.clear();
        int slot = location.index() * ServiceLine.values().length + service.ordinal();
        double needed = StaffingModel.clinicalDayShifts(bookedVisits, location, service)
                * Anomalies.staffingFactor(location, day);
        rosterClinicians(day, times, location, service, slot, needed, random, duty);
        if (location.hours(service) == OpeningHours.ROUND_THE_CLOCK) {
            rosterNights(day, times, location, duty);
        }
        rosterFrontDesk(day, times, location, service, slot, bookedVisits, random);
    }

    /**
     * Full shifts for the needed head count; a line needing less than one full shift gets a single
     * part-day session, so thin days (Saturdays, small runs) do not carry a full day's cost.
     */
    private void rosterClinicians(int day, DayTimes times, Location location, ServiceLine service, int slot,
            double needed, SplittableRandom random, Duty duty) {
        OpeningHours hours = location.hours(service);
        StaffMember[] pool = network.clinicalPool(location, service);
        if (needed < 1) {
            StaffMember member = next(pool, clinicalRotation, slot);
            int length = partDayLength(needed);
            write(day, member, location, times, hours.dayOpen, hours.dayOpen + length);
            duty.add(member, hours.dayOpen, hours.dayOpen + length);
            return;
        }
        int clinicians = Math.max(1, Math.min(pool.length, Draws.randomRound(needed, random)));
        for (int i = 0; i < clinicians; i++) {
            StaffMember member = next(pool, clinicalRotation, slot);
            int length = shiftLength(random);
            int start = dayShiftStart(i, length, hours, random);
            write(day, member, location, times, start, start + length);
            duty.add(member, start, start + length);
        }
    }

    private void rosterFrontDesk(int day, DayTimes times, Location location, ServiceLine service, int slot,
            double bookedVisits, SplittableRandom random) {
        OpeningHours hours = location.hours(service);
        StaffMember[] desk = network.frontDeskPool(location, service);
        double needed = StaffingModel.frontDeskShifts(bookedVisits, location, service);
        int receptionists = Math.min(desk.length, Draws.randomRound(needed, random));
        for (int i = 0; i < receptionists; i++) {
            int length = shiftLength(random);
            int start = dayShiftStart(i, length, hours, random);
            write(day, next(desk, frontDeskRotation, slot), location, times, start, start + length);
        }
    }

    /** A fraction of a mean shift, on the half-hour grid, at least a four-hour session. */
    private static int partDayLength(double shifts) {
        long steps = Math.round(shifts * StaffingModel.MEAN_SHIFT_HOURS * 60 / SHIFT_STEP_MINUTES);
        return (int) Math.max(MIN_SESSION_MINUTES, Math.min(MIN_SHIFT_MINUTES, steps * SHIFT_STEP_MINUTES));
    }

    /**
     * The night shift that began yesterday ends at 08:00 today; tonight's begins at 20:00. Shifts
     * outside the 2024–2025 window are cut at its edges, as a per-day extract would.
     */
    private void rosterNights(int day, DayTimes times, Location location, Duty duty) {
        StaffMember[] nights = network.nightPool();
        StaffMember before = nights[Math.floorMod(day - 1, nights.length)];
        StaffMember after = nights[Math.floorMod(day, nights.length)];
        write(day, before, location, times, 0, OpeningHours.NIGHT_END);
        write(day, after, location, times, OpeningHours.NIGHT_START, MIDNIGHT);
        duty.night(before, after);
    }

    private static StaffMember next(StaffMember[] pool, int[] rotation, int slot) {
        StaffMember member = pool[rotation[slot]];
        rotation[slot] = (rotation[slot] + 1) % pool.length;
        return member;
    }

    private static int shiftLength(SplittableRandom random) {
        return MIN_SHIFT_MINUTES + SHIFT_STEP_MINUTES * random.nextInt(SHIFT_STEPS);
    }

    /** The first shift opens, the second closes, the rest start anywhere that ends by closing time. */
    private static int dayShiftStart(int index, int length, OpeningHours hours, SplittableRandom random) {
        int latest = Math.max(hours.dayOpen, hours.dayClose - length);
        if (index == 0) {
            return hours.dayOpen;
        }
        if (index == 1) {
            return latest;
        }
        return hours.dayOpen + SHIFT_STEP_MINUTES * random.nextInt((latest - hours.dayOpen) / SHIFT_STEP_MINUTES + 1);
    }

    private void write(int day, StaffMember member, Location location, DayTimes times, int start, int end) {
        sink.append(SHIFTS, ids.next(day), member.id(), location.id(), member.service().id,
                times.at(start), times.at(end),
                BigDecimal.valueOf(member.costCents(end - start), 2));
    }
}
