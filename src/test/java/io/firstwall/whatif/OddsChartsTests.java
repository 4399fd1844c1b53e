package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;

/** The tornado: labels that fit their column, and the facts worth a bar ranked by their swing. */
class OddsChartsTests {

    @Test
    void aLongFactIdKeepsItsEndAndFitsTheLabelColumn() {
        assertThat(OddsCharts.label("launch.mass_kg_per_kw_it")).isEqualTo("launch.mass_kg_per_kw_it");
        String point = "launch.licensed_per_year.slc37@2027-07-01";
        assertThat(OddsCharts.label(point)).hasSize(OddsCharts.LABEL_CHARS).startsWith("\u2026")
                .endsWith("slc37@2027-07-01");
    }

    /**
     * The tornado ranks by swing and leaves out facts that move nothing: on the Ohio plan, the step-up
     * transformers (4 to 21 months) come first; of the ten most correlated facts, several move the delay
     * not at all at either end and are not drawn.
     */
    @Test
    void theTornadoRanksBySwingAndLeavesOutFactsThatMoveNothing() throws Exception {
        Plan ohio = new PlanReader(AnalysisFixtures.FACTS)
                .read(Files.readString(Path.of("data/plans/ohio-gas-engines.json")));
        Uncertainty u = new MonteCarlo(AnalysisFixtures.ANALYZER).run(ohio, AnalysisFixtures.FACTS, 300, 1, null);
        List<Uncertainty.Sensitivity> ranked = OddsCharts.ranked(u);
        assertThat(u.sensitivity().stream().limit(10))
                .anySatisfy(s -> assertThat(s.lowDelayMonths()).isEqualTo(s.highDelayMonths()));
        assertThat(ranked).isNotEmpty().allSatisfy(s -> assertThat(s.flipsFirstWall()
                || !java.util.Objects.equals(s.lowDelayMonths(), s.highDelayMonths())).as(s.fact()).isTrue());
        assertThat(ranked.get(0).fact()).isEqualTo("grid_equipment.gsu.lead_weeks");
        for (int i = 1; i < ranked.size(); i++) {
            Uncertainty.Sensitivity a = ranked.get(i - 1);
            Uncertainty.Sensitivity b = ranked.get(i);
            assertThat(Math.abs(a.highDelayMonths() - a.lowDelayMonths()))
                    .isGreaterThanOrEqualTo(Math.abs(b.highDelayMonths() - b.lowDelayMonths()));
        }
        assertThat(OddsCharts.tornado(u)).contains("grid_equipment.gsu.lead_weeks")
                .doesNotContain(">memory.dram_contract_price_qoq<");
    }
}
