package org.caseload.ingest.demo;

import java.util.SplittableRandom;

/**
 * When visits happen: hourly weights of scheduled times, and the window day shifts cover. Around the
 * clock, the hours outside the day window belong to the overnight shift (20:00–08:00).
 */
enum OpeningHours {
    /** 08:00–18:00 with a lunch dip. */
    BUSINESS(8 * 60, 18 * 60, new double[] {
        0, 0, 0, 0, 0, 0, 0, 0, 0.90, 1.15, 1.20, 1.10, 0.70, 0.90, 1.10, 1.10, 1.00, 0.75, 0, 0, 0, 0, 0, 0}),
    /** Walk-in care that never closes: busy evenings, a quiet small hours trough. */
    ROUND_THE_CLOCK(8 * 60, 20 * 60, new double[] {
        0.40, 0.30, 0.25, 0.20, 0.20, 0.25, 0.40, 0.60, 1.00, 1.20, 1.20, 1.10,
        1.00, 1.00, 1.00, 1.00, 1.10, 1.20, 1.20, 1.10, 1.10, 1.00, 0.80, 0.60});

    static final int NIGHT_START = 20 * 60;
    static final int NIGHT_END = 8 * 60;
    private static final int SLOT_MINUTES = 5;

    /** Start and end (minutes of the day) of the window day shifts cover. */
    final int dayOpen;
    final int dayClose;
    private final double[] cumulative;
    /** Share of visits scheduled outside the day window, i.e. on the overnight shift. */
    final double nightShare;

    OpeningHours(int dayOpen, int dayClose, double[] hourlyWeights) {
        this.dayOpen = dayOpen;
        this.dayClose = dayClose;
        this.cumulative = new double[24];
        double total = 0;
        double night = 0;
        for (int hour = 0; hour < 24; hour++) {
            total += hourlyWeights[hour];
            cumulative[hour] = total;
            if (hour * 60 < dayOpen || hour * 60 >= dayClose) {
                night += hourlyWeights[hour];
            }
        }
        for (int hour = 0; hour < 24; hour++) {
            cumulative[hour] /= total;
        }
        this.nightShare = night / total;
    }

    /** A scheduled time as minutes after midnight, on a five-minute appointment grid. */
    int scheduledMinute(SplittableRandom random) {
        double u = random.nextDouble();
        int hour = 0;
        while (hour < 23 && cumulative[hour] <= u) {
            hour++;
        }
        return hour * 60 + SLOT_MINUTES * random.nextInt(60 / SLOT_MINUTES);
    }

    static boolean isNight(int minuteOfDay) {
        return minuteOfDay >= NIGHT_START || minuteOfDay < NIGHT_END;
    }
}
