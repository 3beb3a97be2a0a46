package org.caseload.ingest.demo;

/**
 * How many shifts a day's expected demand calls for. The roster is sized with the same rule at the
 * default volume, and daily rosters follow expected (not realized) demand, as real schedules do.
 */
final class StaffingModel {
    /** Completed visit minutes per clinical shift minute the schedulers plan for. */
    static final double TARGET_UTILIZATION = 0.72;
    static final double MEAN_SHIFT_HOURS = 9.0;
    static final int NIGHT_SHIFT_STAFF = 1;
    private static final double VISITS_PER_FRONT_DESK_SHIFT = 60;

    private StaffingModel() {}

    /** Day shifts (fractional) needed for {@code bookedVisits}; night visits are the overnight shift's. */
    static double clinicalDayShifts(double bookedVisits, Location location, ServiceLine service) {
        double completed = bookedVisits * location.completedShare(service);
        double minutes = completed * service.durationMinutes * location.profile().duration();
        double dayShare = 1 - location.hours(service).nightShare;
        return minutes * dayShare / 60 / TARGET_UTILIZATION / MEAN_SHIFT_HOURS;
    }

    static double frontDeskShifts(double bookedVisits, Location location, ServiceLine service) {
        return bookedVisits * (1 - location.hours(service).nightShare) / VISITS_PER_FRONT_DESK_SHIFT;
    }
}
