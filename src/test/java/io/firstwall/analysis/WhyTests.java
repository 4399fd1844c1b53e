package io.firstwall.analysis;

import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static io.firstwall.analysis.AnalysisFixtures.RULES;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;

/** "Why" runs the real rules with probes and names, for each rule that did not fire, the condition that failed. */
class WhyTests {

    static Why.RuleWhy rule(List<Why.RuleWhy> trace, String id) {
        return trace.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    /** The line of the permits table a rule's row is on, as a spreadsheet numbers it. */
    static int csvLine(String id) {
        List<String> lines = RULES.files().get("permits/permits_by_region.drl.csv").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(id + " ")) {
                return i + 1;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void everyRuleIsTracedAndTheFiredOnesAreThoseTheAnalysisFired() {
        Plan p = plan("US-TN", Power.GRID).phase("2028-06-30", 100_000).build();
        List<Why.RuleWhy> trace = Why.of(RULES).explain(p, FACTS);
        assertThat(trace).extracting(Why.RuleWhy::id).containsAll(RULES.rules().stream().map(r -> r.id()).toList());
        assertThat(trace).filteredOn(Why.RuleWhy::fired).extracting(Why.RuleWhy::id)
                .containsExactlyInAnyOrderElementsOf(new Analyzer(RULES).analyze(p, FACTS).rulesFired());
        assertThat(trace).extracting(Why.RuleWhy::id).noneMatch(id -> id.startsWith("TRACE-"));
    }

    @Test
    void aTableRowThatDidNotMatchNamesTheCellThatFailedAndThePlansValue() {
        Plan p = plan("US-TN", Power.GRID).phase("2028-06-30", 100_000).build();
        Why.RuleWhy contested = rule(Why.of(RULES).explain(p, FACTS), "PERM-010");
        assertThat(contested.fired()).isFalse();
        assertThat(contested.file()).isEqualTo("permits/permits_by_region.drl.csv");
        assertThat(contested.tableRow()).isEqualTo(csvLine("PERM-010"));
        assertThat(contested.failedCondition()).isEqualTo("power == Power.ONSITE_GAS");
        assertThat(contested.values()).contains("power is GRID");
        assertThat(contested.held()).as("location == US-TN held before the power cell failed").isPositive();
    }

    @Test
    void aTableRowThatMatchedIsNamedByItsRow() {
        Plan p = plan("US-TN", Power.GRID).phase("2028-06-30", 100_000).build();
        Why.RuleWhy local = rule(Why.of(RULES).explain(p, FACTS), "PERM-022");
        assertThat(local.fired()).isTrue();
        assertThat(local.tableRow()).isEqualTo(csvLine("PERM-022"));
    }

    @Test
    void aRuleInAnotherRegionFailsAtTheRegion() {
        Plan p = plan("US-TN", Power.ONSITE_GAS).phase("2028-06-30", 100_000).build();
        Why.RuleWhy texas = rule(Why.of(RULES).explain(p, FACTS), "PERM-012");
        assertThat(texas.failedCondition()).isEqualTo("location == \"US-TX\"");
        assertThat(texas.values()).contains("location is US-TN");
        assertThat(texas.held()).isZero();
    }

    @Test
    void anAttributeConditionShowsTheAttribute() {
        Plan p = plan("US-VA", Power.GRID).phase("2028-06-30", 100_000).build();
        Why.RuleWhy nepa = rule(Why.of(RULES).explain(p, FACTS), "PERM-002");
        assertThat(nepa.file()).isEqualTo("permits/permits_sentences.dslr");
        assertThat(nepa.failedCondition()).isEqualTo("flag(\"federalNexus\")");
        assertThat(nepa.values()).contains("attribute federalNexus is false");
    }

    @Test
    void anOrbitalPlanFailsTheEarthConditionOfTheGroundRules() {
        Plan p = plan("LEO", Power.SPACE_SOLAR).phase("2030-01-01", 1_000).build();
        Why.RuleWhy permits = rule(Why.of(RULES).explain(p, FACTS), "PERM-001");
        assertThat(permits.fired()).isFalse();
        assertThat(permits.failedCondition()).isEqualTo("orbital == false");
        assertThat(permits.values()).contains("orbital is true");
    }

    @Test
    void theTraceIsBuiltOncePerRuleSet() {
        assertThat(Why.of(RULES)).isSameAs(Why.of(RULES));
    }

    @Test
    void aLoopingRuleStopsTheTraceWithTheSameWordsAsAnAnalysis() {
        Why why = Why.build(io.firstwall.rules.RuleCompiler.compile(AnalysisBudgetTests.LOOPING));
        Plan p = plan("US-TX", Power.GRID).phase("2028-06-30", 100_000).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> why.explain(p, FACTS))
                .isInstanceOf(AnalysisException.class).hasMessageMatching("the rules (fired .* times without settling|used more than .* ms of CPU while analyzing .* and were stopped).*");
    }

    @Test
    void aRuleThatExtendsAnotherIsListedUntracedNotCutWrong() {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>(RULES.files());
        files.put("test/child.drl", "package rules.test;\nimport io.firstwall.plan.Plan;\n"
                + "rule \"T-001 Parent\"\nwhen\n    $p : Plan(location == \"US-TX\")\nthen\nend\n"
                + "rule \"T-002 Child\" extends \"T-001 Parent\"\nwhen\n    Plan(power == io.firstwall.plan.Power.ONSITE_GAS)\nthen\nend\n");
        List<Why.RuleWhy> trace = Why.build(io.firstwall.rules.RuleCompiler.compile(files))
                .explain(plan("US-TX", Power.GRID).phase("2028-06-30", 100_000).build(), FACTS);
        Why.RuleWhy child = rule(trace, "T-002");
        assertThat(child.fired()).isFalse();
        assertThat(child.failedCondition()).as("no probe was cut for it").isNull();
        assertThat(child.conditions()).isZero();
        assertThat(rule(trace, "T-001").fired()).isTrue();
    }
}
