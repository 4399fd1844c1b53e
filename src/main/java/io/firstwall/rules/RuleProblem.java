package io.firstwall.rules;

/** A problem at a place in a rule or fact file; line and column are 1-based, 0 when unknown. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + " " + message;
    }
}
