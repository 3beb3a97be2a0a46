package org.caseload.ingest.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Relative visit volume per day, location and service line: clinic size × service mix × weekday ×
 * winter season × slow growth. Absolute volume is this weight times a scale chosen so that the whole
 * calendar sums to the requested number of visits.
 */
final class Demand {
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 1, 1);
    static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, END);

    /** The 24-hour site draws walk-ins from the whole metro area. */
    private static final double ROUND_THE_CLOCK_DRAW = 1.6;
    private static final double YEARLY_GROWTH = 0.05;
    private static final int WINTER_PEAK_DAY_OF_YEAR = 20;

    private final int services = ServiceLine.values().length;
    private final int locations;
    private final double[] weights;
    private final double total;

    Demand(List<Location> locations) {
        this.locations = locations.size();
        weights = new double[DAYS * this.locations * services];
        double sum = 0;
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            for (Location location : locations) {
                double mix = mixTotal(location);
                for (ServiceLine service : location.services()) {
                    double w = location.size() * service.weight / mix * draw(location, service)
                            * service.weekdayFactor(date.getDayOfWeek()) * season(service, date) * growth(day);
                    weights[slot(day, location, service)] = w;
                    sum += w;
                }
            }
        }
        total = sum;
    }

    private static double mixTotal(Location location) {
        return location.services().stream().mapToDouble(s -> s.weight).sum();
    }

    private static double draw(Location location, ServiceLine service) {
        return location.hours(service) == OpeningHours.ROUND_THE_CLOCK ? ROUND_THE_CLOCK_DRAW : 1;
    }

    /** StrictMath keeps the data identical across JVMs and CPUs. */
    private static double season(ServiceLine service, LocalDate date) {
        double angle = 2 * StrictMath.PI * (date.getDayOfYear() - WINTER_PEAK_DAY_OF_YEAR) / 365.25;
        return 1 + service.winterPeak * StrictMath.cos(angle);
    }

    private static double growth(int day) {
        return 1 + YEARLY_GROWTH * day / 365.25;
    }

    private int slot(int day, Location location, ServiceLine service) {
        return (day * locations + location.index()) * services + service.ordinal();
    }

    double weight(int day, Location location, ServiceLine service) {
        return weights[slot(day, location, service)];
    }

    /** Expected booked visits per unit of weight when the calendar should hold {@code visits} in total. */
    double scale(long visits) {
        return visits / total;
    }

    static LocalDate date(int day) {
        return FIRST_DAY.plusDays(day);
    }
}
