package io.firstwall.rules;

/** A compile problem at a place in a rule file; line and column are 1-based, 0 when unknown. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + message;
    }
}
