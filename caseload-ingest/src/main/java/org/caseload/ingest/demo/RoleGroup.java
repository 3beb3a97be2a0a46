package org.caseload.ingest.demo;

/** The demo's role groups with their hourly cost ranges in cents. */
enum RoleGroup {
    PHYSICIAN("physician", "Physician", true, 110_00, 160_00),
    NURSE_PRACTITIONER("nurse_practitioner", "Nurse practitioner", true, 70_00, 90_00),
    NURSE("nurse", "Nurse", true, 40_00, 55_00),
    THERAPIST("therapist", "Therapist", true, 45_00, 65_00),
    DENTIST("dentist", "Dentist", true, 90_00, 130_00),
    FRONT_DESK("front_desk", "Front desk", false, 18_00, 25_00);

    final String id;
    final String label;
    final boolean clinical;
    final int minHourlyCents;
    final int maxHourlyCents;

    RoleGroup(String id, String label, boolean clinical, int minHourlyCents, int maxHourlyCents) {
        this.id = id;
        this.label = label;
        this.clinical = clinical;
        this.minHourlyCents = minHourlyCents;
        this.maxHourlyCents = maxHourlyCents;
    }
}
