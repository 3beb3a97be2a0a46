package org.caseload.model;

import java.util.Optional;
import org.caseload.model.expr.Expr;

/**
 * An aggregate over one fact: {@code agg(expr) where filter}. {@code expr} is absent for COUNT
 * (count rows); {@code percentile} is present only for PERCENTILE.
 */
public record Measure(
        String name,
        String fact,
        Aggregation agg,
        Optional<Expr> expr,
        Optional<Expr> filter,
        Optional<Double> percentile,
        SourceLocation location) {}
