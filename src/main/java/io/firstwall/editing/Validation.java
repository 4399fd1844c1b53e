package io.firstwall.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.rules.RuleProblem;

/**
 * Everything an expert sees before publishing a change set of rules or facts: problems at their
 * file and line, the rule tests, the impact on every saved plan, the DRL generated from changed
 * decision tables, and the changed lines (rows) of each file. The rule tests keep their JSON name
 * {@code scenarios}, which API clients already read.
 */
public record Validation(boolean ok, String baseVersion, List<RuleProblem> errors,
        @JsonProperty("scenarios") List<RuleTestResult> ruleTests, List<Impact> impact, Map<String, String> generatedDrl,
        Map<String, List<LineDiff.Line>> changes, Map<String, List<String>> tableHeaders, List<RuleProblem> warnings) {

    public Validation(boolean ok, String baseVersion, List<RuleProblem> errors, List<RuleTestResult> ruleTests,
            List<Impact> impact, Map<String, String> generatedDrl, Map<String, List<LineDiff.Line>> changes) {
        this(ok, baseVersion, errors, ruleTests, impact, generatedDrl, changes, Map.of(), List.of());
    }

    /** The column names of a changed table file (a fact CSV's header row), or none. */
    public List<String> headerOf(String path) {
        return tableHeaders.getOrDefault(path, List.of());
    }

    public boolean ruleTestsPass() {
        return ruleTests.stream().allMatch(RuleTestResult::passed);
    }

    /** How many rule tests answer differently from what they expect. */
    public long failingRuleTests() {
        return ruleTests.stream().filter(t -> !t.passed()).count();
    }

    /** The saved plans whose first wall the change moves. */
    public List<Impact> changedPlans() {
        return impact.stream().filter(Impact::changed).toList();
    }

    /** The saved plans the change leaves as they were. */
    public List<Impact> unchangedPlans() {
        return impact.stream().filter(i -> !i.changed()).toList();
    }

    /**
     * The review in one sentence, counting what blocks a publish and what it changes; never "no
     * problems" while a failing rule test blocks the publish.
     */
    @JsonProperty
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(errors.isEmpty() ? "no problems in the files" : count(errors.size(), "problem", "problems")
                + " in the files");
        if (!warnings.isEmpty()) {
            parts.add(count(warnings.size(), "warning", "warnings") + " about a table's rows");
        }
        if (!ruleTests.isEmpty()) {
            long failing = failingRuleTests();
            parts.add(failing == 0 ? (ruleTests.size() == 1 ? "the rule test passes" : "all " + ruleTests.size()
                    + " rule tests pass")
                    : failing + " of " + ruleTests.size() + " rule tests " + (failing == 1 ? "fails" : "fail"));
        }
        if (!impact.isEmpty()) {
            int changed = changedPlans().size();
            parts.add(changed + " of " + impact.size() + " saved plans " + (changed == 1 ? "changes" : "change")
                    + " first wall");
        }
        String verdict = !errors.isEmpty() ? "nothing can be published until the problems are fixed"
                : !ruleTestsPass() ? "a failing rule test blocks publishing until it expects the new answer"
                        : "ready to publish";
        String sentence = String.join(", ", parts) + ": " + verdict + ".";
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
