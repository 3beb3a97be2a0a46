package org.caseload.model;

/** Whether more of a metric is good news; colours deltas and tells outliers good from bad. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL;

    public String yamlName() {
        return name().toLowerCase();
    }
}
