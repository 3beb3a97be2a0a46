package org.caseload.ingest.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The five planted anomalies: fixed members and periods (the same for every seed and size) and the
 * factors the generator applies. Each lives at a different clinic so that none masks another.
 */
final class Anomalies {
    static final YearMonth OVERSTAFFED_MONTH = YearMonth.of(2024, 5);
    static final double OVERSTAFFING = 1.8;

    static final ServiceLine SLOW_PROVIDER_SERVICE = ServiceLine.PRIMARY_CARE;
    static final LocalDate SLOW_PROVIDER_FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate SLOW_PROVIDER_TO = LocalDate.of(2026, 1, 1);
    static final double SLOW_PROVIDER_DURATION = 2.2;
    /** Long visits fill the day, so the slow provider is handed fewer patients than peers on shift. */
    static final double SLOW_PROVIDER_SKIPPED = 0.55;

    static final LocalDate OUTAGE_DAY = LocalDate.of(2025, 3, 12);

    static final YearMonth NO_SHOW_MONTH = YearMonth.of(2024, 11);
    static final double NO_SHOW_SPIKE = 3.0;

    static final YearMonth LONG_WAIT_MONTH = YearMonth.of(2025, 8);
    static final double LONG_WAITS = 3.0;

    private static final int SLOW_FROM_DAY = day(SLOW_PROVIDER_FROM);
    private static final int OUTAGE = day(OUTAGE_DAY);

    private Anomalies() {}

    static double staffingFactor(Location location, int day) {
        return location.index() == Network.RIVERBEND && in(OVERSTAFFED_MONTH, day) ? OVERSTAFFING : 1;
    }

    static boolean isOutage(Location location, int day) {
        return location.index() == Network.ELM_STREET && day == OUTAGE;
    }

    static double noShowFactor(Location location, int day) {
        return location.index() == Network.CANYON_VIEW && in(NO_SHOW_MONTH, day) ? NO_SHOW_SPIKE : 1;
    }

    static double waitFactor(Location location, int day) {
        return location.index() == Network.LAKESHORE && in(LONG_WAIT_MONTH, day) ? LONG_WAITS : 1;
    }

    static boolean isSlowProviderPeriod(int day) {
        return day >= SLOW_FROM_DAY;
    }

    static StaffMember slowProvider(Network network) {
        return network.firstPhysician(network.location(Network.FRONT_RANGE), SLOW_PROVIDER_SERVICE);
    }

    private static boolean in(YearMonth month, int day) {
        return YearMonth.from(Demand.date(day)).equals(month);
    }

    private static int day(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(Demand.FIRST_DAY, date);
    }

    static List<PlantedAnomaly> planted(Network network) {
        Location overstaffed = network.location(Network.RIVERBEND);
        StaffMember slow = slowProvider(network);
        Location outage = network.location(Network.ELM_STREET);
        Location noShows = network.location(Network.CANYON_VIEW);
        Location waits = network.location(Network.LAKESHORE);
        return List.of(
                new PlantedAnomaly("overstaffed_month", "staff_cost_per_visit", "location", overstaffed.id(),
                        overstaffed.name(), OVERSTAFFED_MONTH.atDay(1), OVERSTAFFED_MONTH.plusMonths(1).atDay(1),
                        "Clinical shift hours ~" + OVERSTAFFING + "x normal while visits stay normal: staff cost"
                                + " per visit up, visits per clinical hour and utilization down."),
                new PlantedAnomaly("slow_provider", "avg_visit_minutes", "staff", slow.id(), slow.name(),
                        SLOW_PROVIDER_FROM, SLOW_PROVIDER_TO,
                        "A " + SLOW_PROVIDER_SERVICE.label.toLowerCase() + " physician at " + slow.home().name()
                                + " whose visits last ~" + SLOW_PROVIDER_DURATION + "x as long as peers' and who"
                                + " sees about half as many patients per shift."),
                new PlantedAnomaly("outage_day", "visits", "location", outage.id(), outage.name(), OUTAGE_DAY,
                        OUTAGE_DAY.plusDays(1),
                        "No visits at all for one weekday (system outage); the scheduled shifts were still"
                                + " worked and paid."),
                new PlantedAnomaly("no_show_spike", "no_show_rate", "location", noShows.id(), noShows.name(),
                        NO_SHOW_MONTH.atDay(1), NO_SHOW_MONTH.plusMonths(1).atDay(1),
                        "No-show rate ~" + NO_SHOW_SPIKE + "x the clinic's usual rate for one month."),
                new PlantedAnomaly("long_waits", "avg_wait_minutes", "location", waits.id(), waits.name(),
                        LONG_WAIT_MONTH.atDay(1), LONG_WAIT_MONTH.plusMonths(1).atDay(1),
                        "Wait from check-in to start ~" + LONG_WAITS + "x normal for one month, in every"
                                + " service line."));
    }
}
