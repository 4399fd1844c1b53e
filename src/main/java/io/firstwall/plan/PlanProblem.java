package io.firstwall.plan;

/** One thing wrong with a plan: the field (a JSON path such as {@code phases[1].online}) and why. */
public record PlanProblem(String field, String message) {

    @Override
    public String toString() {
        return WHOLE_PLAN.equals(field) ? "The plan is " + message : field + ": " + message;
    }

    /** The field of a problem with the plan as a whole (JSON Path's root, as API clients read it). */
    public static final String WHOLE_PLAN = "$";
}
