package org.caseload.engine.plan;

import java.util.Optional;
import org.caseload.model.Dimension;
import org.caseload.model.Format;
import org.caseload.model.Metric;

/**
 * A column of the result, in output order. Dimensions yield a key column and, when they have a
 * display expression, a label column; metrics yield their value and, when compared, the previous
 * value, delta and delta %.
 */
public record OutputColumn(String name, String label, Role role, Optional<Format> format,
                           Optional<Metric> metric, Optional<Dimension> dimension) {
    public enum Role { DIMENSION_KEY, DIMENSION_LABEL, TIME, METRIC, PREVIOUS, DELTA, DELTA_PCT }

    public boolean isMetricValue() {
        return role == Role.METRIC || role == Role.PREVIOUS || role == Role.DELTA || role == Role.DELTA_PCT;
    }
}
