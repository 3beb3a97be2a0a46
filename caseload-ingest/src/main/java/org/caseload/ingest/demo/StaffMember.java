package org.caseload.ingest.demo;

/** One person on the fixed roster: works shifts for one service line at their home location. */
record StaffMember(
        int index,
        String id,
        String name,
        RoleGroup role,
        Location home,
        ServiceLine service,
        int hourlyCents) {

    /** Cost of {@code minutes} of work, rounded half up to the cent. */
    long costCents(int minutes) {
        return ((long) minutes * hourlyCents + 30) / 60;
    }
}
