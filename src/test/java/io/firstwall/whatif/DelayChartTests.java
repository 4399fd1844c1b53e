package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Power;

/** The delay chart names each scenario on its own line, cut with an ellipsis when long, the full name as its tooltip. */
class DelayChartTests {

    @Test
    void aLongScenarioNameIsCutWithItsFullNameAsTooltip() {
        Analysis a = AnalysisFixtures.analyze(AnalysisFixtures.plan("US-TN", Power.ONSITE_GAS).phase("2027-12-31", 110_000));
        String name = "Slots in 2025, fast permits, a secured HBM allocation and a second substation";
        String svg = DelayChart.svg(List.of("Base plan", name), List.of(a, a));
        assertThat(svg).contains(">Slots in 2025, fast permits,\u2026<title>" + name + "</title>")
                .contains(">Base plan<title>Base plan</title>");
        assertThat(DelayChart.shortName("x".repeat(30))).hasSize(30).doesNotContain("\u2026");
    }
}
