package org.caseload.engine.query;

/** Which earlier period a request is compared with. */
public enum Comparison {
    /** The range of the same length just before {@code [from, to)}: whole months when the range is whole months. */
    PREVIOUS_PERIOD,
    /** The same range one year earlier. */
    PREVIOUS_YEAR;

    public String wireName() {
        return name().toLowerCase();
    }
}
