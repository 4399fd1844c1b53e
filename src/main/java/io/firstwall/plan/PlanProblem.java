package io.firstwall.plan;

/** One thing wrong with a plan: the field (a JSON path such as {@code phases[1].online}) and why. */
public record PlanProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
