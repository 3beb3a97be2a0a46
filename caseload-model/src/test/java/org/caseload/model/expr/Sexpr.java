package org.caseload.model.expr;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Prints an expression tree as an S-expression, e.g. {@code (+ a (* b c))}, so tests can state trees briefly. */
final class Sexpr {
    private Sexpr() {}

    static String show(Expr e) {
        if (e instanceof Expr.Ref r) return r.qualified();
        if (e instanceof Expr.Text t) return "'" + t.value() + "'";
        if (e instanceof Expr.Number n) return n.value().toPlainString();
        if (e instanceof Expr.Bool b) return String.valueOf(b.value());
        if (e instanceof Expr.Null) return "null";
        if (e instanceof Expr.Negate n) return "(neg " + show(n.operand()) + ")";
        if (e instanceof Expr.Not n) return "(not " + show(n.operand()) + ")";
        if (e instanceof Expr.IsNull n) return "(" + (n.negated() ? "is-not-null " : "is-null ") + show(n.operand()) + ")";
        if (e instanceof Expr.Between b) {
            return "(between " + show(b.operand()) + " " + show(b.low()) + " " + show(b.high()) + ")";
        }
        if (e instanceof Expr.In in) {
            return "(" + (in.negated() ? "not-in " : "in ") + show(in.operand()) + " "
                    + in.values().stream().map(Sexpr::show).collect(Collectors.joining(" ")) + ")";
        }
        if (e instanceof Expr.Call c) {
            return "(" + c.function() + " " + c.args().stream().map(Sexpr::show).collect(Collectors.joining(" ")) + ")";
        }
        if (e instanceof Expr.Case c) {
            return "(case " + Stream.concat(
                    c.whens().stream().map(w -> "(when " + show(w.condition()) + " " + show(w.result()) + ")"),
                    c.otherwise().stream().map(o -> "(else " + show(o) + ")")).collect(Collectors.joining(" ")) + ")";
        }
        Expr.Binary b = (Expr.Binary) e;
        String op = switch (b.op()) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case CONCAT -> "||";
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case AND -> "and";
            case OR -> "or";
        };
        return "(" + op + " " + show(b.left()) + " " + show(b.right()) + ")";
    }
}
