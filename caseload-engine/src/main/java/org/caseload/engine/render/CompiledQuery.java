package org.caseload.engine.render;

import java.util.List;
import org.caseload.engine.plan.QueryPlan;
import org.jooq.Record;
import org.jooq.Select;

/**
 * A planned and rendered request. {@link #inlineSql()} has every value as a literal and runs as-is
 * in the database's console; {@link #parameterSql()} with {@link #bindValues()} is what executes.
 */
public record CompiledQuery(QueryPlan plan, Select<Record> query, String inlineSql, String parameterSql,
                            List<Object> bindValues) {
    public CompiledQuery {
        bindValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(bindValues));
    }
}
