package org.caseload.ingest.demo;

import static org.caseload.ingest.demo.RoleGroup.DENTIST;
import static org.caseload.ingest.demo.RoleGroup.NURSE;
import static org.caseload.ingest.demo.RoleGroup.NURSE_PRACTITIONER;
import static org.caseload.ingest.demo.RoleGroup.PHYSICIAN;
import static org.caseload.ingest.demo.RoleGroup.THERAPIST;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The demo's service lines and how each behaves: relative volume, visit length, wait, no-show and
 * cancellation rates, charges, weekly and seasonal rhythm, and which clinical roles deliver it.
 */
enum ServiceLine {
    PRIMARY_CARE("primary_care", "Primary care", 1.00, 20, 14, 0.080, 0.040, 110, 240, 0.35, 0.12,
            List.of(new RoleShare(PHYSICIAN, 0.40), new RoleShare(NURSE_PRACTITIONER, 0.35), new RoleShare(NURSE, 0.25))),
    DENTAL("dental", "Dental", 0.55, 32, 8, 0.090, 0.050, 90, 400, 0.50, 0.00,
            List.of(new RoleShare(DENTIST, 0.55), new RoleShare(NURSE, 0.45))),
    URGENT_CARE("urgent_care", "Urgent care", 0.90, 16, 24, 0.030, 0.020, 150, 320, 0.95, 0.25,
            List.of(new RoleShare(PHYSICIAN, 0.35), new RoleShare(NURSE_PRACTITIONER, 0.40), new RoleShare(NURSE, 0.25))),
    PEDIATRICS("pediatrics", "Pediatrics", 0.50, 18, 12, 0.080, 0.040, 100, 200, 0.30, 0.15,
            List.of(new RoleShare(PHYSICIAN, 0.45), new RoleShare(NURSE_PRACTITIONER, 0.30), new RoleShare(NURSE, 0.25))),
    PHYSICAL_THERAPY("physical_therapy", "Physical therapy", 0.40, 38, 6, 0.100, 0.050, 80, 170, 0.25, -0.04,
            List.of(new RoleShare(THERAPIST, 1.00))),
    BEHAVIORAL_HEALTH("behavioral_health", "Behavioral health", 0.35, 45, 5, 0.120, 0.050, 120, 250, 0.15, 0.05,
            List.of(new RoleShare(THERAPIST, 0.75), new RoleShare(NURSE_PRACTITIONER, 0.25)));

    /** A clinical role's share of a service line's staff. */
    record RoleShare(RoleGroup role, double share) {}

    /** Monday to Friday: booked clinics front-load the week, walk-in care is flatter. */
    private static final double[] BOOKED_WEEKDAYS = {1.12, 1.04, 1.00, 1.00, 0.94};
    private static final double[] WALK_IN_WEEKDAYS = {1.08, 1.00, 0.98, 0.98, 1.00};
    private static final double URGENT_CARE_SUNDAY = 0.85;

    final String id;
    final String label;
    final double weight;
    final int durationMinutes;
    final int waitMinutes;
    final double noShowRate;
    final double cancelRate;
    final int minChargeDollars;
    final int maxChargeDollars;
    final double saturdayFactor;
    /** Amplitude of the yearly cosine peaking in late January: respiratory season for walk-in care. */
    final double winterPeak;
    final List<RoleShare> roles;

    ServiceLine(String id, String label, double weight, int durationMinutes, int waitMinutes, double noShowRate,
            double cancelRate, int minChargeDollars, int maxChargeDollars, double saturdayFactor, double winterPeak,
            List<RoleShare> roles) {
        this.id = id;
        this.label = label;
        this.weight = weight;
        this.durationMinutes = durationMinutes;
        this.waitMinutes = waitMinutes;
        this.noShowRate = noShowRate;
        this.cancelRate = cancelRate;
        this.minChargeDollars = minChargeDollars;
        this.maxChargeDollars = maxChargeDollars;
        this.saturdayFactor = saturdayFactor;
        this.winterPeak = winterPeak;
        this.roles = roles;
    }

    boolean walkIn() {
        return this == URGENT_CARE;
    }

    /** Relative volume by weekday; 0 means closed (Sundays, except urgent care). */
    double weekdayFactor(DayOfWeek day) {
        return switch (day) {
            case SATURDAY -> saturdayFactor;
            case SUNDAY -> walkIn() ? URGENT_CARE_SUNDAY : 0;
            default -> (walkIn() ? WALK_IN_WEEKDAYS : BOOKED_WEEKDAYS)[day.ordinal()];
        };
    }
}
