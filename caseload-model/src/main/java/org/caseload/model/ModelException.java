package org.caseload.model;

import java.util.List;
import java.util.stream.Collectors;

/** A model that cannot be used, with every problem found (not just the first). */
public final class ModelException extends RuntimeException {
    private final List<Problem> problems;

    public ModelException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
