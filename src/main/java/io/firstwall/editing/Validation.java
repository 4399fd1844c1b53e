package io.firstwall.editing;

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
        Map<String, List<LineDiff.Line>> changes) {

    public boolean ruleTestsPass() {
        return ruleTests.stream().allMatch(RuleTestResult::passed);
    }
}
