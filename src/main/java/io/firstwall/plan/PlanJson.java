package io.firstwall.plan;


/** Writes a plan in the v1 JSON format, as {@link io.firstwall.plan.PlanReader} reads it. */
public final class PlanJson {

    private PlanJson() {
    }

    public static String write(Plan plan) {
        return Json.PRETTY.writeValueAsString(plan);
    }
}
