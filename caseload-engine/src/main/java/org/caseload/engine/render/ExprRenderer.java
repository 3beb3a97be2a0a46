package org.caseload.engine.render;

import static org.jooq.impl.DSL.inline;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.caseload.engine.dialect.Dialect;
import org.caseload.model.expr.Expr;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders a model expression as jOOQ QueryParts. Column references are resolved by the caller
 * (so the same expression can read a fact table, a joined table or an aggregate); literals from
 * the model are inlined (they are the model author's constants, and inlining keeps GROUP BY
 * expressions identical on every server); division is always a null-safe fraction.
 */
final class ExprRenderer {
    private final Dialect dialect;
    private final Function<Expr.Ref, Field<?>> columns;

    ExprRenderer(Dialect dialect, Function<Expr.Ref, Field<?>> columns) {
        this.dialect = dialect;
        this.columns = columns;
    }

    Condition condition(Expr e) {
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case AND: return condition(b.left()).and(condition(b.right()));
                case OR: return condition(b.left()).or(condition(b.right()));
                case EQ: return obj(b.left()).eq(obj(b.right()));
                case NE: return obj(b.left()).ne(obj(b.right()));
                case LT: return obj(b.left()).lt(obj(b.right()));
                case LE: return obj(b.left()).le(obj(b.right()));
                case GT: return obj(b.left()).gt(obj(b.right()));
                case GE: return obj(b.left()).ge(obj(b.right()));
                default: break;
            }
        }
        if (e instanceof Expr.Not n) return DSL.not(condition(n.operand()));
        if (e instanceof Expr.IsNull n) return n.negated() ? field(n.operand()).isNotNull() : field(n.operand()).isNull();
        if (e instanceof Expr.In in) {
            List<Field<Object>> values = in.values().stream().map(this::obj).toList();
            return in.negated() ? obj(in.operand()).notIn(values) : obj(in.operand()).in(values);
        }
        if (e instanceof Expr.Between b) return obj(b.operand()).between(obj(b.low()), obj(b.high()));
        if (e instanceof Expr.Bool b) return b.value() ? DSL.trueCondition() : DSL.falseCondition();
        // A boolean column or function used as a condition.
        return DSL.condition(field(e).coerce(SQLDataType.BOOLEAN));
    }

    @SuppressWarnings("unchecked")
    Field<?> field(Expr e) {
        if (e instanceof Expr.Ref r) return columns.apply(r);
        if (e instanceof Expr.Text t) return inline(t.value());
        if (e instanceof Expr.Number n) return number(n.value());
        if (e instanceof Expr.Bool b) return inline(b.value());
        if (e instanceof Expr.Null) return inline((Object) null);
        if (e instanceof Expr.Negate n) return num(n.operand()).neg();
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case ADD: return num(b.left()).plus(num(b.right()));
                case SUB: return num(b.left()).minus(num(b.right()));
                case MUL: return num(b.left()).times(num(b.right()));
                case DIV: return dialect.ratio(field(b.left()), field(b.right()));
                case CONCAT: return DSL.concat(field(b.left()), field(b.right()));
                default: return DSL.field(condition(e));
            }
        }
        if (e instanceof Expr.Case c) {
            CaseConditionStep<Object> step = null;
            for (Expr.When w : c.whens()) {
                step = step == null ? DSL.when(condition(w.condition()), obj(w.result()))
                        : step.when(condition(w.condition()), obj(w.result()));
            }
            return c.otherwise().isPresent() ? step.otherwise(obj(c.otherwise().get())) : step;
        }
        if (e instanceof Expr.Call c) return call(c);
        return DSL.field(condition(e));
    }

    @SuppressWarnings("unchecked")
    private Field<?> call(Expr.Call c) {
        List<Field<?>> args = c.args().stream().<Field<?>>map(this::field).toList();
        switch (c.function()) {
            case "minutes_between":
                return dialect.secondsBetween(ts(args.get(0)), ts(args.get(1))).div(inline(60.0e0));
            case "hours_between":
                return dialect.secondsBetween(ts(args.get(0)), ts(args.get(1))).div(inline(3600.0e0));
            case "date": return args.get(0).cast(SQLDataType.LOCALDATE);
            case "year": return DSL.year(ts(args.get(0)));
            case "coalesce": return coalesce(args.get(0), rest(args));
            case "nullif": return nullif(args.get(0), args.get(1));
            case "concat": return DSL.concat(args.toArray(new Field<?>[0]));
            case "lower": return DSL.lower(args.get(0).coerce(SQLDataType.VARCHAR));
            case "upper": return DSL.upper(args.get(0).coerce(SQLDataType.VARCHAR));
            case "abs": return DSL.abs(numField(args.get(0)));
            case "round": return args.size() == 1 ? DSL.round(numField(args.get(0)))
                    : DSL.round(numField(args.get(0)), ((Number) ((Expr.Number) c.args().get(1)).value()).intValue());
            case "greatest": return DSL.greatest(objField(args.get(0)), rest(args));
            case "least": return DSL.least(objField(args.get(0)), rest(args));
            default: throw new IllegalStateException("function " + c.function() + " is in the model's list but not rendered");
        }
    }

    // Generic helpers: with T = Object, jOOQ's (Field<T>, T) overloads would make these calls ambiguous.
    private static <T> Field<T> coalesce(Field<T> first, Field<?>[] others) {
        return DSL.coalesce(first, others);
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> nullif(Field<T> value, Field<?> other) {
        return DSL.nullif(value, (Field<T>) other);
    }

    private static Field<?>[] rest(List<Field<?>> args) {
        return args.subList(1, args.size()).toArray(new Field<?>[0]);
    }

    private static Field<?> number(BigDecimal v) {
        if (v.scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
            return inline(v.intValueExact());
        }
        return inline(v);
    }

    @SuppressWarnings("unchecked")
    private Field<Object> obj(Expr e) {
        return (Field<Object>) field(e);
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> objField(Field<?> f) {
        return (Field<Object>) f;
    }

    private Field<BigDecimal> num(Expr e) {
        return numField(field(e));
    }

    private static Field<BigDecimal> numField(Field<?> f) {
        return f.coerce(SQLDataType.NUMERIC);
    }

    private static Field<LocalDateTime> ts(Field<?> f) {
        return f.coerce(SQLDataType.LOCALDATETIME);
    }
}
