package org.caseload.ingest.demo;

/**
 * What to generate: the seed drives patients, visits and shifts (the network itself is fixed), and
 * {@code visits} is the approximate number of visits over 2024–2025.
 */
public record DemoOptions(long seed, int visits) {
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_VISITS = 1_500_000;
    /** The roster is sized for the default volume; far beyond it, shifts would be overbooked. */
    public static final int MAX_VISITS = 10_000_000;

    public DemoOptions {
        if (visits < 1 || visits > MAX_VISITS) {
            throw new IllegalArgumentException("visits must be between 1 and " + MAX_VISITS + ", got " + visits);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_SEED, DEFAULT_VISITS);
    }

    public DemoOptions withSeed(long newSeed) {
        return new DemoOptions(newSeed, visits);
    }

    public DemoOptions withVisits(int newVisits) {
        return new DemoOptions(seed, newVisits);
    }
}
