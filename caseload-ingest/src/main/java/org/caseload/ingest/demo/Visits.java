package org.caseload.ingest.demo;

import static org.caseload.model.warehouse.WarehouseSchema.VISITS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.caseload.ingest.load.RowSink;

/** Makes and writes visits one at a time: nothing about past visits is kept. */
final class Visits {
    private static final double WAIT_SPREAD = 0.5;
    private static final double DURATION_SPREAD = 0.3;
    private static final int MIN_DURATION_MINUTES = 5;
    private static final int MAX_EARLY_OR_LATE_MINUTES = 10;

    private final Patients patients;
    private final StaffMember slowProvider;
    private final RowSink sink;
    private final IdSequence ids;

    Visits(long seed, Patients patients, StaffMember slowProvider, RowSink sink) {
        this.patients = patients;
        this.slowProvider = slowProvider;
        this.sink = sink;
        this.ids = new IdSequence(seed, Ids.VISIT);
    }

    long written() {
        return ids.count();
    }

    void write(int day, DayTimes times, Location location, ServiceLine service, Duty duty,
            SplittableRandom random) {
        int minute = location.hours(service).scheduledMinute(random);
        boolean slowPeriod = Anomalies.isSlowProviderPeriod(day);
        StaffMember avoid = slowPeriod && random.nextDouble() < Anomalies.SLOW_PROVIDER_SKIPPED ? slowProvider : null;
        StaffMember clinician = duty.pick(minute, avoid, random);
        String id = ids.next(day);
        String patient = patients.pick(location, service, random);
        LocalDateTime scheduled = times.at(minute);

        double noShow = location.noShowRate(service) * Anomalies.noShowFactor(location, day);
        double u = random.nextDouble();
        if (u < noShow + location.cancelRate(service)) {
            String status = u < noShow ? "no_show" : "cancelled";
            sink.append(VISITS, id, patient, location.id(), service.id, clinician.id(), scheduled,
                    null, null, null, status, null);
            return;
        }
        int checkIn = minute + random.nextInt(2 * MAX_EARLY_OR_LATE_MINUTES + 1) - MAX_EARLY_OR_LATE_MINUTES;
        int start = checkIn + waitMinutes(day, location, service, random);
        int end = start + durationMinutes(slowPeriod && clinician == slowProvider, location, service, random);
        sink.append(VISITS, id, patient, location.id(), service.id, clinician.id(), scheduled,
                times.at(checkIn), times.at(start), times.at(end),
                "completed", charge(location, service, random));
    }

    private static int waitMinutes(int day, Location location, ServiceLine service, SplittableRandom random) {
        double mean = service.waitMinutes * location.profile().waiting() * Anomalies.waitFactor(location, day);
        return (int) Math.round(mean * Draws.logNormalFactor(WAIT_SPREAD, random));
    }

    private static int durationMinutes(boolean slow, Location location, ServiceLine service,
            SplittableRandom random) {
        double mean = service.durationMinutes * location.profile().duration()
                * (slow ? Anomalies.SLOW_PROVIDER_DURATION : 1);
        return Math.max(MIN_DURATION_MINUTES, (int) Math.round(mean * Draws.logNormalFactor(DURATION_SPREAD, random)));
    }

    /** Fee-schedule dollars adjusted by the clinic's local price level. */
    private static BigDecimal charge(Location location, ServiceLine service, SplittableRandom random) {
        int dollars = service.minChargeDollars + random.nextInt(service.maxChargeDollars - service.minChargeDollars + 1);
        return BigDecimal.valueOf(Math.round(dollars * 100 * location.profile().price()), 2);
    }
}
