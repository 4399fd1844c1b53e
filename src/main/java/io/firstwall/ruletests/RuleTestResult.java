package io.firstwall.ruletests;

/** One rule test's outcome: the file, whether the rules answered as expected, what was expected and what came. */
public record RuleTestResult(String file, boolean passed, String expected, String actual) {
}
