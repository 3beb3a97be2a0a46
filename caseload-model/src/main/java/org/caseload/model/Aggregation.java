package org.caseload.model;

/** How a measure folds rows. MEDIAN and PERCENTILE need an ordered-set aggregate from the dialect. */
public enum Aggregation {
    COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, MEDIAN, PERCENTILE;

    public String yamlName() {
        return name().toLowerCase();
    }

    /** True if the value is only defined relative to an ordering of all rows (not decomposable). */
    public boolean ordered() {
        return this == MEDIAN || this == PERCENTILE;
    }
}
