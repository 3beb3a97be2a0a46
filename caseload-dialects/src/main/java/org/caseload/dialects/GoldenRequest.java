package org.caseload.dialects;

import java.util.Objects;
import org.caseload.engine.query.MetricRequest;

/**
 * A request every backend must answer like the reference.
 *
 * @param name a stable identifier, used as the dynamic test's name
 * @param request what is asked
 * @param why the feature or trap the request is there for, so a failure says what broke
 */
public record GoldenRequest(String name, MetricRequest request, String why) {
    public GoldenRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(why, "why");
    }

    @Override
    public String toString() {
        return name;
    }
}
