package org.caseload.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseload.model.expr.Sexpr.show;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprParserTest {

    private static String tree(String text) {
        return show(ExprParser.parse(text));
    }

    private static Expr.Ref ref(String name, int offset) {
        return new Expr.Ref(Optional.empty(), name, offset);
    }

    // --- precedence and associativity ---

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(tree("a + b * c")).isEqualTo("(+ a (* b c))");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(tree("(a + b) * c")).isEqualTo("(* (+ a b) c)");
    }

    @Test
    void arithmeticIsLeftAssociative() {
        assertThat(tree("a - b - c")).isEqualTo("(- (- a b) c)");
        assertThat(tree("a / b * c")).isEqualTo("(* (/ a b) c)");
    }

    @Test
    void concatenationBindsLikeAddition() {
        assertThat(tree("a || b + c")).isEqualTo("(+ (|| a b) c)");
    }

    @Test
    void unaryMinusBindsTighterThanMultiplicationAndFoldsIntoNumbers() {
        assertThat(tree("-a * b")).isEqualTo("(* (neg a) b)");
        assertThat(tree("-2 * b")).isEqualTo("(* -2 b)");
    }

    @Test
    void comparisonBindsLooserThanArithmetic() {
        assertThat(tree("a + 1 > b * 2")).isEqualTo("(> (+ a 1) (* b 2))");
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertThat(tree("x = 1 or y = 2 and not z = 3")).isEqualTo("(or (= x 1) (and (= y 2) (not (= z 3))))");
    }

    @Test
    void notAppliesToAWholeComparison() {
        assertThat(tree("not a = 1 and b")).isEqualTo("(and (not (= a 1)) b)");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(tree("A AND B Or c")).isEqualTo("(or (and A B) c)");
        assertThat(tree("X IS NOT NULL")).isEqualTo("(is-not-null X)");
    }

    @Test
    void allComparisonOperatorsParse() {
        assertThat(tree("a <= 1")).isEqualTo("(<= a 1)");
        assertThat(tree("a >= 1")).isEqualTo("(>= a 1)");
        assertThat(tree("a <> 1")).isEqualTo("(<> a 1)");
        assertThat(tree("a != 1")).isEqualTo("(<> a 1)");
        assertThat(tree("a < 1")).isEqualTo("(< a 1)");
    }

    // --- the SQL forms ---

    @Test
    void caseWithSeveralWhensAndElse() {
        assertThat(tree("case when x > 1 then 'big' when x > 0 then 'small' else 'none' end"))
                .isEqualTo("(case (when (> x 1) 'big') (when (> x 0) 'small') (else 'none'))");
    }

    @Test
    void caseWithoutElse() {
        assertThat(tree("CASE WHEN x IS NULL THEN 0 END")).isEqualTo("(case (when (is-null x) 0))");
    }

    @Test
    void inAndNotIn() {
        assertThat(tree("status in ('completed', 'no_show')")).isEqualTo("(in status 'completed' 'no_show')");
        assertThat(tree("status not in ('cancelled')")).isEqualTo("(not-in status 'cancelled')");
    }

    @Test
    void betweenTakesItsAndBeforeTheLogicalAnd() {
        assertThat(tree("age between 18 and 34 and sex = 'f'")).isEqualTo("(and (between age 18 34) (= sex 'f'))");
    }

    @Test
    void isNullAndIsNotNull() {
        assertThat(tree("ended_at is null")).isEqualTo("(is-null ended_at)");
        assertThat(tree("ended_at is not null")).isEqualTo("(is-not-null ended_at)");
    }

    @Test
    void doubledQuoteInAStringIsOneQuote() {
        assertThat(ExprParser.parse("'O''Brien'")).isEqualTo(new Expr.Text("O'Brien", 0));
        assertThat(ExprParser.parse("''")).isEqualTo(new Expr.Text("", 0));
    }

    @Test
    void literals() {
        assertThat(ExprParser.parse("0.9")).isEqualTo(new Expr.Number(new BigDecimal("0.9"), 0));
        assertThat(ExprParser.parse(".5")).isEqualTo(new Expr.Number(new BigDecimal(".5"), 0));
        assertThat(ExprParser.parse("true")).isEqualTo(new Expr.Bool(true, 0));
        assertThat(ExprParser.parse("FALSE")).isEqualTo(new Expr.Bool(false, 0));
        assertThat(ExprParser.parse("null")).isEqualTo(new Expr.Null(0));
    }

    @Test
    void qualifiedAndQuotedColumnNames() {
        assertThat(ExprParser.parse("patients.birth_year"))
                .isEqualTo(new Expr.Ref(Optional.of("patients"), "birth_year", 0));
        assertThat(ExprParser.parse("\"order date\"")).isEqualTo(ref("order date", 0));
        assertThat(ExprParser.parse("\"end\" > 1")).isEqualTo(
                new Expr.Binary(Expr.BinaryOp.GT, ref("end", 0), new Expr.Number(BigDecimal.ONE, 8), 6));
    }

    @Test
    void wordsThatOnlyStartWithAKeywordAreColumns() {
        assertThat(tree("notes = 1 and in_network and order_id is null"))
                .isEqualTo("(and (and (= notes 1) in_network) (is-null order_id))");
    }

    @Test
    void functionNamesAreCaseInsensitiveAndStoredInLowerCase() {
        assertThat(ExprParser.parse("COALESCE(a, 0)")).isEqualTo(new Expr.Call("coalesce",
                List.of(ref("a", 9), new Expr.Number(BigDecimal.ZERO, 12)), 0));
    }

    @Test
    void functionsWithOptionalAndRepeatedArguments() {
        assertThat(tree("round(x)")).isEqualTo("(round x)");
        assertThat(tree("round(x, 2)")).isEqualTo("(round x 2)");
        assertThat(tree("concat(staff_id, '|', date(scheduled_at))")).isEqualTo("(concat staff_id '|' (date scheduled_at))");
    }

    // --- offsets, which become columns in error messages ---

    @Test
    void everyNodeKnowsWhereItWasWritten() {
        // a + b * c
        // 0 2 4 6 8
        assertThat(ExprParser.parse("a + b * c")).isEqualTo(new Expr.Binary(Expr.BinaryOp.ADD, ref("a", 0),
                new Expr.Binary(Expr.BinaryOp.MUL, ref("b", 4), ref("c", 8), 6), 2));
    }

    @Test
    void andAndOrAreLocatedAtTheirKeyword() {
        // a or b and c
        // 0 2  5 7   11
        assertThat(ExprParser.parse("a or b and c")).isEqualTo(new Expr.Binary(Expr.BinaryOp.OR, ref("a", 0),
                new Expr.Binary(Expr.BinaryOp.AND, ref("b", 5), ref("c", 11), 7), 2));
    }

    @Test
    void unknownFunctionIsReportedAtItsNameWithTheKnownOnes() {
        assertThatThrownBy(() -> ExprParser.parse("1 + foo(x)"))
                .isInstanceOfSatisfying(ExprSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(4))
                .hasMessage("unknown function 'foo'; known: abs, coalesce, concat, date, greatest, hours_between, "
                        + "least, lower, minutes_between, nullif, round, upper, year");
    }

    @Test
    void tooManyArgumentsIsReportedAtTheFunctionWithItsSignature() {
        assertThatThrownBy(() -> ExprParser.parse("round(a, 1, 2)"))
                .isInstanceOfSatisfying(ExprSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(0))
                .hasMessage("round takes 1 to 2 arguments, not 3 (round(number[, digits]))");
    }

    @Test
    void tooFewArguments() {
        assertThatThrownBy(() -> ExprParser.parse("x + date()"))
                .isInstanceOfSatisfying(ExprSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(4))
                .hasMessage("date takes 1 argument, not 0 (date(timestamp): the calendar day)");
        assertThatThrownBy(() -> ExprParser.parse("nullif(a)"))
                .isInstanceOfSatisfying(ExprSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(0))
                .hasMessage("nullif takes 2 arguments, not 1 (nullif(a, b): null when a = b, else a)");
    }

    @ParameterizedTest(name = "[{0}] fails at {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                 | 0  | empty expression
            "   "              | 0  | empty expression
            a +                | 3  | expression ends too early
            a b                | 2  | unexpected 'b'
            a ? b              | 2  | unexpected '? b'
            (a + b             | 6  | expected ')' but the expression ended
            status = 'done     | 9  | unterminated string
            x is nul           | 5  | expected NULL before 'nul'
            case else 1 end    | 5  | CASE needs at least one WHEN
            case when x then 1 | 18 | expected END but the expression ended
            x in 1, 2          | 5  | expected '(' before '1, 2'
            x between 1 or 2   | 12 | expected AND before 'or 2'
            1.2.3              | 0  | bad number '1.2.3'
            """)
    void syntaxErrorsSayWhatAndWhere(String text, int offset, String message) {
        assertThatThrownBy(() -> ExprParser.parse(text))
                .isInstanceOfSatisfying(ExprSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessage(message);
    }

    @Test
    void unterminatedQuotedColumnName() {
        assertThatThrownBy(() -> ExprParser.parse("1 + \"abc"))
                .isInstanceOfSatisfying(ExprSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(4))
                .hasMessage("unterminated quoted identifier");
    }

    @Test
    void reservedWords() {
        assertThat(ExprParser.isKeyword("CASE")).isTrue();
        assertThat(ExprParser.isKeyword("between")).isTrue();
        assertThat(ExprParser.isKeyword("status")).isFalse();
    }
}
