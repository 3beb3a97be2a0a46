package org.caseload.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks expression trees. */
public final class Exprs {
    private Exprs() {}

    /** Every node of the tree, parents before children. */
    public static void walk(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        for (Expr child : children(e)) {
            walk(child, visitor);
        }
    }

    public static List<Expr.Ref> refs(Expr e) {
        List<Expr.Ref> out = new ArrayList<>();
        walk(e, x -> {
            if (x instanceof Expr.Ref r) out.add(r);
        });
        return out;
    }

    /** Direct children. (Java 17 has no pattern switch; this is the one place that lists node kinds.) */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Binary b) return List.of(b.left(), b.right());
        if (e instanceof Expr.Negate n) return List.of(n.operand());
        if (e instanceof Expr.Not n) return List.of(n.operand());
        if (e instanceof Expr.IsNull n) return List.of(n.operand());
        if (e instanceof Expr.Between b) return List.of(b.operand(), b.low(), b.high());
        if (e instanceof Expr.Call c) return c.args();
        List<Expr> all = new ArrayList<>();
        if (e instanceof Expr.In in) {
            all.add(in.operand());
            all.addAll(in.values());
        } else if (e instanceof Expr.Case c) {
            c.whens().forEach(w -> {
                all.add(w.condition());
                all.add(w.result());
            });
            c.otherwise().ifPresent(all::add);
        }
        return all;
    }
}
