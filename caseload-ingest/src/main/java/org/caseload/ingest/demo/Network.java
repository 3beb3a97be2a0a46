package org.caseload.ingest.demo;

import static org.caseload.ingest.demo.ServiceLine.BEHAVIORAL_HEALTH;
import static org.caseload.ingest.demo.ServiceLine.DENTAL;
import static org.caseload.ingest.demo.ServiceLine.PEDIATRICS;
import static org.caseload.ingest.demo.ServiceLine.PHYSICAL_THERAPY;
import static org.caseload.ingest.demo.ServiceLine.PRIMARY_CARE;
import static org.caseload.ingest.demo.ServiceLine.URGENT_CARE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fixed demo network: twelve clinics in three regions and their staff roster. It does not depend
 * on the seed or the requested size, so docs can name its members; the roster is sized for the
 * default volume (smaller runs simply schedule fewer shifts).
 */
final class Network {
    private record Spec(String name, String city, String region, String timeZone, double size,
            boolean overnightUrgentCare, List<ServiceLine> services) {}

    private static final String EAST = "East";
    private static final String CENTRAL = "Central";
    private static final String MOUNTAIN = "Mountain";
    private static final String NEW_YORK = "America/New_York";
    private static final String CHICAGO = "America/Chicago";
    private static final String DENVER = "America/Denver";

    /** Indices into {@link #locations()} of the clinics the planted anomalies live at. */
    static final int ELM_STREET = 2;
    static final int LAKESHORE = 4;
    static final int RIVERBEND = 6;
    static final int FRONT_RANGE = 8;
    static final int CANYON_VIEW = 10;

    private static final List<Spec> SPECS = List.of(
            new Spec("Riverside Medical Center", "Philadelphia", EAST, NEW_YORK, 3.6, true,
                    List.of(PRIMARY_CARE, URGENT_CARE, PEDIATRICS, DENTAL, PHYSICAL_THERAPY, BEHAVIORAL_HEALTH)),
            new Spec("Harbor View Health", "Baltimore", EAST, NEW_YORK, 2.6, false,
                    List.of(PRIMARY_CARE, PEDIATRICS, DENTAL, BEHAVIORAL_HEALTH)),
            new Spec("Elm Street Clinic", "Hartford", EAST, NEW_YORK, 1.5, false,
                    List.of(PRIMARY_CARE, DENTAL, PHYSICAL_THERAPY)),
            new Spec("Northgate Family Care", "Pittsburgh", EAST, NEW_YORK, 1.9, false,
                    List.of(PRIMARY_CARE, URGENT_CARE, PEDIATRICS, PHYSICAL_THERAPY)),
            new Spec("Lakeshore Health Center", "Chicago", CENTRAL, CHICAGO, 3.4, false,
                    List.of(PRIMARY_CARE, URGENT_CARE, PEDIATRICS, DENTAL, PHYSICAL_THERAPY, BEHAVIORAL_HEALTH)),
            new Spec("Prairie Ridge Clinic", "Des Moines", CENTRAL, CHICAGO, 1.0, false,
                    List.of(PRIMARY_CARE, DENTAL, BEHAVIORAL_HEALTH)),
            new Spec("Riverbend Family Medicine", "St. Louis", CENTRAL, CHICAGO, 2.2, false,
                    List.of(PRIMARY_CARE, PEDIATRICS, PHYSICAL_THERAPY, BEHAVIORAL_HEALTH)),
            new Spec("Cedar Park Clinic", "Austin", CENTRAL, CHICAGO, 1.7, false,
                    List.of(PRIMARY_CARE, URGENT_CARE, DENTAL)),
            new Spec("Front Range Medical", "Denver", MOUNTAIN, DENVER, 3.0, false,
                    List.of(PRIMARY_CARE, URGENT_CARE, PEDIATRICS, DENTAL, PHYSICAL_THERAPY)),
            new Spec("Aspen Grove Clinic", "Boulder", MOUNTAIN, DENVER, 1.2, false,
                    List.of(PRIMARY_CARE, PHYSICAL_THERAPY, BEHAVIORAL_HEALTH)),
            new Spec("Canyon View Health", "Albuquerque", MOUNTAIN, DENVER, 1.8, false,
                    List.of(PRIMARY_CARE, PEDIATRICS, DENTAL, BEHAVIORAL_HEALTH)),
            new Spec("Wasatch Family Care", "Salt Lake City", MOUNTAIN, DENVER, 2.4, false,
                    List.of(PRIMARY_CARE, URGENT_CARE, PEDIATRICS, DENTAL, BEHAVIORAL_HEALTH)));

    private static final String[] FIRST_NAMES = {
        "Aaliyah", "Adrian", "Aisha", "Alejandro", "Amara", "Andre", "Anika", "Ben", "Camila", "Carlos",
        "Chloe", "Daniel", "Devon", "Elena", "Emeka", "Farah", "Gabriel", "Grace", "Hana", "Hector",
        "Imani", "Isaac", "Jada", "James", "Jin", "Julia", "Kai", "Kavya", "Lena", "Liam", "Lucia", "Malik",
        "Maya", "Mei", "Mateo", "Nadia", "Noah", "Omar", "Priya", "Quinn", "Rafael", "Rosa", "Samuel",
        "Sara", "Tariq", "Tessa", "Theo", "Uma", "Victor", "Yara", "Zoe", "Ethan", "Nora", "Owen"};
    private static final String[] LAST_NAMES = {
        "Abbott", "Alvarez", "Bennett", "Brooks", "Castillo", "Chen", "Coleman", "Dasgupta", "Delgado",
        "Ellison", "Fischer", "Garcia", "Gonzalez", "Hale", "Hughes", "Ibarra", "Jensen", "Kim", "Kowalski",
        "Lambert", "Lindqvist", "Mbeki", "Morales", "Nakamura", "Novak", "Okafor", "Olsen", "Patel",
        "Quintero", "Ramirez", "Reyes", "Rossi", "Schmidt", "Shah", "Sullivan", "Tanaka", "Thompson",
        "Nguyen", "Vargas", "Walsh", "Whitaker", "Yilmaz", "Zhou", "Foster", "Mendez", "Haddad", "Baptiste"};

    private static final Network INSTANCE = new Network();

    private final List<Location> locations;
    private final Demand demand;
    private final List<StaffMember> staff = new ArrayList<>();
    private final StaffMember[][] clinicalPools;
    private final StaffMember[][] frontDeskPools;
    private final StaffMember[] nightPool;
    private final SplittableRandom random = new SplittableRandom(Ids.mix(Ids.NETWORK, Ids.STREAM, 0));
    private final Set<String> usedNames = new HashSet<>();

    private Network() {
        locations = buildLocations();
        demand = new Demand(locations);
        int slots = locations.size() * ServiceLine.values().length;
        clinicalPools = new StaffMember[slots][];
        frontDeskPools = new StaffMember[slots][];
        StaffMember[] night = new StaffMember[0];
        double defaultScale = demand.scale(DemoOptions.DEFAULT_VISITS);
        for (Location location : locations) {
            for (ServiceLine service : location.services()) {
                int slot = slot(location, service);
                clinicalPools[slot] = hire(location, service, clinicalPoolSize(location, service, defaultScale));
                if (location.hours(service) == OpeningHours.ROUND_THE_CLOCK) {
                    night = hireNightPool(location, service);
                }
                frontDeskPools[slot] = hire(location, service, RoleGroup.FRONT_DESK,
                        frontDeskPoolSize(location, service, defaultScale));
            }
        }
        nightPool = night;
    }

    static Network get() {
        return INSTANCE;
    }

    private List<Location> buildLocations() {
        List<Location> built = new ArrayList<>();
        for (Spec spec : SPECS) {
            int index = built.size();
            Location.Profile profile = new Location.Profile(
                    around(0.12), around(0.12), around(0.10), around(0.04), around(0.05));
            built.add(new Location(index, Ids.uuid(Ids.NETWORK, Ids.LOCATION, index), spec.name(), spec.city(),
                    spec.region(), spec.timeZone(), spec.size(), spec.services(), spec.overnightUrgentCare(),
                    profile));
        }
        return List.copyOf(built);
    }

    /** A factor in [1 - spread, 1 + spread]: visible character, never an outlier. */
    private double around(double spread) {
        return 1 + spread * (2 * random.nextDouble() - 1);
    }

    /** Enough staff for the busiest day at the default volume, the planted overstaffing included. */
    private int clinicalPoolSize(Location location, ServiceLine service, double scale) {
        double peak = 0;
        for (int day = 0; day < Demand.DAYS; day++) {
            double booked = scale * demand.weight(day, location, service);
            peak = Math.max(peak, StaffingModel.clinicalDayShifts(booked, location, service)
                    * Anomalies.staffingFactor(location, day));
        }
        return Math.max(1, (int) Math.ceil(peak));
    }

    /** Service lines needing less than half a receptionist have none of their own: a colleague covers. */
    private int frontDeskPoolSize(Location location, ServiceLine service, double scale) {
        double peak = 0;
        for (int day = 0; day < Demand.DAYS; day++) {
            double booked = scale * demand.weight(day, location, service);
            peak = Math.max(peak, StaffingModel.frontDeskShifts(booked, location, service));
        }
        return (int) Math.round(peak);
    }

    /** A clinical pool with the service's role mix, shuffled so that daily rotations mix roles. */
    private StaffMember[] hire(Location location, ServiceLine service, int size) {
        List<RoleGroup> roles = roleMix(service, size);
        StaffMember[] pool = new StaffMember[size];
        for (int i = 0; i < size; i++) {
            pool[i] = hireOne(location, service, roles.get(i));
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            StaffMember swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return pool;
    }

    private StaffMember[] hire(Location location, ServiceLine service, RoleGroup role, int size) {
        StaffMember[] pool = new StaffMember[size];
        for (int i = 0; i < size; i++) {
            pool[i] = hireOne(location, service, role);
        }
        return pool;
    }

    /** Nights are covered by physicians and nurse practitioners taking turns, one per night. */
    private StaffMember[] hireNightPool(Location location, ServiceLine service) {
        return new StaffMember[] {
            hireOne(location, service, RoleGroup.PHYSICIAN), hireOne(location, service, RoleGroup.NURSE_PRACTITIONER),
            hireOne(location, service, RoleGroup.NURSE_PRACTITIONER), hireOne(location, service, RoleGroup.PHYSICIAN)};
    }

    /** Largest-remainder split of {@code size} people over the service's role shares. */
    private static List<RoleGroup> roleMix(ServiceLine service, int size) {
        List<ServiceLine.RoleShare> shares = service.roles;
        int[] counts = new int[shares.size()];
        double[] remainders = new double[shares.size()];
        int assigned = 0;
        for (int i = 0; i < shares.size(); i++) {
            double exact = shares.get(i).share() * size;
            counts[i] = (int) exact;
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (; assigned < size; assigned++) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        List<RoleGroup> roles = new ArrayList<>(size);
        for (int i = 0; i < shares.size(); i++) {
            for (int n = 0; n < counts[i]; n++) {
                roles.add(shares.get(i).role());
            }
        }
        return roles;
    }

    private StaffMember hireOne(Location location, ServiceLine service, RoleGroup role) {
        int index = staff.size();
        int cents = role.minHourlyCents + random.nextInt(role.maxHourlyCents - role.minHourlyCents + 1);
        StaffMember member = new StaffMember(index, Ids.uuid(Ids.NETWORK, Ids.STAFF, index), uniqueName(), role,
                location, service, cents);
        staff.add(member);
        return member;
    }

    private String uniqueName() {
        while (true) {
            String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                    + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            if (usedNames.add(name)) {
                return name;
            }
        }
    }

    private static int slot(Location location, ServiceLine service) {
        return location.index() * ServiceLine.values().length + service.ordinal();
    }

    List<Location> locations() {
        return locations;
    }

    Location location(int index) {
        return locations.get(index);
    }

    Demand demand() {
        return demand;
    }

    List<StaffMember> staff() {
        return List.copyOf(staff);
    }

    StaffMember[] clinicalPool(Location location, ServiceLine service) {
        return clinicalPools[slot(location, service)];
    }

    StaffMember[] frontDeskPool(Location location, ServiceLine service) {
        return frontDeskPools[slot(location, service)];
    }

    /** Overnight urgent-care staff of the round-the-clock site, in rotation order. */
    StaffMember[] nightPool() {
        return nightPool;
    }

    /** The first physician on a service's pool at a location, in hiring order. */
    StaffMember firstPhysician(Location location, ServiceLine service) {
        return staff.stream()
                .filter(s -> s.home() == location && s.service() == service && s.role() == RoleGroup.PHYSICIAN)
                .findFirst()
                .orElseThrow();
    }
}
