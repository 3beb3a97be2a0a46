package org.caseload.engine.query;

import java.util.List;

/** Keeps rows whose member of {@code dimension} is (or is not) one of {@code values}, each a key or a label. */
public record DimensionFilter(String dimension, Op op, List<String> values) {
    public enum Op { EQ, IN, NOT_IN }

    public DimensionFilter {
        values = List.copyOf(values);
    }

    public static DimensionFilter in(String dimension, String... values) {
        return new DimensionFilter(dimension, values.length == 1 ? Op.EQ : Op.IN, List.of(values));
    }

    public static DimensionFilter notIn(String dimension, String... values) {
        return new DimensionFilter(dimension, Op.NOT_IN, List.of(values));
    }
}
