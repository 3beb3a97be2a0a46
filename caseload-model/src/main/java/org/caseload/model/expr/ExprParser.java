package org.caseload.model.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.caseload.model.expr.Expr.Binary;
import org.caseload.model.expr.Expr.BinaryOp;

/**
 * Recursive-descent parser for model expressions. Grammar, loosest binding first:
 * {@code OR, AND, NOT, comparison (= <> != < <= > >= IS [NOT] NULL, [NOT] IN, BETWEEN),
 * + - ||, * /, unary -, primary}. Keywords are case-insensitive; strings use single quotes with
 * {@code ''} as the escape, as in standard SQL.
 */
public final class ExprParser {
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "not", "is", "null", "in", "between", "case", "when", "then", "else", "end",
            "true", "false");

    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** Parses a whole expression; anything left over is an error. */
    public static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        p.skipSpace();
        if (p.atEnd()) {
            throw new ExprSyntaxException("empty expression", 0);
        }
        Expr e = p.or();
        p.skipSpace();
        if (!p.atEnd()) {
            throw new ExprSyntaxException("unexpected '" + p.rest() + "'", p.pos);
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (true) {
            skipSpace();
            int at = pos;
            if (!keyword("or")) return left;
            left = new Binary(BinaryOp.OR, left, and(), at);
        }
    }

    private Expr and() {
        Expr left = not();
        while (true) {
            skipSpace();
            int at = pos;
            if (!keyword("and")) return left;
            left = new Binary(BinaryOp.AND, left, not(), at);
        }
    }

    private Expr not() {
        skipSpace();
        int at = pos;
        if (keyword("not")) {
            return new Expr.Not(not(), at);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        skipSpace();
        int at = pos;
        for (String[] op : new String[][] {{"<=", "LE"}, {">=", "GE"}, {"<>", "NE"}, {"!=", "NE"},
                {"=", "EQ"}, {"<", "LT"}, {">", "GT"}}) {
            if (symbol(op[0])) {
                return new Binary(BinaryOp.valueOf(op[1]), left, additive(), at);
            }
        }
        if (keyword("is")) {
            boolean negated = keyword("not");
            expectKeyword("null");
            return new Expr.IsNull(left, negated, at);
        }
        int mark = pos;
        boolean negated = keyword("not");
        if (keyword("in")) {
            expectSymbol("(");
            List<Expr> values = new ArrayList<>();
            do {
                values.add(additive());
            } while (symbol(","));
            expectSymbol(")");
            return new Expr.In(left, values, negated, at);
        }
        if (!negated && keyword("between")) {
            Expr low = additive();
            expectKeyword("and");
            return new Expr.Between(left, low, additive(), at);
        }
        pos = mark;
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            skipSpace();
            int at = pos;
            if (symbol("||")) {
                left = new Binary(BinaryOp.CONCAT, left, multiplicative(), at);
            } else if (symbol("+")) {
                left = new Binary(BinaryOp.ADD, left, multiplicative(), at);
            } else if (symbol("-")) {
                left = new Binary(BinaryOp.SUB, left, multiplicative(), at);
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            skipSpace();
            int at = pos;
            if (symbol("*")) {
                left = new Binary(BinaryOp.MUL, left, unary(), at);
            } else if (symbol("/")) {
                left = new Binary(BinaryOp.DIV, left, unary(), at);
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        skipSpace();
        int at = pos;
        if (symbol("-")) {
            Expr operand = unary();
            if (operand instanceof Expr.Number n) {
                return new Expr.Number(n.value().negate(), at);
            }
            return new Expr.Negate(operand, at);
        }
        return primary();
    }

    private Expr primary() {
        skipSpace();
        int at = pos;
        if (atEnd()) {
            throw new ExprSyntaxException("expression ends too early", pos);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = or();
            expectSymbol(")");
            return inner;
        }
        if (c == '\'') {
            return string();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (c == '"' || Character.isLetter(c) || c == '_') {
            if (keyword("null")) return new Expr.Null(at);
            if (keyword("true")) return new Expr.Bool(true, at);
            if (keyword("false")) return new Expr.Bool(false, at);
            if (keyword("case")) return caseExpr(at);
            String first = identifier();
            skipSpace();
            if (symbol("(")) {
                return call(first, at);
            }
            if (peek('.')) {
                pos++;
                String second = identifier();
                return new Expr.Ref(Optional.of(first), second, at);
            }
            return new Expr.Ref(Optional.empty(), first, at);
        }
        throw new ExprSyntaxException("unexpected '" + c + "'", pos);
    }

    private Expr call(String name, int at) {
        Functions.Signature sig = Functions.lookup(name).orElseThrow(() -> new ExprSyntaxException(
                "unknown function '" + name + "'; known: " + String.join(", ", Functions.all().keySet()), at));
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (!symbol(")")) {
            do {
                args.add(or());
            } while (symbol(","));
            expectSymbol(")");
        }
        if (args.size() < sig.minArgs() || args.size() > sig.maxArgs()) {
            throw new ExprSyntaxException(name + " takes " + (sig.minArgs() == sig.maxArgs() ? sig.minArgs()
                    : sig.minArgs() + " to " + sig.maxArgs()) + (sig.maxArgs() == 1 ? " argument" : " arguments")
                    + ", not " + args.size()
                    + " (" + sig.description() + ")", at);
        }
        return new Expr.Call(sig.name(), args, at);
    }

    private Expr caseExpr(int at) {
        List<Expr.When> whens = new ArrayList<>();
        while (keyword("when")) {
            Expr condition = or();
            expectKeyword("then");
            whens.add(new Expr.When(condition, or()));
        }
        if (whens.isEmpty()) {
            throw new ExprSyntaxException("CASE needs at least one WHEN", pos);
        }
        Optional<Expr> otherwise = keyword("else") ? Optional.of(or()) : Optional.empty();
        expectKeyword("end");
        return new Expr.Case(whens, otherwise, at);
    }

    private Expr string() {
        int at = pos;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (atEnd()) {
                throw new ExprSyntaxException("unterminated string", at);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    sb.append('\'');
                    pos++;
                } else {
                    return new Expr.Text(sb.toString(), at);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Expr number() {
        int at = pos;
        while (!atEnd() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        try {
            return new Expr.Number(new BigDecimal(text.substring(at, pos)), at);
        } catch (NumberFormatException e) {
            throw new ExprSyntaxException("bad number '" + text.substring(at, pos) + "'", at);
        }
    }

    private String identifier() {
        skipSpace();
        int at = pos;
        if (peek('"')) {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw new ExprSyntaxException("unterminated quoted identifier", at);
            }
            pos = end + 1;
            return text.substring(at + 1, end);
        }
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == at) {
            throw new ExprSyntaxException("expected a name", at);
        }
        return text.substring(at, pos);
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (end <= text.length() && text.substring(pos, end).toLowerCase(Locale.ROOT).equals(word)
                && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        if (!keyword(word)) {
            throw new ExprSyntaxException("expected " + word.toUpperCase(Locale.ROOT)
                    + (atEnd() ? " but the expression ended" : " before '" + rest() + "'"), pos);
        }
    }

    private boolean symbol(String s) {
        skipSpace();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expectSymbol(String s) {
        if (!symbol(s)) {
            throw new ExprSyntaxException("expected '" + s + "'"
                    + (atEnd() ? " but the expression ended" : " before '" + rest() + "'"), pos);
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private String rest() {
        String r = text.substring(pos);
        return r.length() > 20 ? r.substring(0, 20) + "…" : r;
    }

    /** True if the word is reserved and cannot name a column without quotes. */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
