package org.caseload.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.engine.plan.OutputColumn.Role;
import org.caseload.model.Dimension;

/**
 * Which result columns a person sees, under which names: each dimension once, as its label
 * (location name) or with {@code --keys} as its key (the source id); the time column named after
 * its grain; then the metrics.
 */
public final class ResultView {
    public record Shown(int index, String name, String label, OutputColumn column) {}

    private ResultView() {}

    public static List<Shown> columns(List<OutputColumn> columns, boolean keys) {
        List<Shown> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            OutputColumn c = columns.get(i);
            boolean hasLabel = c.dimension().map(Dimension::hasDisplay).orElse(false);
            if (c.role() == Role.DIMENSION_KEY && hasLabel && !keys) continue;
            if (c.role() == Role.DIMENSION_LABEL && keys) continue;
            String name = c.role() == Role.DIMENSION_LABEL ? c.dimension().orElseThrow().name() : c.name();
            out.add(new Shown(i, name, c.label(), c));
        }
        return out;
    }
}
