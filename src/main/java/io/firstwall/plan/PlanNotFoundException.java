package io.firstwall.plan;

/** No saved plan, scenario, revision, rule file or fact with that id; answered with 404. */
public class PlanNotFoundException extends RuntimeException {

    public PlanNotFoundException(String what, long id) {
        super("There is no " + what + " with id " + id + ".");
    }

    /** Not found, said in the caller's own words. */
    public PlanNotFoundException(String message) {
        super(message);
    }
}
