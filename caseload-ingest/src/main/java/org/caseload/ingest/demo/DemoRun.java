package org.caseload.ingest.demo;

import static org.caseload.model.warehouse.WarehouseSchema.LOCATIONS;
import static org.caseload.model.warehouse.WarehouseSchema.ROLE_GROUPS;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;
import static org.caseload.model.warehouse.WarehouseSchema.STAFF;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.caseload.ingest.load.RowSink;

/** One generation: reference tables and patients first, then the calendar day by day, streaming. */
final class DemoRun {
    private static final int PATIENTS_PER_VISIT_DIVISOR = 10;
    private static final int MIN_PATIENTS = 100;

    private final Network network;
    private final DemoOptions options;
    private final LongConsumer progress;
    private final RowSink sink;

    DemoRun(Network network, DemoOptions options, LongConsumer progress, RowSink sink) {
        this.network = network;
        this.options = options;
        this.progress = progress;
        this.sink = sink;
    }

    void run() {
        writeReferenceTables();
        Patients patients = Patients.generate(options.seed(),
                Math.max(MIN_PATIENTS, options.visits() / PATIENTS_PER_VISIT_DIVISOR), network);
        patients.write(sink);
        writeActivity(patients);
    }

    private void writeReferenceTables() {
        for (Location l : network.locations()) {
            sink.append(LOCATIONS, l.id(), l.name(), l.city(), l.region(), l.timeZone());
        }
        for (ServiceLine s : ServiceLine.values()) {
            sink.append(SERVICES, s.id, s.label);
        }
        for (RoleGroup r : RoleGroup.values()) {
            sink.append(ROLE_GROUPS, r.id, r.label, r.clinical);
        }
        for (StaffMember m : network.staff()) {
            sink.append(STAFF, m.id(), m.name(), m.role().id, m.home().id(), BigDecimal.valueOf(m.hourlyCents(), 2));
        }
    }

    private void writeActivity(Patients patients) {
        Staffing staffing = new Staffing(network, options.seed(), sink);
        Visits visits = new Visits(options.seed(), patients, Anomalies.slowProvider(network), sink);
        Duty duty = new Duty(network.staff().size());
        double scale = network.demand().scale(options.visits());
        DayTimes times = new DayTimes();
        for (int day = 0; day < Demand.DAYS; day++) {
            times.moveTo(day);
            for (Location location : network.locations()) {
                // One stream per clinic-day: a day's data depends only on the seed, the day and the clinic.
                SplittableRandom random = new SplittableRandom(
                        Ids.mix(options.seed(), Ids.STREAM, (long) day * network.locations().size() + location.index()));
                for (ServiceLine service : location.services()) {
                    double booked = scale * network.demand().weight(day, location, service);
                    if (booked == 0) {
                        continue;
                    }
                    staffing.roster(day, times, location, service, booked, random, duty);
                    if (Anomalies.isOutage(location, day)) {
                        continue;
                    }
                    int count = Draws.poisson(booked, random);
                    for (int i = 0; i < count; i++) {
                        visits.write(day, times, location, service, duty, random);
                    }
                }
            }
            progress.accept(visits.written());
        }
    }
}
