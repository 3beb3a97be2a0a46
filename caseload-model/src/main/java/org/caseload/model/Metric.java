package org.caseload.model;

import java.util.Optional;
import org.caseload.model.expr.Expr;

/**
 * A named, formatted number users ask for: either one measure, or a formula over measures and
 * other metrics. Formulas are evaluated after aggregation, so ratios are ratios of sums.
 */
public record Metric(
        String name,
        String label,
        String description,
        Format format,
        Direction direction,
        Optional<String> measure,
        Optional<Expr> formula,
        Optional<String> formulaText,
        SourceLocation location) {

    public boolean isFormula() {
        return formula.isPresent();
    }
}
