package org.caseload.ingest.demo;

import java.time.ZoneOffset;

/**
 * Time-ordered ids for the rows of one fact table, stamped with the day being generated plus a
 * per-day counter, so ids ascend in the order rows are written.
 */
final class IdSequence {
    private static final long FIRST_DAY_MILLIS = Demand.FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long STEP_MILLIS = 1_000L;

    private final long seed;
    private final int kind;
    private long count;
    private int day = -1;
    private long inDay;

    IdSequence(long seed, int kind) {
        this.seed = seed;
        this.kind = kind;
    }

    String next(int forDay) {
        if (forDay != day) {
            day = forDay;
            inDay = 0;
        }
        long millis = FIRST_DAY_MILLIS + day * DAY_MILLIS + inDay++ * STEP_MILLIS;
        return Ids.timeOrdered(seed, kind, count++, millis);
    }

    long count() {
        return count;
    }
}
