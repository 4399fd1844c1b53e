package io.firstwall.editing;

import java.util.List;
import java.util.Map;

import io.firstwall.rules.RuleProblem;

/**
 * Everything an expert sees before publishing a change set of rules or facts: problems at their
 * file and line, the rule test scenarios, the impact on every saved plan, the DRL generated from
 * changed decision tables, and the changed lines (rows) of each file.
 */
public record Validation(boolean ok, String baseVersion, List<RuleProblem> errors,
        List<ScenarioRunner.Result> scenarios, List<Impact> impact, Map<String, String> generatedDrl,
        Map<String, List<LineDiff.Line>> changes) {

    public boolean scenariosPass() {
        return scenarios.stream().allMatch(ScenarioRunner.Result::passed);
    }
}
