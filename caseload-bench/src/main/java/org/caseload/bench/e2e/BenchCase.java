package org.caseload.bench.e2e;

import java.util.List;
import org.caseload.engine.query.MetricRequest;

/**
 * One representative question asked twice: as a metric request to the engine, and as the SQL an
 * analyst would write for it by hand, with its JDBC parameters in order.
 */
public record BenchCase(String name, String description, MetricRequest request, String handSql, List<Object> handParams) {
    public BenchCase {
        handParams = List.copyOf(handParams);
    }
}
