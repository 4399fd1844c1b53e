package io.firstwall.plan;

/** No saved plan (or scenario) with that id. */
public class PlanNotFoundException extends RuntimeException {

    public PlanNotFoundException(String what, long id) {
        super("There is no " + what + " with id " + id + ".");
    }
}
