package org.caseload.model.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A portable SQL expression from the model, as a tree. The engine renders it through jOOQ for the
 * connection's dialect, so model text is never pasted into SQL. {@code offset} is the position in
 * the source text, for error messages.
 */
public sealed interface Expr {
    int offset();

    /** A column, optionally qualified by table ({@code patients.birth_year}); in formulas, a metric name. */
    record Ref(Optional<String> table, String name, int offset) implements Expr {
        public String qualified() {
            return table.map(t -> t + "." + name).orElse(name);
        }
    }

    record Text(String value, int offset) implements Expr {}

    record Number(BigDecimal value, int offset) implements Expr {}

    record Bool(boolean value, int offset) implements Expr {}

    record Null(int offset) implements Expr {}

    enum BinaryOp { ADD, SUB, MUL, DIV, CONCAT, EQ, NE, LT, LE, GT, GE, AND, OR }

    record Binary(BinaryOp op, Expr left, Expr right, int offset) implements Expr {}

    record Negate(Expr operand, int offset) implements Expr {}

    record Not(Expr operand, int offset) implements Expr {}

    record IsNull(Expr operand, boolean negated, int offset) implements Expr {}

    record In(Expr operand, List<Expr> values, boolean negated, int offset) implements Expr {
        public In {
            values = List.copyOf(values);
        }
    }

    record Between(Expr operand, Expr low, Expr high, int offset) implements Expr {}

    record When(Expr condition, Expr result) {}

    record Case(List<When> whens, Optional<Expr> otherwise, int offset) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    /** A call of one of the portable {@link Functions}. */
    record Call(String function, List<Expr> args, int offset) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
