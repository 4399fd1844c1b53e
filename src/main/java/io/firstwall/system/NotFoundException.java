package io.firstwall.system;

/** No saved plan, scenario, revision, rule file or fact with that id; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super("There is no " + what + " with id " + id + ".");
    }

    /** Not found, said in the caller's own words. */
    public NotFoundException(String message) {
        super(message);
    }
}
