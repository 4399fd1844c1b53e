package io.firstwall.facts;

/** A rule asked for a fact that the fact base does not have. */
public class MissingFactException extends RuntimeException {

    public MissingFactException(String id) {
        super("a rule needs the fact '" + id + "', which is not in the fact base (data/facts/*.csv)");
    }
}
