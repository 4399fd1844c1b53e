package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Analyzer;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleCompiler;

/** The chart is built from names that rules choose; none of them can become markup. */
class TimelineChartTests {

    static final String HOSTILE = "<img src=x onerror=alert(1)>\\\"'";

    @Test
    void aFactorNamedLikeMarkupIsEscapedInTheChart() {
        Map<String, String> files = new LinkedHashMap<>(AnalysisFixtures.RULES.files());
        files.put("test/markup.drl", "package rules.test;\nimport io.firstwall.analysis.PhaseDemand;\n"
                + "import io.firstwall.analysis.Need;\nimport io.firstwall.analysis.Supply;\n"
                + "rule \"T-001 Markup\"\nwhen\n    $d : PhaseDemand()\nthen\n"
                + "    insert(new Need(\"" + HOSTILE + "\", $d.phase(), $d.online(), 1.0, \"MW\", \"T-001\", $d.factIds()));\n"
                + "    insert(new Supply(\"" + HOSTILE + "\", \"x\", $d.online().plusYears(1), 1.0, \"T-001\", \"later\","
                + " $d.factIds()));\nend\n");
        Analysis a = new Analyzer(RuleCompiler.compile(files))
                .analyze(AnalysisFixtures.plan("US-TX", Power.GRID).phase("2028-06-30", 10_000).build(), AnalysisFixtures.FACTS);
        assertThat(a.curves()).anySatisfy(c -> assertThat(c.factor()).startsWith("<img"));
        String svg = TimelineChart.svg(a);
        assertThat(svg).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
