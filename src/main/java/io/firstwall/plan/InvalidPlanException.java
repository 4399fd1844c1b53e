package io.firstwall.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that cannot be analyzed, with every problem found. */
public class InvalidPlanException extends RuntimeException {

    private final transient List<PlanProblem> problems;

    public InvalidPlanException(List<PlanProblem> problems) {
        super("invalid plan: " + problems.stream().map(PlanProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
