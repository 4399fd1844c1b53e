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

    /** The message with each problem and each failing rule test, in one paragraph. */
    public String explained() {
        StringBuilder why = new StringBuilder(getMessage());
        if (validation != null) {
            validation.errors().forEach(p -> why.append(' ').append(p));
            validation.ruleTests().stream().filter(s -> !s.passed())
                    .forEach(s -> why.append(" Rule test ").append(s.file()).append(" expected ").append(s.expected())
                            .append(", got ").append(s.actual()).append('.'));
        }
        return why.toString();
    }

    public boolean isConflict() {
        return this instanceof ConflictException;
    }
}
