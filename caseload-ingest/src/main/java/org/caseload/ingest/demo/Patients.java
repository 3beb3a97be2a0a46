package org.caseload.ingest.demo;

import static org.caseload.model.warehouse.WarehouseSchema.PATIENTS;

import java.util.List;
import java.util.SplittableRandom;
import org.caseload.ingest.load.RowSink;

/**
 * The patient panel: pseudonymous (birth year and sex only), each with a home clinic where most of
 * their visits happen. Held in compact arrays because visits pick from it millions of times.
 */
final class Patients {
    static final int FIRST_CHILD_BIRTH_YEAR = 2007;
    /** Share of visits made away from the patient's home clinic. */
    private static final double AWAY_FROM_HOME = 0.05;
    private static final long REGISTRATION_START_MILLIS = 1_420_070_400_000L;
    private static final long REGISTRATION_SPAN_MILLIS = 9 * 365 * 86_400_000L;

    private final String[] ids;
    private final short[] birthYears;
    private final String[] sexes;
    private final int[][] byHome;
    private final int[][] childrenByHome;
    private final int[] children;

    private Patients(String[] ids, short[] birthYears, String[] sexes, int[] homes, int locations) {
        this.ids = ids;
        this.birthYears = birthYears;
        this.sexes = sexes;
        this.byHome = new int[locations][];
        this.childrenByHome = new int[locations][];
        for (int location = 0; location < locations; location++) {
            byHome[location] = select(homes, location, false);
            childrenByHome[location] = select(homes, location, true);
        }
        this.children = select(homes, -1, true);
    }

    static Patients generate(long seed, int count, Network network) {
        SplittableRandom random = new SplittableRandom(Ids.mix(seed, Ids.STREAM, Ids.PATIENT));
        double[] homeShares = homeShares(network);
        String[] ids = new String[count];
        short[] birthYears = new short[count];
        String[] sexes = new String[count];
        int[] homes = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Ids.timeOrdered(seed, Ids.PATIENT, i, registeredMillis(i, count));
            birthYears[i] = (short) birthYear(random);
            sexes[i] = sex(random);
            homes[i] = pick(homeShares, random.nextDouble());
        }
        return new Patients(ids, birthYears, sexes, homes, network.locations().size());
    }

    /** Registration times spread over 2015–2023 in panel order, so patient ids ascend as they are written. */
    private static long registeredMillis(int index, int count) {
        return REGISTRATION_START_MILLIS + (long) ((double) index / count * REGISTRATION_SPAN_MILLIS);
    }

    /** Cumulative share of all visits each clinic expects: the panel mirrors clinic sizes. */
    private static double[] homeShares(Network network) {
        List<Location> locations = network.locations();
        double[] cumulative = new double[locations.size()];
        double total = 0;
        for (Location location : locations) {
            for (int day = 0; day < Demand.DAYS; day++) {
                for (ServiceLine service : location.services()) {
                    total += network.demand().weight(day, location, service);
                }
            }
            cumulative[location.index()] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= u) {
            i++;
        }
        return i;
    }

    /** Age mix of a community clinic panel: a fifth children, a sixth over 65. */
    private static int birthYear(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.22) {
            return random.nextInt(FIRST_CHILD_BIRTH_YEAR, 2025);
        } else if (u < 0.58) {
            return random.nextInt(1981, FIRST_CHILD_BIRTH_YEAR);
        } else if (u < 0.83) {
            return random.nextInt(1961, 1981);
        }
        return random.nextInt(1930, 1961);
    }

    private static String sex(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.515 ? "female" : u < 0.985 ? "male" : "other";
    }

    private int[] select(int[] homes, int location, boolean childrenOnly) {
        int n = 0;
        for (int i = 0; i < homes.length; i++) {
            if (matches(homes, i, location, childrenOnly)) {
                n++;
            }
        }
        int[] selected = new int[n];
        n = 0;
        for (int i = 0; i < homes.length; i++) {
            if (matches(homes, i, location, childrenOnly)) {
                selected[n++] = i;
            }
        }
        return selected;
    }

    private boolean matches(int[] homes, int i, int location, boolean childrenOnly) {
        return (location < 0 || homes[i] == location) && (!childrenOnly || birthYears[i] >= FIRST_CHILD_BIRTH_YEAR);
    }

    void write(RowSink sink) {
        for (int i = 0; i < ids.length; i++) {
            sink.append(PATIENTS, ids[i], (int) birthYears[i], sexes[i]);
        }
    }

    /**
     * A patient for a visit: usually from the clinic's own panel, children for pediatrics, with a
     * skew so that some patients come often and others rarely.
     */
    String pick(Location location, ServiceLine service, SplittableRandom random) {
        boolean pediatric = service == ServiceLine.PEDIATRICS;
        int[] pool = pediatric ? childrenByHome[location.index()] : byHome[location.index()];
        if (pool.length == 0 || random.nextDouble() < AWAY_FROM_HOME) {
            pool = pediatric ? children : null;
        }
        double u = random.nextDouble();
        double skewed = u * Math.sqrt(u);
        if (pool == null || pool.length == 0) {
            return ids[(int) (ids.length * skewed)];
        }
        return ids[pool[(int) (pool.length * skewed)]];
    }
}
