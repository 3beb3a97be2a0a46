package org.caseload.engine.render;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.engine.dialect.Dialect;
import org.caseload.engine.plan.OutputColumn;
import org.caseload.engine.plan.QueryPlan;
import org.caseload.engine.plan.QueryPlan.FactQuery;
import org.caseload.engine.plan.QueryPlan.PeriodShift;
import org.caseload.engine.plan.QueryPlan.Restriction;
import org.caseload.engine.plan.QueryPlan.TimeRange;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.Aggregation;
import org.caseload.model.Dimension;
import org.caseload.model.Fact;
import org.caseload.model.Join;
import org.caseload.model.Measure;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;
import org.caseload.model.expr.Expr;
import org.caseload.model.expr.Exprs;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders a {@link QueryPlan} as one jOOQ SELECT, aggregate first and join after:
 * <ol>
 *   <li>one CTE per fact ({@code visits_agg}) groups that fact alone by the dimension keys and time
 *       bucket, so a join can never multiply another fact's rows;</li>
 *   <li>with several facts, the union of their keys ({@code all_keys}) is left-joined to each
 *       aggregate, which is portable where FULL JOIN is not (MySQL);</li>
 *   <li>a {@code result} CTE computes the metrics from the aggregates (formulas after aggregation,
 *       so ratios are ratios of sums);</li>
 *   <li>the final SELECT joins dimension tables for labels, the comparison period if any, and
 *       applies HAVING, ORDER BY and LIMIT.</li>
 * </ol>
 * Model literals are inlined; user values (filters, dates, HAVING) are bind values.
 */
public final class SqlRenderer {
    private static final String RESULT = "result";
    private static final String PREVIOUS = "previous";

    private final SemanticModel model;
    private final Dialect dialect;

    public SqlRenderer(SemanticModel model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
    }

    public Select<Record> render(QueryPlan plan) {
        List<CommonTableExpression<?>> ctes = new ArrayList<>();
        ctes.addAll(period(plan, RESULT, plan.range(), Optional.empty()));
        plan.comparison().ifPresent(c -> ctes.addAll(period(plan, PREVIOUS, Optional.of(c.range()), Optional.of(c))));

        List<Field<?>> select = new ArrayList<>();
        Map<Dimension, String> labelTables = labelTables(plan);
        for (OutputColumn c : plan.columns()) {
            select.add(outputField(c, labelTables).as(c.name()));
        }
        SelectJoinStep<Record> query = DSL.with(ctes).select(select).from(DSL.table(name(RESULT)));
        if (plan.comparison().isPresent()) {
            query = query.leftJoin(DSL.table(name(PREVIOUS))).on(keysEqual(plan, RESULT, PREVIOUS));
        }
        for (Map.Entry<Dimension, String> e : labelTables.entrySet()) {
            Dimension d = e.getKey();
            Table table = WarehouseSchema.table(d.table()).orElseThrow();
            Field<Object> pk = column(e.getValue(), table.column(table.primaryKey()).orElseThrow());
            org.jooq.Table<?> labels = DSL.table(name(d.table()));
            query = query.leftJoin(e.getValue().equals(d.table()) ? labels : labels.as(e.getValue()))
                    .on(pk.eq(resultColumn(RESULT, d.name())));
        }
        List<Condition> having = plan.having().stream().map(h -> having(h)).toList();
        var ordered = query.where(having).orderBy(orderBy(plan, labelTables));
        return plan.limit().isPresent() ? ordered.limit(val(plan.limit().getAsInt())) : ordered;
    }

    // --- per period: fact aggregates, key union, metric values ------------------------------------

    private List<CommonTableExpression<?>> period(QueryPlan plan, String periodName, Optional<TimeRange> range,
                                                  Optional<PeriodShift> shift) {
        String suffix = periodName.equals(RESULT) ? "" : "_" + periodName;
        List<CommonTableExpression<?>> ctes = new ArrayList<>();
        Map<FactQuery, String> aggNames = new LinkedHashMap<>();
        for (FactQuery fq : plan.facts()) {
            String cteName = fq.cteName() + suffix;
            aggNames.put(fq, cteName);
            ctes.add(name(cteName).as(aggregate(plan, fq, range, shift)));
        }
        List<String> keys = keyColumns(plan);
        boolean multiFact = plan.facts().size() > 1;
        TableLike<?> from;
        String keySource;
        if (!multiFact) {
            keySource = aggNames.values().iterator().next();
            from = DSL.table(name(keySource));
        } else if (keys.isEmpty()) {
            // No keys: every aggregate is exactly one row, so a cross join pairs them.
            keySource = null;
            org.jooq.Table<?> t = null;
            for (String n : aggNames.values()) {
                t = t == null ? DSL.table(name(n)) : t.crossJoin(DSL.table(name(n)));
            }
            from = t;
        } else {
            keySource = "all_keys" + suffix;
            Select<Record> union = null;
            for (String n : aggNames.values()) {
                Select<Record> s = DSL.select(keys.stream().map(k -> resultColumn(n, k)).toList()).from(DSL.table(name(n)));
                union = union == null ? s : union.union(s);
            }
            ctes.add(name(keySource).as(union));
            org.jooq.Table<?> t = DSL.table(name(keySource));
            for (String n : aggNames.values()) {
                t = t.leftJoin(DSL.table(name(n))).on(keysEqual(plan, keySource, n));
            }
            from = t;
        }
        List<Field<?>> select = new ArrayList<>();
        for (String k : keys) {
            select.add(resultColumn(keySource, k).as(k));
        }
        for (Metric m : plan.metrics()) {
            select.add(metric(m, measure -> {
                FactQuery fq = plan.facts().stream().filter(f -> f.measures().contains(measure)).findFirst().orElseThrow();
                Field<Object> f = resultColumn(aggNames.get(fq), measure.name());
                // A key missing from one fact's aggregate means none of its rows: zero of a count, not unknown.
                boolean count = measure.agg() == Aggregation.COUNT || measure.agg() == Aggregation.COUNT_DISTINCT;
                return multiFact && count ? DSL.coalesce(f, inline(0)) : f;
            }).as(m.name()));
        }
        ctes.add(name(periodName).as(DSL.select(select).from(from)));
        return ctes;
    }

    /** One fact grouped by the requested keys: {@code select keys, measures from fact [joins] where ... group by keys}. */
    private Select<Record> aggregate(QueryPlan plan, FactQuery fq, Optional<TimeRange> range, Optional<PeriodShift> shift) {
        Fact fact = fq.fact();
        List<Expr> keyExprs = new ArrayList<>();
        List<Field<?>> keys = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        Set<String> keyTables = new LinkedHashSet<>();
        List<Set<String>> tablesPerKey = new ArrayList<>();
        for (Dimension d : plan.dimensions()) {
            Expr key = keyExpression(d, fact);
            keyExprs.add(key);
            tablesPerKey.add(tablesOf(key, d.table()));
            keyTables.addAll(tablesOf(key, d.table()));
            keys.add(renderer(fact, d.table()).field(key));
            keyNames.add(d.name());
        }
        Field<LocalDateTime> time = timeColumn(fact);
        Optional<Field<?>> bucket = plan.grain().map(g -> {
            // The earlier period is bucketed as if moved forward, so its buckets carry the current period's dates.
            Field<LocalDateTime> t = shift.map(s -> dialect.plus(time, s.months(), s.days())).orElse(time);
            return dialect.bucket(t, g);
        });
        Set<String> otherTables = new LinkedHashSet<>();
        ExprRenderer factExprs = renderer(fact, fact.table());
        for (Measure m : fq.measures()) {
            m.expr().ifPresent(e -> otherTables.addAll(tablesOf(e, fact.table())));
            m.filter().ifPresent(e -> otherTables.addAll(tablesOf(e, fact.table())));
        }
        List<Condition> where = new ArrayList<>();
        range.ifPresent(r -> where.add(time.ge(val(r.from())).and(time.lt(val(r.to())))));
        for (Restriction r : plan.restrictions()) {
            Expr key = keyExpression(r.dimension(), fact);
            otherTables.addAll(tablesOf(key, r.dimension().table()));
            ExprRenderer dimExprs = renderer(fact, r.dimension().table());
            List<Field<String>> values = r.values().stream().<Field<String>>map(v -> val(v)).toList();
            Condition c = dimExprs.field(key).coerce(SQLDataType.VARCHAR).in(values);
            if (!r.grant() && r.dimension().display().isPresent()) {
                // A filter value may be a member's key or its label (grants are always keys). Labels are
                // matched in a subquery on the small dimension table, so the fact needs no join for them.
                c = c.or(dimExprs.field(key).coerce(SQLDataType.VARCHAR).in(keysWithLabel(r.dimension(), values)));
            }
            where.add(r.negated() ? DSL.not(c) : c);
        }
        Set<String> rollup = rollupTables(fact, fq, tablesPerKey, otherTables);
        if (!rollup.isEmpty()) {
            return rolledUp(fact, fq, keyExprs, keys, keyNames, bucket, plan, rollup, otherTables, where);
        }
        Set<String> tables = new LinkedHashSet<>(keyTables);
        tables.addAll(otherTables);
        List<Field<?>> groupBy = new ArrayList<>(keys);
        bucket.ifPresent(groupBy::add);
        List<String> names = new ArrayList<>(keyNames);
        plan.grain().ifPresent(g -> names.add(g.yamlName()));
        List<Field<?>> select = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            select.add(groupBy.get(i).as(names.get(i)));
        }
        for (Measure m : fq.measures()) {
            select.add(aggregateField(m, factExprs).as(m.name()));
        }
        var filtered = joined(fact, DSL.select(select).from(DSL.table(name(fact.table()))), tables).where(where);
        // GROUP BY repeats the expressions: aliases in GROUP BY are not portable.
        return groupBy.isEmpty() ? filtered : filtered.groupBy(groupBy);
    }

    /**
     * Dimension tables needed only to read a grouping key (a location's region), joined straight
     * from the fact. When every measure can be re-aggregated (counts, sums, min, max), the fact is
     * grouped by the foreign key first and the few groups are joined and rolled up, instead of
     * joining the dimension table onto every fact row.
     */
    private static Set<String> rollupTables(Fact fact, FactQuery fq, List<Set<String>> tablesPerKey, Set<String> otherTables) {
        boolean decomposable = fq.measures().stream().allMatch(m -> m.agg() == Aggregation.COUNT || m.agg() == Aggregation.SUM
                || m.agg() == Aggregation.MIN || m.agg() == Aggregation.MAX);
        if (!decomposable) return Set.of();
        Set<String> needed = new LinkedHashSet<>();
        joinPath(fact, otherTables).forEach(j -> needed.add(j.table()));
        Set<String> out = new LinkedHashSet<>();
        for (Set<String> keyTables : tablesPerKey) {
            boolean rollable = keyTables.size() == 1 && keyTables.stream().allMatch(t -> !t.equals(fact.table())
                    && fact.joinTo(t).map(j -> j.from().equals(fact.table())).orElse(false) && !needed.contains(t));
            if (rollable) {
                out.addAll(keyTables);
            } else if (keyTables.stream().anyMatch(t -> !t.equals(fact.table()) && !needed.contains(t))) {
                // A key reading a dimension table together with others (age at the visit) needs that join in the scan.
                return Set.of();
            }
        }
        return out;
    }

    private Select<Record> rolledUp(Fact fact, FactQuery fq, List<Expr> keyExprs, List<Field<?>> keys, List<String> keyNames,
                                    Optional<Field<?>> bucket, QueryPlan plan, Set<String> rollup, Set<String> innerTables,
                                    List<Condition> where) {
        String inner = fact.name() + "_by_key";
        List<Field<?>> innerGroup = new ArrayList<>();
        List<Field<?>> innerSelect = new ArrayList<>();
        for (String t : rollup) {
            Join j = fact.joinTo(t).orElseThrow();
            Field<Object> fk = column(fact.table(), tableColumn(fact.table(), j.column()));
            innerGroup.add(fk);
            innerSelect.add(fk.as(fkName(t)));
        }
        List<Field<?>> outerKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean viaRollup = tablesOf(keyExprs.get(i), plan.dimensions().get(i).table()).stream().anyMatch(rollup::contains);
            if (viaRollup) {
                outerKeys.add(keys.get(i)); // reads the joined dimension table in the outer query
            } else {
                innerGroup.add(keys.get(i));
                innerSelect.add(keys.get(i).as(keyNames.get(i)));
                outerKeys.add(resultColumn(inner, keyNames.get(i)));
            }
        }
        List<String> names = new ArrayList<>(keyNames);
        if (bucket.isPresent()) {
            String g = plan.grain().orElseThrow().yamlName();
            innerGroup.add(bucket.get());
            innerSelect.add(bucket.get().as(g));
            outerKeys.add(resultColumn(inner, g));
            names.add(g);
        }
        ExprRenderer factExprs = renderer(fact, fact.table());
        List<Field<?>> outerSelect = new ArrayList<>();
        for (int i = 0; i < outerKeys.size(); i++) {
            outerSelect.add(outerKeys.get(i).as(names.get(i)));
        }
        for (Measure m : fq.measures()) {
            innerSelect.add(aggregateField(m, factExprs).as(m.name()));
            Field<Object> partial = resultColumn(inner, m.name());
            outerSelect.add((switch (m.agg()) {
                case MIN -> DSL.min(partial);
                case MAX -> DSL.max(partial);
                // A sum of counts is NUMERIC on PostgreSQL and DECIMAL on MySQL; a count must stay an integer.
                case COUNT, COUNT_DISTINCT -> DSL.sum(partial.coerce(SQLDataType.NUMERIC)).cast(SQLDataType.BIGINT);
                default -> DSL.sum(partial.coerce(SQLDataType.NUMERIC));
            }).as(m.name()));
        }
        org.jooq.Table<?> byKey = joined(fact, DSL.select(innerSelect).from(DSL.table(name(fact.table()))), innerTables)
                .where(where).groupBy(innerGroup).asTable(inner);
        SelectJoinStep<Record> outer = DSL.select(outerSelect).from(byKey);
        for (String t : rollup) {
            Table target = WarehouseSchema.table(t).orElseThrow();
            outer = outer.leftJoin(DSL.table(name(t)))
                    .on(column(t, target.column(target.primaryKey()).orElseThrow()).eq(resultColumn(inner, fkName(t))));
        }
        return outer.groupBy(outerKeys);
    }

    private static String fkName(String table) {
        return table + "_fk";
    }

    /** The fact's select with the joins that reach {@code tables}; left joins, so a missing dimension row never drops a fact row. */
    private SelectJoinStep<Record> joined(Fact fact, SelectJoinStep<Record> q, Set<String> tables) {
        Set<String> others = new LinkedHashSet<>(tables);
        others.remove(fact.table());
        for (Join j : joinPath(fact, others)) {
            Table target = WarehouseSchema.table(j.table()).orElseThrow();
            Table source = WarehouseSchema.table(j.from()).orElseThrow();
            q = q.leftJoin(DSL.table(name(j.table())))
                    .on(column(j.table(), target.column(target.primaryKey()).orElseThrow())
                            .eq(column(j.from(), source.column(j.column()).orElseThrow())));
        }
        return q;
    }

    /** {@code select pk from dimension_table where display in (values)}: the keys of members with those labels. */
    private Select<Record1<String>> keysWithLabel(Dimension d, List<Field<String>> labels) {
        Table table = WarehouseSchema.table(d.table()).orElseThrow();
        String alias = d.table() + "_by_label";
        ExprRenderer own = new ExprRenderer(dialect, ref -> column(alias, tableColumn(ref.table().orElse(d.table()), ref.name())));
        Field<String> pk = column(alias, table.column(table.primaryKey()).orElseThrow()).coerce(SQLDataType.VARCHAR);
        return DSL.select(pk).from(DSL.table(name(d.table())).as(alias))
                .where(own.field(d.display().orElseThrow()).coerce(SQLDataType.VARCHAR).in(labels));
    }

    private Field<?> aggregateField(Measure m, ExprRenderer r) {
        Optional<Condition> filter = m.filter().map(r::condition);
        Field<?> expr = m.expr().map(r::field).orElse(null);
        switch (m.agg()) {
            case COUNT:
                return filter.isPresent() ? DSL.count().filterWhere(filter.get()) : DSL.count();
            case COUNT_DISTINCT:
                return filter.isPresent() ? DSL.countDistinct(expr).filterWhere(filter.get()) : DSL.countDistinct(expr);
            case SUM: {
                var f = DSL.sum(expr.coerce(SQLDataType.NUMERIC));
                return filter.isPresent() ? f.filterWhere(filter.get()) : f;
            }
            case AVG: {
                var f = DSL.avg(expr.coerce(SQLDataType.NUMERIC));
                return filter.isPresent() ? f.filterWhere(filter.get()) : f;
            }
            case MIN: {
                var f = DSL.min(expr);
                return filter.isPresent() ? f.filterWhere(filter.get()) : f;
            }
            case MAX: {
                var f = DSL.max(expr);
                return filter.isPresent() ? f.filterWhere(filter.get()) : f;
            }
            case MEDIAN:
                return DSL.median(onlyWhere(expr, filter).coerce(SQLDataType.NUMERIC));
            case PERCENTILE:
                return DSL.percentileCont(inline(m.percentile().orElseThrow()))
                        .withinGroupOrderBy(onlyWhere(expr, filter).coerce(SQLDataType.NUMERIC));
            default:
                throw new IllegalStateException(m.agg().toString());
        }
    }

    /** Ordered-set aggregates take no FILTER clause everywhere; a CASE yielding null for other rows is equivalent. */
    private static Field<?> onlyWhere(Field<?> expr, Optional<Condition> filter) {
        return filter.isEmpty() ? expr : DSL.when(filter.get(), expr);
    }

    /** A metric's value from aggregate columns: a measure, or a formula with each name resolved recursively. */
    private Field<?> metric(Metric m, java.util.function.Function<Measure, Field<?>> measureColumn) {
        if (m.measure().isPresent()) {
            return measureColumn.apply(model.measures().get(m.measure().get()));
        }
        ExprRenderer formula = new ExprRenderer(dialect, ref -> {
            Optional<Metric> other = model.metric(ref.name());
            return other.isPresent() ? metric(other.get(), measureColumn)
                    : measureColumn.apply(model.measures().get(ref.name()));
        });
        return formula.field(m.formula().orElseThrow());
    }

    // --- final select -----------------------------------------------------------------------------

    private Field<?> outputField(OutputColumn c, Map<Dimension, String> labelTables) {
        switch (c.role()) {
            case DIMENSION_KEY:
            case TIME:
            case METRIC:
                return resultColumn(RESULT, c.name());
            case DIMENSION_LABEL: {
                Dimension d = c.dimension().orElseThrow();
                String alias = labelTables.get(d);
                return new ExprRenderer(dialect, ref -> column(alias, tableColumn(ref.table().orElse(d.table()), ref.name())))
                        .field(d.display().orElseThrow());
            }
            case PREVIOUS:
                return resultColumn(PREVIOUS, c.metric().orElseThrow().name());
            case DELTA:
                return delta(c.metric().orElseThrow());
            case DELTA_PCT:
                return dialect.ratio(delta(c.metric().orElseThrow()), resultColumn(PREVIOUS, c.metric().orElseThrow().name()));
            default:
                throw new IllegalStateException(c.role().toString());
        }
    }

    private Field<?> delta(Metric m) {
        return resultColumn(RESULT, m.name()).coerce(SQLDataType.NUMERIC)
                .minus(resultColumn(PREVIOUS, m.name()).coerce(SQLDataType.NUMERIC));
    }

    private Condition having(QueryPlan.Having h) {
        Field<java.math.BigDecimal> f = resultColumn(RESULT, h.metric().name()).coerce(SQLDataType.NUMERIC);
        Field<java.math.BigDecimal> v = val(h.value());
        return switch (h.op()) {
            case GT -> f.gt(v);
            case GE -> f.ge(v);
            case LT -> f.lt(v);
            case LE -> f.le(v);
            case EQ -> f.eq(v);
            case NE -> f.ne(v);
        };
    }

    /** Explicit sorts first, then dimensions and time ascending, so every result has one deterministic order. */
    private List<OrderField<?>> orderBy(QueryPlan plan, Map<Dimension, String> labelTables) {
        List<OrderField<?>> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (QueryPlan.Sort s : plan.order()) {
            Field<?> f = sortField(plan, s.column(), labelTables);
            out.add(s.descending() ? f.desc().nullsLast() : f.asc().nullsLast());
            used.add(s.column());
        }
        for (OutputColumn c : plan.columns()) {
            if ((c.role() == OutputColumn.Role.DIMENSION_KEY || c.role() == OutputColumn.Role.TIME) && !used.contains(c.name())) {
                SortField<?> f = sortField(plan, c.name(), labelTables).asc().nullsLast();
                out.add(f);
                if (c.role() == OutputColumn.Role.DIMENSION_KEY && c.dimension().orElseThrow().hasDisplay()) {
                    // Labels may repeat (two staff called Lee); the key breaks the tie.
                    out.add(resultColumn(RESULT, c.name()).asc().nullsLast());
                }
            }
        }
        return out;
    }

    private Field<?> sortField(QueryPlan plan, String column, Map<Dimension, String> labelTables) {
        OutputColumn c = plan.columns().stream().filter(x -> x.name().equals(column)).findFirst().orElseThrow();
        if (c.role() == OutputColumn.Role.DIMENSION_KEY && c.dimension().orElseThrow().hasDisplay()) {
            OutputColumn label = plan.columns().stream()
                    .filter(x -> x.role() == OutputColumn.Role.DIMENSION_LABEL && x.dimension().equals(c.dimension()))
                    .findFirst().orElseThrow();
            return outputField(label, labelTables);
        }
        return c.isMetricValue() && c.role() != OutputColumn.Role.METRIC ? outputField(c, labelTables)
                : resultColumn(RESULT, column);
    }

    /**
     * Dimension tables joined after aggregation to look up labels, each under its own alias. An alias
     * never equals an output column's name: Trino resolves a name in ORDER BY to the output column
     * before the table, so {@code "staff"."name"} would mean a field of the {@code staff} column there.
     */
    private static Map<Dimension, String> labelTables(QueryPlan plan) {
        Map<Dimension, String> out = new LinkedHashMap<>();
        Set<String> usedAliases = new LinkedHashSet<>();
        plan.columns().forEach(c -> usedAliases.add(c.name()));
        for (Dimension d : plan.dimensions()) {
            if (d.hasDisplay()) {
                String alias = d.table();
                for (String candidate : List.of(d.table(), d.table() + "_labels", d.table() + "_" + d.name() + "_labels")) {
                    if (!usedAliases.contains(candidate)) {
                        alias = candidate;
                        break;
                    }
                }
                usedAliases.add(alias);
                out.put(d, alias);
            }
        }
        return out;
    }

    // --- helpers --------------------------------------------------------------------------------

    private List<String> keyColumns(QueryPlan plan) {
        List<String> keys = new ArrayList<>();
        plan.dimensions().forEach(d -> keys.add(d.name()));
        plan.grain().ifPresent(g -> keys.add(g.yamlName()));
        return keys;
    }

    /**
     * Key equality between two relations. Keys that can be null (a visit without staff) need
     * IS NOT DISTINCT FROM; keys that cannot use '=', which every engine can hash-join.
     */
    private Condition keysEqual(QueryPlan plan, String left, String right) {
        List<Condition> conditions = new ArrayList<>();
        for (Dimension d : plan.dimensions()) {
            boolean nullable = plan.facts().stream().anyMatch(fq -> keyNullable(d, fq.fact()));
            Field<Object> l = resultColumn(left, d.name());
            Field<Object> r = resultColumn(right, d.name());
            conditions.add(nullable ? l.isNotDistinctFrom(r) : l.eq(r));
        }
        plan.grain().ifPresent(g -> conditions.add(resultColumn(left, g.yamlName()).eq(resultColumn(right, g.yamlName()))));
        return conditions.isEmpty() ? DSL.trueCondition() : DSL.and(conditions);
    }

    private boolean keyNullable(Dimension d, Fact fact) {
        Expr key = keyExpression(d, fact);
        if (key instanceof Expr.Ref r) {
            String table = r.table().orElse(d.table());
            return !table.equals(fact.table()) || tableColumn(table, r.name()).nullable();
        }
        return true;
    }

    /**
     * The dimension's key as read from this fact. A key that is the dimension table's primary key
     * equals the fact's foreign key, so it is read from the fact and the join is skipped.
     */
    static Expr keyExpression(Dimension d, Fact fact) {
        if (d.key() instanceof Expr.Ref r) {
            String table = r.table().orElse(d.table());
            Table t = WarehouseSchema.table(table).orElseThrow();
            Optional<Join> join = fact.joinTo(table);
            if (r.name().equals(t.primaryKey()) && join.isPresent()) {
                return new Expr.Ref(Optional.of(join.get().from()), join.get().column(), r.offset());
            }
        }
        return d.key();
    }

    private static Set<String> tablesOf(Expr e, String ownTable) {
        Set<String> out = new LinkedHashSet<>();
        Exprs.refs(e).forEach(r -> out.add(r.table().orElse(ownTable)));
        return out;
    }

    /** The joins needed to reach {@code tables}, each preceded by the joins it starts from, in model order. */
    private static List<Join> joinPath(Fact fact, Set<String> tables) {
        Set<String> needed = new LinkedHashSet<>();
        for (String t : tables) {
            String cur = t;
            while (!cur.equals(fact.table())) {
                needed.add(cur);
                cur = fact.joinTo(cur).orElseThrow().from();
            }
        }
        return fact.joins().stream().filter(j -> needed.contains(j.table())).toList();
    }

    private ExprRenderer renderer(Fact fact, String ownTable) {
        return new ExprRenderer(dialect, ref -> {
            String table = ref.table().orElse(ownTable);
            return column(table, tableColumn(table, ref.name()));
        });
    }

    private Field<LocalDateTime> timeColumn(Fact fact) {
        return DSL.field(name(fact.table(), fact.timeColumn()), SQLDataType.LOCALDATETIME);
    }

    private static Column tableColumn(String table, String column) {
        return WarehouseSchema.table(table).flatMap(t -> t.column(column)).orElseThrow(
                () -> new IllegalStateException("model refers to " + table + "." + column + ", which validation should have caught"));
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> column(String qualifier, Column c) {
        return (Field<Object>) DSL.field(name(qualifier, c.name()), WarehouseDdl.dataType(c.type()));
    }

    private static Field<Object> resultColumn(String relation, String column) {
        return DSL.field(name(relation, column));
    }
}
