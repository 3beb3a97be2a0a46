package org.caseload.engine.render;

import java.util.Collections;
import java.util.List;
import org.caseload.engine.plan.QueryPlan;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;

/**
 * A planned and rendered request. {@link #sql()} is what executes (bind markers, unformatted);
 * {@link #inlineSql()} has every value as a literal, formatted, and runs as-is in the database's
 * console; {@link #parameterSql()} with {@link #bindValues()} is the formatted placeholder form.
 * Each text is rendered on first use only: most callers need one of them.
 */
public final class CompiledQuery {
    private final QueryPlan plan;
    private final Select<Record> query;
    private final DSLContext display;
    private final DSLContext execution;
    private String sql;
    private String inlineSql;
    private String parameterSql;
    private List<Object> bindValues;

    CompiledQuery(QueryPlan plan, Select<Record> query, DSLContext display, DSLContext execution) {
        this.plan = plan;
        this.query = query;
        this.display = display;
        this.execution = execution;
    }

    public QueryPlan plan() {
        return plan;
    }

    /** The jOOQ query, for execution through a DSLContext attached to a connection. */
    public Select<Record> query() {
        return query;
    }

    public synchronized String sql() {
        if (sql == null) sql = execution.render(query);
        return sql;
    }

    public synchronized String inlineSql() {
        if (inlineSql == null) inlineSql = display.renderInlined(query);
        return inlineSql;
    }

    public synchronized String parameterSql() {
        if (parameterSql == null) parameterSql = display.render(query);
        return parameterSql;
    }

    public synchronized List<Object> bindValues() {
        if (bindValues == null) bindValues = Collections.unmodifiableList(new java.util.ArrayList<>(execution.extractBindValues(query)));
        return bindValues;
    }
}
