package org.caseload.engine.query;

import java.math.BigDecimal;

/** A condition on a metric's value after aggregation (SQL HAVING), e.g. {@code visits > 100}. */
public record MetricFilter(String metric, Op op, BigDecimal value) {
    public enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("="), NE("!=");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }
}
