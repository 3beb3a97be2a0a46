package org.caseload.insights.outlier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.model.Grain;

/**
 * Flag members of {@code by} whose {@code metric} stands out, per period when a grain is given,
 * against their peers (sharing the {@code within} member) or their own past. {@code minVolume} is
 * the smallest denominator (visits, by default) for which a ratio is tested at all.
 */
public record OutlierRequest(String metric, String by, Optional<String> within, Optional<Grain> grain, Method method,
                             OptionalDouble threshold, Optional<LocalDate> from, Optional<LocalDate> to,
                             List<DimensionFilter> filters, int minVolume) {
    public static final int DEFAULT_MIN_VOLUME = 30;

    public OutlierRequest {
        filters = List.copyOf(filters);
    }

    public double effectiveThreshold() {
        return threshold.orElse(method.defaultThreshold);
    }
}
