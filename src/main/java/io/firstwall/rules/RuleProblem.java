package io.firstwall.rules;

/**
 * A problem at a place in a rule or fact file; line and column are 1-based, 0 when unknown. The
 * message is in plain words; {@code detail}, when there is one, is what the parser said (null otherwise).
 */
public record RuleProblem(String file, int line, int column, String message, String detail) {

    public RuleProblem(String file, int line, int column, String message) {
        this(file, line, column, message, null);
    }

    /** The same problem with what the parser said about it. */
    public RuleProblem withDetail(String parserText) {
        return new RuleProblem(file, line, column, message, parserText);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + " " + message;
    }
}
