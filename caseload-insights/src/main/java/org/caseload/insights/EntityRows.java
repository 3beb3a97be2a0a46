package org.caseload.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseload.engine.execute.QueryResult;
import org.caseload.model.Dimension;
import org.caseload.model.Grain;

/**
 * The engine's rows re-read as (entity, peer group, period) → metric values: the aggregated input
 * of every statistic here. Aggregation stays in SQL; this only reshapes.
 */
public final class EntityRows {
    /** A member of a dimension: its key and what people call it. */
    public record Member(String key, String label) {
        public static final Member ALL = new Member("", "all");
    }

    public record Row(Member entity, Member peer, Optional<LocalDate> period, Map<String, Double> values) {
        public Double value(String metric) {
            return values.get(metric);
        }
    }

    private EntityRows() {}

    /** The dimension an insight request names in {@code field}, or a request error with a suggestion. */
    public static Dimension dimension(org.caseload.model.SemanticModel model, String name, String field) {
        return model.dimension(name).orElseThrow(() -> new org.caseload.engine.query.RequestException(field,
                "unknown dimension '" + name + "'", org.caseload.model.Suggestions.didYouMean(name, model.dimensions().keySet())));
    }

    public static List<Row> of(QueryResult result, Dimension by, Optional<Dimension> within, Optional<Grain> grain,
                               List<String> metrics) {
        int byKey = result.columnIndex(by.name());
        int byLabel = by.hasDisplay() ? result.columnIndex(by.name() + "_label") : byKey;
        int peerKey = within.map(w -> result.columnIndex(w.name())).orElse(-1);
        int peerLabel = within.map(w -> w.hasDisplay() ? result.columnIndex(w.name() + "_label") : result.columnIndex(w.name())).orElse(-1);
        int time = grain.map(g -> result.columnIndex(g.yamlName())).orElse(-1);
        List<Row> out = new ArrayList<>();
        for (Object[] r : result.rows()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String m : metrics) {
                Object v = r[result.columnIndex(m)];
                values.put(m, v == null ? null : ((Number) v).doubleValue());
            }
            Member entity = member(r[byKey], r[byLabel]);
            Member peer = peerKey < 0 ? Member.ALL : member(r[peerKey], r[peerLabel]);
            out.add(new Row(entity, peer, time < 0 ? Optional.empty() : Optional.of((LocalDate) r[time]), values));
        }
        return out;
    }

    private static Member member(Object key, Object label) {
        String k = key == null ? "" : key.toString();
        return new Member(k, label == null ? "(none)" : label.toString());
    }
}
