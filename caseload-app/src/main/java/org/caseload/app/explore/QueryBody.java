package org.caseload.app.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.query.Order;
import org.caseload.engine.query.RequestException;
import org.caseload.engine.query.RequestSyntax;

/**
 * A metric request as JSON (the body of {@code POST /api/query}, and what tiles and explorations
 * store). Field names in errors are these JSON fields, e.g. {@code filters[1].op}.
 */
public record QueryBody(List<String> metrics, List<String> dimensions, String grain, String from, String to,
                        List<FilterBody> filters, List<String> having, List<String> order, Integer limit, String compare) {

    public QueryBody {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        filters = filters == null ? List.of() : List.copyOf(filters);
        having = having == null ? List.of() : List.copyOf(having);
        order = order == null ? List.of() : List.copyOf(order);
    }

    /** {@code op} is eq, in or not_in; values are member keys or labels. */
    public record FilterBody(String dimension, String op, List<String> values) {}

    public MetricRequest toRequest() {
        List<DimensionFilter> f = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            FilterBody b = filters.get(i);
            String field = "filters[" + i + "]";
            if (b.dimension() == null || b.dimension().isBlank()) {
                throw new RequestException(field + ".dimension", "a filter needs a dimension");
            }
            DimensionFilter.Op op = switch (b.op() == null ? "in" : b.op()) {
                case "eq" -> DimensionFilter.Op.EQ;
                case "in" -> DimensionFilter.Op.IN;
                case "not_in" -> DimensionFilter.Op.NOT_IN;
                default -> throw new RequestException(field + ".op", "unknown op '" + b.op() + "'", Optional.of("one of eq, in, not_in"));
            };
            f.add(new DimensionFilter(b.dimension(), op, b.values() == null ? List.of() : b.values()));
        }
        List<MetricFilter> h = new ArrayList<>();
        for (int i = 0; i < having.size(); i++) h.add(RequestSyntax.having(having.get(i), "having[" + i + "]"));
        List<Order> o = order.stream().map(RequestSyntax::order).toList();
        if (limit != null && limit > 100_000) {
            throw new RequestException("limit", "limit is at most 100000 rows in the API", Optional.of("use /api/query.csv for exports"));
        }
        return new MetricRequest(metrics, dimensions,
                Optional.ofNullable(grain).filter(g -> !g.isBlank()).map(g -> RequestSyntax.grain(g, "grain")),
                Optional.ofNullable(from).filter(d -> !d.isBlank()).map(d -> RequestSyntax.date(d, "from")),
                Optional.ofNullable(to).filter(d -> !d.isBlank()).map(d -> RequestSyntax.date(d, "to")),
                f, h, o, limit == null ? OptionalInt.empty() : OptionalInt.of(limit),
                Optional.ofNullable(compare).filter(c -> !c.isBlank()).map(c -> RequestSyntax.comparison(c, "compare")));
    }
}
