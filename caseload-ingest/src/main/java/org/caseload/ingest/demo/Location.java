package org.caseload.ingest.demo;

import java.util.List;

/**
 * One clinic of the demo network. {@code size} is its relative volume; the profile factors give each
 * clinic a mild character of its own without making it an outlier.
 */
record Location(
        int index,
        String id,
        String name,
        String city,
        String region,
        String timeZone,
        double size,
        List<ServiceLine> services,
        boolean overnightUrgentCare,
        Profile profile) {

    /** Multipliers on the service-line norms; all within a few percent of 1. */
    record Profile(double noShow, double cancel, double waiting, double duration, double price) {}

    Location {
        services = List.copyOf(services);
    }

    boolean offers(ServiceLine service) {
        return services.contains(service);
    }

    /** Opening hours of a service here: only the overnight site runs urgent care around the clock. */
    OpeningHours hours(ServiceLine service) {
        return overnightUrgentCare && service == ServiceLine.URGENT_CARE ? OpeningHours.ROUND_THE_CLOCK
                : OpeningHours.BUSINESS;
    }

    double noShowRate(ServiceLine service) {
        return service.noShowRate * profile.noShow();
    }

    double cancelRate(ServiceLine service) {
        return service.cancelRate * profile.cancel();
    }

    double completedShare(ServiceLine service) {
        return 1 - noShowRate(service) - cancelRate(service);
    }
}
