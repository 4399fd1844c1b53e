package io.firstwall.editing;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.ruletests.RuleTests;
import io.firstwall.system.FirstwallProperties;

/**
 * The live rule tests ({@code rules/tests/*.json}), which every rule and every fact change must
 * pass; they change only with a rule revision.
 */
@Component
class LiveRuleTests {

    private final FirstwallProperties properties;
    private volatile Map<String, String> files;

    LiveRuleTests(FirstwallProperties properties) {
        this.properties = properties;
        this.files = Map.copyOf(RuleTests.read(properties.rulesDir()));
    }

    /** The live rule tests, path (tests/NAME.json) to text. */
    Map<String, String> files() {
        return files;
    }

    /** The rule tests on disk, which an outside edit (a git pull) may have changed with the facts. */
    Map<String, String> onDisk() {
        return RuleTests.read(properties.rulesDir());
    }

    /** The rule tests among a rule set's files become the live ones. */
    void replace(Map<String, String> ruleFiles) {
        files = Map.copyOf(RuleTests.of(ruleFiles));
    }

    /** Runs the live rule tests, or those on disk, with a rule base and a fact base. */
    List<RuleTestResult> run(Analyzer rules, FactBase facts, boolean asOnDisk) {
        return RuleTests.run(asOnDisk ? onDisk() : files, rules, facts, properties.dataDir());
    }

    /** Runs the rule tests among {@code files}. */
    List<RuleTestResult> run(Map<String, String> ruleFiles, Analyzer rules, FactBase facts) {
        return RuleTests.run(ruleFiles, rules, facts, properties.dataDir());
    }
}
