package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleCompiler;

/** Rules that never settle, outrun their time or exhaust memory end as a clear refusal, never a hang or a crash. */
class AnalysisBudgetTests {

    static final Plan PLAN = AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30", 100_000).build();

    static Map<String, String> withRule(String when, String then) {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put("test/budget.drl", "package rules.test;\nimport io.firstwall.plan.Plan;\nimport io.firstwall.analysis.Note;\n"
                + "rule \"T-001 Budget\"\nwhen\n" + when + "then\n    " + then + "\nend\n");
        return files;
    }

    static final Map<String, String> LOOPING = withRule("    $p : Plan()\n    $n : Note()\n",
            "insert(new Note($n.factor(), $n.ruleId(), $n.text() + \".\", $n.factIds()));");

    @Test
    void aRuleThatOutrunsItsTimeIsHaltedFromOutsideTheSession() {
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(LOOPING), Duration.ofMillis(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("ran longer than 1 ms and were stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAtTheFiringCap() {
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(LOOPING), Duration.ofMinutes(5));
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("fired " + Analyzer.MAX_FIRINGS + " times");
    }

    @Test
    void aRuleThatExhaustsMemoryIsAClearRefusal() {
        Analyzer analyzer = new Analyzer(RuleCompiler.compile(withRule("    $p : Plan()\n",
                "double[] big = new double[Integer.MAX_VALUE - 8];")));
        assertThatThrownBy(() -> analyzer.analyze(PLAN, AnalysisFixtures.FACTS))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("ran out of memory");
    }

    @Test
    void theRealRulesFinishWellWithinTheBudget() {
        Analysis a = AnalysisFixtures.ANALYZER.analyze(PLAN, AnalysisFixtures.FACTS);
        assertThat(a.demand()).isNotEmpty();
    }
}
