package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;

/** The chart is built from names that rules choose; none of them can become markup. */
class TimelineChartTests {

    static final String HOSTILE = "<img src=x onerror=alert(1)>\\\"'";

    /** A wall named like markup never reaches a chart: the rule set that names it does not compile. */
    @Test
    void aFactorNamedLikeMarkupIsRefusedWhenTheRulesAreBuilt() {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put("test/markup.drl", "package rules.test;\nimport io.firstwall.analysis.PhaseDemand;\n"
                + "import io.firstwall.analysis.Need;\n"
                + "rule \"T-001 Markup\"\nwhen\n    $d : PhaseDemand()\nthen\n"
                + "    insert(new Need(\"" + HOSTILE + "\", $d.phase(), $d.online(), 1.0, \"MW\", \"T-001\", $d.factIds()));\n"
                + "end\n");
        assertThatThrownBy(() -> RuleCompiler.compile(files)).isInstanceOf(RuleBuildException.class)
                .hasMessageContaining("is not capitals, digits and _");
    }

    /** And the chart escapes whatever names it is given, as a second line of defence. */
    @Test
    void aLabelLikeMarkupIsEscapedInTheChart() {
        Analysis a = AnalysisFixtures.ANALYZER.analyze(AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30",
                100_000).build(), AnalysisFixtures.FACTS);
        assertThat(a.firstWall()).isNotNull();
        String svg = TimelineChart.svg(a, factor -> HOSTILE);
        assertThat(svg).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
