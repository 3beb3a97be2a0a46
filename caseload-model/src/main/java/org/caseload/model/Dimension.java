package org.caseload.model;

import java.util.Optional;
import org.caseload.model.expr.Expr;

/**
 * A way to slice metrics. {@code key} identifies a member (a source id, or a value such as a region);
 * {@code display} is the member's label when it differs from the key (location name). Both are
 * expressions over {@code table}'s columns, or qualified columns of tables joined to the fact.
 */
public record Dimension(
        String name,
        String label,
        String description,
        String table,
        Expr key,
        Optional<Expr> display,
        SourceLocation location) {

    /** True when the label has to be looked up after aggregation (by key in the dimension table). */
    public boolean hasDisplay() {
        return display.isPresent();
    }
}
