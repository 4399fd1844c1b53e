package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.rules.RuleProblem;
import io.firstwall.ruletests.RuleTestResult;

/** The review's one-sentence summary, and tables diffed cell by cell. */
class ReviewSummaryTests {

    private static Impact plan(String name, boolean changed) {
        return new Impact(1, name, "GRID_INTERCONNECT", changed ? "PERMITS" : "GRID_INTERCONNECT", changed);
    }

    @Test
    void aFailingRuleTestIsNeverSummedUpAsNoProblems() {
        RuleTestResult fail = new RuleTestResult("tests/a.json", false, "GRID", "PERMITS");
        RuleTestResult pass = new RuleTestResult("tests/b.json", true, "GRID", "GRID");
        Validation v = new Validation(false, "v", List.of(), List.of(fail, pass),
                List.of(plan("A", true), plan("B", false), plan("C", false)), Map.of(), Map.of());
        assertThat(v.summary()).isEqualTo("No problems in the files, 1 of 2 rule tests fails, 1 of 3 saved plans"
                + " changes first wall: a failing rule test blocks publishing until it expects the new answer.");
        assertThat(v.changedPlans()).extracting(Impact::name).containsExactly("A");
        assertThat(v.unchangedPlans()).extracting(Impact::name).containsExactly("B", "C");
    }

    @Test
    void problemsComeFirstAndAReadyChangeSaysSo() {
        Validation broken = new Validation(false, "v", List.of(new RuleProblem("rules/a.drl", 3, 1, "x"),
                new RuleProblem("rules/a.drl", 5, 1, "y")), List.of(), List.of(), Map.of(), Map.of());
        assertThat(broken.summary()).isEqualTo("2 problems in the files: nothing can be published until the problems"
                + " are fixed.");
        RuleTestResult pass = new RuleTestResult("tests/b.json", true, "GRID", "GRID");
        Validation ready = new Validation(true, "v", List.of(), List.of(pass), List.of(plan("A", false)), Map.of(),
                Map.of());
        assertThat(ready.summary()).isEqualTo("No problems in the files, the rule test passes, 0 of 1 saved plans"
                + " change first wall: ready to publish.");
    }

    @Test
    void aChangedRowMarksOnlyItsChangedCells() {
        List<LineDiff.Line> lines = LineDiff.changes("id,value,source\nx,48,\"a, b\"\ny,1,s\n",
                "id,value,source\nx,60,\"a, b\"\ny,1,s\nz,2,t\n");
        List<CellDiff.Row> rows = CellDiff.rows(lines);
        assertThat(rows).hasSize(2);
        CellDiff.Row changed = rows.get(0);
        assertThat(changed.op()).isEqualTo('~');
        assertThat(changed.cells()).extracting(CellDiff.Cell::changed).containsExactly(false, true, false);
        assertThat(changed.cells().get(1)).isEqualTo(new CellDiff.Cell("48", "60"));
        assertThat(changed.cells().get(2).after()).as("a quoted cell with a comma stays one cell").isEqualTo("a, b");
        assertThat(rows.get(1).op()).isEqualTo('+');
        assertThat(rows.get(1).cells()).extracting(CellDiff.Cell::after).containsExactly("z", "2", "t");
        assertThat(CellDiff.isTable("facts/permits.csv")).isTrue();
        assertThat(CellDiff.isTable("grid/grid_interconnect.drl")).isFalse();
    }
}
