package io.firstwall.editing;

import java.util.List;
import java.util.Map;

/** A publish that could not go through; the live rules and facts are untouched. */
public class RefusedException extends RuntimeException {

    private final transient Validation validation;
    private final transient Map<String, List<LineDiff.Line>> conflict;

    RefusedException(String message, Validation validation, Map<String, List<LineDiff.Line>> conflict) {
        super(message);
        this.validation = validation;
        this.conflict = conflict;
    }

    RefusedException(String message) {
        this(message, null, Map.of());
    }

    public Validation validation() {
        return validation;
    }

    public Map<String, List<LineDiff.Line>> conflict() {
        return conflict;
    }

    public boolean isConflict() {
        return getMessage().startsWith("Conflict");
    }
}
