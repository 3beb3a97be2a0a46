package org.caseload.engine.render;

import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.plan.Planner;
import org.caseload.engine.plan.QueryPlan;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.model.SemanticModel;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** Request → plan → jOOQ query → SQL text, for one model and dialect. Needs no database. */
public final class QueryCompiler {
    private final Planner planner;
    private final SqlRenderer renderer;
    private final DSLContext display;
    private final DSLContext execution;
    private final Dialect dialect;

    public QueryCompiler(SemanticModel model, Dialect dialect) {
        this.dialect = dialect;
        this.planner = new Planner(model, dialect);
        this.renderer = new SqlRenderer(model, dialect);
        this.display = DSL.using(dialect.sqlDialect(), dialect.settings());
        this.execution = DSL.using(dialect.sqlDialect(), dialect.settings().withRenderFormatted(false));
    }

    public Dialect dialect() {
        return dialect;
    }

    public CompiledQuery compile(MetricRequest request, AccessScope scope) {
        QueryPlan plan = planner.plan(request, scope);
        Select<Record> query = renderer.render(plan);
        return new CompiledQuery(plan, query, display, execution);
    }
}
